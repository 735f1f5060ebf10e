/**
 * The bundled sample exports of the invented Northwind Outfitters: a deterministic generator (fixed
 * seeds, no clock) whose output `npm run samples` writes to `samples/`.
 */
import { renderCallLogCsv } from './call-log-csv';
import { renderCallLogJson } from './call-log-json';
import { renderMeetingHistory } from './meeting-history';
import { planMeetings } from './meeting-plan';
import { renderMessageFacts } from './message-facts';
import { renderMessagingExport } from './messaging-export';
import { planMessaging } from './messaging-plan';
import { renderPhoneFacts } from './phone-facts';
import { JSON_PERIOD, planSamples } from './sample-plan';
import { renderUsageEventsCsv } from './usage-events';
import { renderVideoFacts } from './video-facts';
import { renderExtensionListJson, renderUsersCsv, renderUsersXlsx } from './users';
import { fromWallClock } from './wall-clock';

export interface SampleFile {
  /** Path below `samples/`, with `/` separators. */
  name: string;
  bytes: Uint8Array;
}

/**
 * Builds every sample file. Asynchronous because exceljs writes workbooks asynchronously. The XLSX
 * differs between runs in its zip timestamps only; every other file, the messaging ZIP included, is the
 * same byte for byte.
 */
export async function generateSamples(): Promise<SampleFile[]> {
  const plan = planSamples();
  const meetings = planMeetings();
  const messaging = planMessaging();
  const jsonPeriod = {
    dateFrom: new Date(fromWallClock(JSON_PERIOD.firstDate, 0)).toISOString(),
    dateTo: new Date(fromWallClock(JSON_PERIOD.lastDate, 86_400)).toISOString(),
  };

  return [
    { name: 'users-list.xlsx', bytes: await renderUsersXlsx() },
    { name: 'users-list.csv', bytes: renderUsersCsv() },
    { name: 'extension-list.json', bytes: renderExtensionListJson() },
    { name: 'call-log-detailed.json', bytes: renderCallLogJson(plan.jsonSessions, jsonPeriod) },
    { name: 'call-log-detailed.csv', bytes: renderCallLogCsv(plan.csvSessions, { titleFrom: '05/18/2026', titleTo: '05/24/2026' }) },
    { name: 'usage-events.csv', bytes: renderUsageEventsCsv(plan.usageEvents) },
    { name: 'meeting-history.json', bytes: renderMeetingHistory(meetings) },
    { name: 'messaging-export.zip', bytes: renderMessagingExport(messaging) },
    { name: 'expected/phone-facts.md', bytes: renderPhoneFacts(plan) },
    { name: 'expected/video-facts.md', bytes: renderVideoFacts(meetings) },
    { name: 'expected/message-facts.md', bytes: renderMessageFacts(messaging) },
  ];
}
