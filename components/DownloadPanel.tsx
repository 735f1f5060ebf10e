import type { Channel } from '../lib/engine/types';
import { CHANNEL_NAMES } from './format';

export type DownloadState =
  | { kind: 'idle' }
  | { kind: 'building' }
  | { kind: 'done'; fileName: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: Error };

interface Props {
  channel: Channel;
  /** False until the channel's report is on screen. */
  enabled: boolean;
  /** The channels with data, which the combined workbook holds; empty disables its button. */
  allChannels: Channel[];
  state: DownloadState;
  onDownload(): void;
  onDownloadAll(): void;
}

/** Renders the channel and combined workbook download buttons and their outcome. */
export function DownloadPanel({ channel, enabled, allChannels, state, onDownload, onDownloadAll }: Props) {
  const name = CHANNEL_NAMES[channel];
  const building = state.kind === 'building';
  return (
    <section class="panel" aria-labelledby="download-heading">
      <h2 id="download-heading">Download</h2>
      <p class="hint">
        A workbook holds the General metrics, KPIs (with the charts) and User Table sheets for the period and time
        zone above. The combined workbook holds every channel with data: {allChannels.map((item) => CHANNEL_NAMES[item]).join(', ') || 'none yet'}.
      </p>
      <div class="form-actions">
        <button
          type="button"
          class="button button--primary"
          id="download-workbook"
          disabled={!enabled || building}
          onClick={onDownload}
        >
          Download {name} workbook
        </button>
        <button
          type="button"
          class="button"
          id="download-all"
          disabled={allChannels.length === 0 || !enabled || building}
          onClick={onDownloadAll}
        >
          Download all channels
        </button>
        <p class="hint" role="status">
          {building && 'Building the workbook…'}
          {state.kind === 'done' && `Saved ${state.fileName} to your downloads.`}
          {state.kind === 'cancelled' && 'The workbook was cancelled.'}
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
