import type { Channel, Period } from '../lib/engine/types';
import { type DownloadState, downloadStateFor } from './download-state';
import { CHANNEL_NAMES, formatDateRange } from './format';

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
  // Any build disables both buttons, but only its own tab's outcome is shown.
  const building = state.kind === 'building';
  const shown = downloadStateFor(state, channel);
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
          {shown.kind === 'building' && 'Building the workbook…'}
          {shown.kind === 'done' && `Saved ${shown.fileName} to your downloads.`}
          {shown.kind === 'cancelled' && 'The workbook was cancelled.'}
        </p>
      </div>
      {shown.kind === 'failed' && (
        <p class="field-error" role="alert">
          The workbook could not be built: {shown.error.message}
        </p>
      )}
    </section>
  );
}
