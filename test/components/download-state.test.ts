import { describe, expect, test } from 'vitest';
import { type DownloadState, downloadStateFor } from '../../components/download-state';

describe('downloadStateFor', () => {
  const saved: DownloadState = { kind: 'done', scope: 'message', fileName: 'Message_Adoption_and_Usage.xlsx' };

  test('shows a channel workbook under its tab', () => {
    expect(downloadStateFor(saved, 'message')).toEqual(saved);
  });

  test('hides a channel workbook under other tabs', () => {
    expect(downloadStateFor(saved, 'video')).toEqual({ kind: 'idle' });
  });

  test('hides a failure under other tabs', () => {
    const failed: DownloadState = { kind: 'failed', scope: 'phone', error: new Error('Out of memory') };
    expect(downloadStateFor(failed, 'video')).toEqual({ kind: 'idle' });
    expect(downloadStateFor(failed, 'phone')).toEqual(failed);
  });

  test('shows the combined workbook under every tab', () => {
    const combined: DownloadState = { kind: 'done', scope: 'all', fileName: 'Adoption_and_Usage.xlsx' };
    for (const channel of ['message', 'video', 'phone'] as const) expect(downloadStateFor(combined, channel)).toEqual(combined);
  });
});
