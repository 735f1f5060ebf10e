import { useState } from 'preact/hooks';
import { type Channel, type ColumnMapping, USAGE_FIELDS, type UsageField } from '../lib/engine/types';
import { mappingProblems } from '../lib/formats/mapping-rules';
import { CHANNEL_NAMES } from './format';
import type { UnmappedFile } from './use-files';

interface Props {
  unmapped: UnmappedFile;
  /** The day to record as the mapping's saved date, as `YYYY-MM-DD`. */
  today: string;
  busy: boolean;
  onApply(mapping: ColumnMapping): void;
  onSkip(): void;
}

/** Labels of the usage-events fields, with the required ones marked. */
const FIELD_LABELS: Record<UsageField, string> = {
  channel: 'Channel (required)',
  time: 'Time of use (required)',
  user_email: 'User e-mail (this or the extension is required)',
  user_extension: 'User extension (this or the e-mail is required)',
  user_name: 'User name',
  endpoint: 'Endpoint: the client application (required)',
  version: 'Client version',
  role: 'Role in a meeting (host or participant)',
  direction: 'Call direction',
  result: 'Call result',
  duration_seconds: 'Duration',
  session_id: 'Session or chat id',
  meeting_id: 'Meeting id',
};

/** Value of the channel select that gives every row one channel, such as `every:video`. */
const EVERY_ROW = 'every:';
const CHANNELS: Channel[] = ['phone', 'video', 'message'];

/**
 * Renders the form for a file that no format recognises: its columns with sample values, and one
 * select per usage-events field. Submitting saves the mapping for the file's header and loads the file.
 */
export function ColumnMappingForm({ unmapped, today, busy, onApply, onSkip }: Props) {
  const { file, table } = unmapped;
  const [choices, setChoices] = useState<Partial<Record<UsageField, string>>>(() => guessColumns(table.columns));
  const [showProblems, setShowProblems] = useState(false);
  const mapping = toMapping(table.columns, choices, today);
  const problems = mappingProblems(mapping);

  function handleSubmit(event: Event) {
    event.preventDefault();
    setShowProblems(true);
    if (problems.length === 0) onApply(mapping);
  }

  return (
    <section class="panel" aria-labelledby="mapping-heading" id="column-mapping">
      <h2 id="mapping-heading">Map the columns of {file.name}</h2>
      <p>
        No format recognises this file. If it has one row per use (a call, a meeting, a message), choose which of
        its columns contains each field below. The file is then read as usage events, and the mapping is saved
        in this browser for files with the same columns.
      </p>
      <div class="table-scroll">
        <table class="data-table" id="mapping-samples">
          <caption class="visually-hidden">The file's columns and its first values</caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">First values</th>
            </tr>
          </thead>
          <tbody>
            {table.columns.map((column, index) => (
              <tr key={column}>
                <th scope="row">{column}</th>
                <td>{table.samples.map((row) => row[index] ?? '').filter((value) => value !== '').join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form onSubmit={handleSubmit} noValidate>
        <fieldset>
          <legend>Usage-events fields</legend>
          {USAGE_FIELDS.map((field) => (
            <label class="field" key={field}>
              <span class="field__label">{FIELD_LABELS[field]}</span>
              <select
                id={`map-${field}`}
                value={choices[field] ?? ''}
                onChange={(event) => setChoices({ ...choices, [field]: event.currentTarget.value || undefined })}
              >
                <option value="">Not in this file</option>
                {field === 'channel' &&
                  CHANNELS.map((channel) => (
                    <option key={channel} value={`${EVERY_ROW}${channel}`}>
                      {CHANNEL_NAMES[channel]} on every row
                    </option>
                  ))}
                {table.columns.map((column) => (
                  <option key={column} value={column}>
                    Column "{column}"
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
        {showProblems && problems.length > 0 && (
          <ul class="field-error" role="alert" id="mapping-problems">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
        <div class="form-actions">
          <button type="submit" class="button button--primary" disabled={busy}>
            Load with this mapping
          </button>
          <button type="button" class="button" disabled={busy} onClick={onSkip}>
            Skip this file
          </button>
        </div>
      </form>
    </section>
  );
}

/** Preselects the column of each field whose name is the field's own name, ignoring case. */
function guessColumns(columns: readonly string[]): Partial<Record<UsageField, string>> {
  const guesses: Partial<Record<UsageField, string>> = {};
  for (const field of USAGE_FIELDS) {
    const found = columns.find((column) => column.toLowerCase() === field);
    if (found !== undefined) guesses[field] = found;
  }
  return guesses;
}

function toMapping(header: string[], choices: Partial<Record<UsageField, string>>, today: string): ColumnMapping {
  const columns = { ...choices };
  let channel: Channel | undefined;
  if (columns.channel?.startsWith(EVERY_ROW)) {
    channel = columns.channel.slice(EVERY_ROW.length) as Channel;
    delete columns.channel;
  }
  return { header, columns, ...(channel && { channel }), savedOn: today };
}
