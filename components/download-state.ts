import type { Channel } from '../lib/engine/types';

/** The workbook a download builds: one channel's, or the combined one of every channel. */
export type DownloadScope = Channel | 'all';

export type DownloadState =
  | { kind: 'idle' }
  | { kind: 'building'; scope: DownloadScope }
  | { kind: 'done'; scope: DownloadScope; fileName: string }
  | { kind: 'cancelled'; scope: DownloadScope }
  | { kind: 'failed'; scope: DownloadScope; error: Error };

/**
 * Returns the download outcome to show under the channel's tab. A channel workbook's outcome belongs
 * to its own tab, so "Saved Message_…xlsx" does not stay on under Video; the combined workbook's
 * shows on every tab.
 */
export function downloadStateFor(state: DownloadState, channel: Channel): DownloadState {
  if (state.kind === 'idle' || state.scope === 'all' || state.scope === channel) return state;
  return { kind: 'idle' };
}
