import { useEffect, useState } from 'preact/hooks';
import type { ImportSummary } from '../lib/engine/types';
import type { EngineClient } from './engine-client';

/** Summaries whose dates the engine computed in one time zone. */
export interface ZonedSummaries {
  timeZone: string;
  summaries: ImportSummary[];
}

/**
 * Puts the zoned dates on the loaded files' summaries. A load computes a file's dates in UTC (or as
 * the file's wall-clock times), so until the engine returns them for `timeZone` a file shows no dates
 * rather than dates of another zone.
 */
export function withZonedDates(summaries: readonly ImportSummary[], zoned: ZonedSummaries | null, timeZone: string): ImportSummary[] {
  const byFile = new Map(zoned?.timeZone === timeZone ? zoned.summaries.map((summary) => [summary.fileId, summary]) : []);
  return summaries.map((summary) => {
    const dated = byFile.get(summary.fileId);
    return { ...summary, firstDate: dated?.firstDate ?? null, lastDate: dated?.lastDate ?? null };
  });
}

/** Shows the loaded files' date ranges in the report time zone, fetched again when the files or the zone change. */
export function useZonedSummaries(engine: EngineClient, summaries: ImportSummary[], timeZone: string): ImportSummary[] {
  const [zoned, setZoned] = useState<ZonedSummaries | null>(null);
  const filesKey = summaries.map((summary) => summary.fileId).join(',');

  useEffect(() => {
    if (summaries.length === 0) return;
    let current = true;
    engine.listFiles({ timeZone }).then(
      (list) => current && setZoned({ timeZone, summaries: list }),
      // The Dates column then shows no dates, and the next change of files or zone tries again.
      (error: unknown) => console.warn('[Adoption Lens] The files\' dates could not be computed in the report time zone.', error),
    );
    return () => {
      current = false;
    };
  }, [engine, filesKey, timeZone]);

  return withZonedDates(summaries, zoned, timeZone);
}
