import type { ColumnMapping } from '../lib/engine/types';
import { USAGE_FIELDS } from '../lib/engine/types';
import { CHANNEL_NAMES } from './format';

interface Props {
  mappings: ColumnMapping[];
  onForget(header: string[]): void;
}

/** Lists the column mappings saved for unrecognised files, each with its fields and a Forget button. */
export function SavedColumnMappings({ mappings, onForget }: Props) {
  return (
    <section class="saved-mappings" aria-labelledby="saved-mappings-heading" id="saved-mappings">
      <h3 id="saved-mappings-heading">Saved column mappings</h3>
      {mappings.length === 0 ? (
        <p class="hint">
          None. When you map the columns of a file that no format recognises, the mapping is saved here and used
          for the next file with the same columns.
        </p>
      ) : (
        <ul class="saved-mappings__list">
          {mappings.map((mapping) => (
            <li key={mapping.header.join('\u0000')}>
              <p>
                <strong>Columns:</strong> {mapping.header.join(', ')}
                {mapping.savedOn && <span class="hint"> (saved on {mapping.savedOn})</span>}
              </p>
              <p class="hint">{describeFields(mapping)}</p>
              <button
                type="button"
                class="button button--small"
                aria-label={`Forget the mapping for ${mapping.header.join(', ')}`}
                onClick={() => onForget(mapping.header)}
              >
                Forget
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function describeFields(mapping: ColumnMapping): string {
  const pairs = USAGE_FIELDS.flatMap((field) => {
    const column = mapping.columns[field];
    return column === undefined ? [] : [`${field} ← ${column}`];
  });
  if (mapping.columns.channel === undefined && mapping.channel !== undefined) pairs.unshift(`channel: ${CHANNEL_NAMES[mapping.channel]} on every row`);
  return pairs.join('; ');
}
