import type { ChannelReport, ReportRequest } from '../lib/engine/types';
import { EngineError } from '../lib/errors';
import type { EngineClient } from './engine-client';

/**
 * User Table rows per message from the engine. Node's structured clone read 100,000 rows in about
 * 300 ms, so a part should take the page some 30 ms (an estimate).
 */
export const USERS_PER_PART = 10_000;

/**
 * Fetches the report with its User Table in parts of `usersPerPart` rows, one message each, so the
 * page stays responsive while a large table arrives. Fails when the table shrinks between two parts.
 */
export async function fetchReport(
  engine: Pick<EngineClient, 'reportPart'>,
  request: ReportRequest,
  usersPerPart: number = USERS_PER_PART,
): Promise<ChannelReport> {
  const first = await engine.reportPart({ ...request, userOffset: 0, userCount: usersPerPart });
  const users = first.report.users;
  while (users.length < first.userTotal) {
    const part = await engine.reportPart({ ...request, userOffset: users.length, userCount: usersPerPart });
    if (part.report.users.length === 0) {
      throw new EngineError('The loaded files changed while the report was read. Wait for the import to finish, then try again.');
    }
    for (const user of part.report.users) users.push(user);
  }
  return first.report;
}
