import type { TransferHandler } from 'comlink';
import type { ChannelReport } from './types';
import { type PackedUserRows, packUserRows, unpackUserRows } from './user-columns';

type PackedReport = Omit<ChannelReport, 'users'> & { users: PackedUserRows };

/**
 * Sends a `ChannelReport` between the engine worker and the page with its User Table stored column by
 * column. Chromium took 120 to 320 ms of the page's main thread to read 100,000 rows sent as objects,
 * and about 30 ms to read them packed and rebuild them (a headless Chromium 156 test page on this
 * project's 2-core machine). Both sides register it under `REPORT_TRANSFER`, so `EngineApi.report`
 * keeps its type.
 */
export const reportTransfer: TransferHandler<ChannelReport, PackedReport> = {
  canHandle: (value): value is ChannelReport => isChannelReport(value),
  serialize(report) {
    const { packed, transfer } = packUserRows(report.users);
    return [{ ...report, users: packed }, transfer];
  },
  deserialize(packed) {
    return { ...packed, users: unpackUserRows(packed.users) };
  },
};

/** The name both sides register `reportTransfer` under in comlink's `transferHandlers`. */
export const REPORT_TRANSFER = 'channel-report';

/** Recognises a report among every value comlink sends: a request carries `channel` but no `users` and `kpis`. */
function isChannelReport(value: unknown): value is ChannelReport {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ChannelReport>;
  return typeof candidate.channel === 'string' && Array.isArray(candidate.users) && Array.isArray(candidate.kpis);
}
