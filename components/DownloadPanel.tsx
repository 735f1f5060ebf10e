import type { Channel } from '../lib/engine/types';
import { CHANNEL_NAMES } from './format';

export type DownloadState =
  | { kind: 'idle' }
  | { kind: 'building' }
  | { kind: 'done'; fileName: string }
  | { kind: 'failed'; error: Error };

interface Props {
  channel: Channel;
  /** False until the channel's report is on screen. */
  enabled: boolean;
  state: DownloadState;
  onDownload(): void;
}

/** Renders the workbook download button and its progress. */
export function DownloadPanel({ channel, enabled, state, onDownload }: Props) {
  const name = CHANNEL_NAMES[channel];
  return (
    <section class="panel" aria-labelledby="download-heading">
      <h2 id="download-heading">Download</h2>
      <p class="hint">
        The workbook holds the General metrics, KPIs and User Table sheets for the period and time zone above.
      </p>
      <div class="form-actions">
        <button
          type="button"
          class="button button--primary"
          id="download-workbook"
          disabled={!enabled || state.kind === 'building'}
          onClick={onDownload}
        >
          Download {name} workbook
        </button>
        <p class="hint" role="status">
          {state.kind === 'building' && 'Building the workbook…'}
          {state.kind === 'done' && `Saved ${state.fileName} to your downloads.`}
        </p>
      </div>
      {state.kind === 'failed' && (
        <p class="field-error" role="alert">
          The workbook could not be built: {state.error.message}
        </p>
      )}
    </section>
  );
}
