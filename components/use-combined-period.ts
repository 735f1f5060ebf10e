import { useEffect, useState } from 'preact/hooks';
import type { Channel, DataRange, Period } from '../lib/engine/types';
import { spanOfRanges } from '../lib/report/data-span';
import type { EngineClient } from './engine-client';
import type { PresetId } from './period';

/**
 * Chooses the combined workbook's period. Each tab's "All data" is its own channel's range, so with
 * that preset the combined workbook covers every channel's range together, as the command line does.
 * Any other preset or a custom period is the shown period. Null while the ranges are being fetched.
 */
export function combinedPeriod(
  preset: PresetId | 'custom',
  shownPeriod: Period | null,
  ranges: readonly DataRange[] | null,
): Period | null {
  if (preset !== 'all') return shownPeriod;
  return ranges === null ? null : spanOfRanges(ranges);
}

/**
 * Fetches every listed channel's range of dates whenever the files, the channels or the time zone
 * change. The result is null until the fetch returns, and after a failed fetch.
 */
export function useChannelRanges(
  engine: EngineClient,
  channels: readonly Channel[],
  timeZone: string,
  dataVersion: number,
): DataRange[] | null {
  const [ranges, setRanges] = useState<DataRange[] | null>(null);
  const channelsKey = channels.join(',');

  useEffect(() => {
    let current = true;
    setRanges(null);
    Promise.all(channels.map((channel) => engine.dataRange({ channel, timeZone }))).then(
      (fetched) => current && setRanges(fetched),
      // A failed or cancelled fetch also fails the shown tab's range, which reports the error.
      () => current && setRanges(null),
    );
    return () => {
      current = false;
    };
  }, [engine, channelsKey, timeZone, dataVersion]);

  return ranges;
}
