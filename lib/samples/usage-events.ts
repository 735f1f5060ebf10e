/**
 * `usage-events.csv`: the product's own open format, naming the client app and version of phone uses.
 * About 60% of the call-log JSON's uses get a row with the same session id. Further rows name sessions
 * that are in no sample file, as calls from an app whose log is not included, so each is a use of its own.
 */
import type { BuildContext } from './call-builders';
import { chooseApp, talkSeconds } from './call-builders';
import type { Direction, SessionPlan } from './call-model';
import { csvRecord, utf8Bytes } from './csv-text';
import type { Extension } from './organisation';
import { callingPeople, extensionByNumber } from './organisation';
import { workingTime } from './call-plan';
import { datesBetween, formatIsoWithOffset, isWeekend } from './wall-clock';

export const USAGE_EVENTS_HEADER = [
  'channel', 'time', 'user_email', 'user_extension', 'user_name', 'endpoint', 'version', 'role',
  'direction', 'result', 'duration_seconds', 'session_id', 'meeting_id',
] as const;

/** Share of the call-log uses that get a usage-events row. */
const MATCHED_SHARE = 0.6;

export interface UsageEventPlan {
  startMs: number;
  person: Extension;
  endpoint: string;
  version: string;
  direction: Direction;
  result: string;
  duration: number;
  /** Empty for a row of its own until `assignSessionIds` runs. */
  sessionId: string;
  /** True when the session is in the call-log JSON. */
  inCallLog: boolean;
}

/** Plans rows for a share of the call log's uses that have an app (calls answered through FindMe have none). */
export function planMatchedUsageEvents(context: BuildContext, sessions: readonly SessionPlan[]): UsageEventPlan[] {
  const events: UsageEventPlan[] = [];
  for (const plan of sessions) {
    for (const use of plan.uses) {
      if (use.app === undefined || use.version === undefined) continue;
      if (!context.random.chance(MATCHED_SHARE)) continue;
      const ownRecord = plan.records.find((record) => record.owner === use.person);
      events.push({
        startMs: plan.startMs + (ownRecord?.offsetMs ?? 0),
        person: use.person,
        endpoint: use.app.endpoint,
        version: use.version,
        direction: use.direction,
        result: use.result,
        duration: use.duration,
        sessionId: plan.sessionId,
        inCallLog: true,
      });
    }
  }
  return events;
}

/** Plans `count` rows naming calls that are in no sample call log, on working days from `firstDate` to `lastDate`. */
export function planOwnUsageEvents(context: BuildContext, count: number, firstDate: string, lastDate: string): UsageEventPlan[] {
  const { random } = context;
  // Only people who stay enabled all period, so these rows never decide whether a person is counted.
  const people = callingPeople().filter((person) => person.status === 'Enabled');
  const workingDays = datesBetween(firstDate, lastDate).filter((date) => !isWeekend(date));
  const events: UsageEventPlan[] = [];
  for (let i = 0; i < count; i++) {
    const person = random.pick(people);
    const startMs = workingTime(random, random.pick(workingDays));
    const { app, version } = chooseApp(random, person, startMs);
    if (app === undefined || version === undefined) throw new Error(`usage-events: ${person.name} has no app`);
    const direction = random.chance(0.6) ? 'Outbound' : 'Inbound';
    events.push({
      startMs,
      person,
      endpoint: app.endpoint,
      version,
      direction,
      result: direction === 'Outbound' ? 'Call connected' : 'Accepted',
      duration: talkSeconds(random),
      sessionId: '',
      inCallLog: false,
    });
  }
  return events;
}

// José Ramírez's rows name him by extension only (`012`, leading zero kept), and Sean O'Neill's
// e-mail is lower-case here but has capitals in the users list, so matching must ignore case.
const EXTENSION_ONLY = new Set([extensionByNumber('012')]);
const LOWER_CASE_EMAIL = new Set([extensionByNumber('107')]);

export function renderUsageEventsCsv(events: readonly UsageEventPlan[]): Uint8Array {
  // Ties in time are broken by ids, which are digit strings of equal length, so text order is numeric order.
  const ordered = [...events].sort(
    (a, b) => a.startMs - b.startMs || compareText(a.sessionId, b.sessionId) || compareText(a.person.id, b.person.id),
  );
  const lines = [csvRecord(USAGE_EVENTS_HEADER), ...ordered.map((event) => csvRecord(usageEventFields(event)))];
  return utf8Bytes(lines.map((line) => `${line}\n`).join(''));
}

function usageEventFields(event: UsageEventPlan): string[] {
  const { person } = event;
  let email = person.email;
  if (EXTENSION_ONLY.has(person)) email = '';
  if (LOWER_CASE_EMAIL.has(person)) email = email.toLowerCase();
  return [
    'phone',
    formatIsoWithOffset(event.startMs),
    email,
    person.extensionNumber,
    person.name,
    event.endpoint,
    event.version,
    '',
    event.direction.toLowerCase(),
    event.result,
    String(event.duration),
    event.sessionId,
    '',
  ];
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
