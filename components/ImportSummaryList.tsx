import type { ImportSummary } from '../lib/engine/types';
import { formatCount, formatDateRange } from './format';
import type { UnmappedFile } from './use-files';

/** A file the engine could not load, with the error that names the line, value and remedy. */
export interface FailedFile {
  key: number;
  fileName: string;
  error: Error;
  /** A file that failed to load with a column mapping: the form to reopen for correcting the mapping. */
  remap?: UnmappedFile;
}

interface Props {
  summaries: ImportSummary[];
  failures: FailedFile[];
  busy: boolean;
  onRemove(fileId: number): void;
  onDismiss(key: number): void;
  /** Reopens the column mapping form for a failure that has `remap`. */
  onCorrectMapping(key: number): void;
}

/** Renders one row per loaded file, and one error panel per file that failed. */
export function ImportSummaryList({ summaries, failures, busy, onRemove, onDismiss, onCorrectMapping }: Props) {
  if (summaries.length === 0 && failures.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="imports-heading">
      <h2 id="imports-heading">What was read</h2>
      {failures.map((failure) => (
        <div class="error-panel" role="alert" key={failure.key}>
          <h3 class="error-panel__title">{failure.fileName} was not loaded</h3>
          <p class="error-panel__message">{failure.error.message}</p>
          <div class="form-actions">
            {failure.remap && (
              <button type="button" class="button button--primary" disabled={busy} onClick={() => onCorrectMapping(failure.key)}>
                Correct the column mapping
              </button>
            )}
            <button type="button" class="button" onClick={() => onDismiss(failure.key)}>
              Dismiss
            </button>
          </div>
        </div>
      ))}
      {summaries.length > 0 && (
        <div class="table-scroll">
          <table class="data-table" id="import-summary">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Recognised as</th>
                <th scope="col" class="numeric">Rows read</th>
                <th scope="col" class="numeric">Rows used</th>
                <th scope="col">Dates</th>
                <th scope="col">Notes</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {summaries.map((summary) => (
                <tr key={summary.fileId}>
                  <th scope="row" class="file-name" title={summary.fileName}>
                    {summary.fileName}
                  </th>
                  <td>{summary.formatLabel}</td>
                  <td class="numeric">{formatCount(summary.rowsRead)}</td>
                  <td class="numeric">{formatCount(summary.rowsUsed)}</td>
                  <td class="nowrap">{formatDateRange(summary.firstDate, summary.lastDate)}</td>
                  <td>
                    {summary.notes.length > 0 && (
                      <details class="notes-toggle">
                        <summary>
                          {summary.notes.length === 1 ? '1 note' : `${summary.notes.length} notes`}
                        </summary>
                        <ul class="notes">
                          {summary.notes.map((note, index) => (
                            <li key={index}>{note}</li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      class="button button--small"
                      disabled={busy}
                      aria-label={`Remove ${summary.fileName}`}
                      onClick={() => onRemove(summary.fileId)}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
