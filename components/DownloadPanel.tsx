import type { Channel, Period } from '../lib/engine/types';
import { CHANNEL_NAMES, formatDateRange } from './format';

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
  /** The combined workbook's period; null disables its button. */
  combinedPeriod: Period | null;
  /** True under the "All data" preset, when the combined period spans every channel's data. */
  allData: boolean;
  state: DownloadState;
  onDownload(): void;
  onDownloadAll(): void;
}

/** Renders the channel and combined workbook download buttons and their outcome. */
export function DownloadPanel({ channel, enabled, allChannels, combinedPeriod, allData, state, onDownload, onDownloadAll }: Props) {
  const name = CHANNEL_NAMES[channel];
  const building = state.kind === 'building';
  return (
    <section class="panel" aria-labelledby="download-heading">
      <h2 id="download-heading">Download</h2>
      <p class="hint">
        A workbook holds the General metrics, KPIs (with the charts) and User Table sheets for the period and time
        zone above. The combined workbook holds every channel with data: {allChannels.map((item) => CHANNEL_NAMES[item]).join(', ') || 'none yet'}.
      </p>
      {combinedPeriod && (
        <p class="hint" id="combined-period">
          The combined workbook covers {formatDateRange(combinedPeriod.from, combinedPeriod.to)}
          {allData && allChannels.length > 1 && ', from the first to the last date of all its channels'}.
        </p>
      )}
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
          disabled={allChannels.length === 0 || !combinedPeriod || !enabled || building}
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
