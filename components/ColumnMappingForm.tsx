import { useState } from 'preact/hooks';
import { type Channel, type ColumnMapping, USAGE_FIELDS, type UsageField } from '../lib/engine/types';
import { fieldsOfColumn, mappingProblems } from '../lib/formats/mapping-rules';
import { ImportError } from '../lib/errors';
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
 * select per usage-events field. Submitting loads the file with the mapping, which is saved for the
 * file's header once a file loads with it. A file that failed with a mapping starts from that mapping.
 */
export function ColumnMappingForm({ unmapped, today, busy, onApply, onSkip }: Props) {
  const { file, table, mapping: failedMapping } = unmapped;
  const [choices, setChoices] = useState<Partial<Record<UsageField, string>>>(() =>
    failedMapping === undefined ? guessColumns(table.columns) : toChoices(failedMapping),
  );
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
        its columns contains each field below. The file is then read as usage events, and once it loads, the
        mapping is saved in this browser for files with the same columns.
      </p>
      {failedMapping !== undefined && <LoadFailure error={unmapped.error} mapping={failedMapping} />}
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

/** Shows why the file failed to load with `mapping`, and which fields were read from the failing column. */
function LoadFailure({ error, mapping }: { error: Error; mapping: ColumnMapping }) {
  const column = error instanceof ImportError ? error.location.column : undefined;
  const fields = column === undefined ? [] : fieldsOfColumn(mapping, column);
  return (
    <div class="error-panel" role="alert" id="mapping-failure">
      <p class="error-panel__message">{error.message}</p>
      {fields.length > 0 && (
        <p>
          The column "{column}" is chosen for: {fields.map((field) => FIELD_LABELS[field]).join('; ')}. Choose the
          column that holds each field, then load the file again.
        </p>
      )}
    </div>
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

/** Turns a mapping back into the form's choices, with its one channel as the channel select's value. */
function toChoices(mapping: ColumnMapping): Partial<Record<UsageField, string>> {
  const choices: Partial<Record<UsageField, string>> = { ...mapping.columns };
  if (choices.channel === undefined && mapping.channel !== undefined) choices.channel = `${EVERY_ROW}${mapping.channel}`;
  return choices;
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
