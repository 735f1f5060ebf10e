/**
 * The routine traffic of a period: each calling person places and answers calls on working days in
 * proportion to their activity, a few people take calls at weekends, and the call queues get outside
 * calls. Hand-placed edge cases live in edge-cases.ts.
 */
import type { BuildContext } from './call-builders';
import { inboundCall, internalCall, outboundCall, queueCall } from './call-builders';
import type { SessionPlan } from './call-model';
import type { IdSource } from './ids';
import type { Activity, Extension } from './organisation';
import { callingPeople, EXTENSIONS } from './organisation';
import type { Random } from './random';
import { datesBetween, fromWallClock, isWeekend } from './wall-clock';

/** Expected calls a day, before the period's intensity factor. */
const CALLS_PER_WORKING_DAY: Record<Activity, number> = { none: 0, low: 0.3, medium: 1.2, high: 3 };
const CALLS_PER_WEEKEND_DAY: Record<Activity, number> = { none: 0, low: 0, medium: 0, high: 0.15 };
/** The maximum calls one person gets in a day. The daily count is a binomial draw over this many tries. */
const MAX_CALLS_PER_DAY = 6;

export interface PeriodOptions {
  /** Local dates, `YYYY-MM-DD`, both inclusive. */
  firstDate: string;
  lastDate: string;
  /** Multiplies every expected daily count, to size a period's file. */
  intensity: number;
}

export function planRoutineCalls(context: BuildContext, { firstDate, lastDate, intensity }: PeriodOptions): SessionPlan[] {
  const { random } = context;
  const sessions: SessionPlan[] = [];

  for (const date of datesBetween(firstDate, lastDate)) {
    const weekend = isWeekend(date);
    const present = callingPeople().filter((person) => person.lastWorkingDay === undefined || date <= person.lastWorkingDay);

    for (const person of present) {
      const expected = (weekend ? CALLS_PER_WEEKEND_DAY : CALLS_PER_WORKING_DAY)[person.activity] * intensity;
      const calls = random.count(MAX_CALLS_PER_DAY, Math.min(1, expected / MAX_CALLS_PER_DAY));
      for (let call = 0; call < calls; call++) {
        sessions.push(routineCall(context, person, present, workingTime(random, date)));
      }
    }

    if (!weekend && random.chance(Math.min(1, 0.7 * intensity))) {
      sessions.push(routineQueueCall(context, present, workingTime(random, date)));
    }
  }
  return sessions;
}

function routineCall(context: BuildContext, person: Extension, present: Extension[], startMs: number): SessionPlan {
  const { random } = context;
  const kind = random.weighted([['outbound', 40], ['inbound', 35], ['internal', 25]] as const);
  if (kind === 'outbound') return outboundCall(context, person, startMs);
  if (kind === 'inbound') return inboundCall(context, person, startMs);
  const callee = random.pick(present.filter((other) => other !== person));
  return internalCall(context, person, callee, startMs, random.chance(0.85));
}

function routineQueueCall(context: BuildContext, present: Extension[], startMs: number): SessionPlan {
  const { random } = context;
  const queue = random.pick(EXTENSIONS.filter((extension) => extension.type === 'Department'));
  const outcome = random.weighted([['answered', 60], ['abandoned', 30], ['voicemail', 10]] as const);
  if (outcome !== 'answered') return queueCall(context, queue, startMs, outcome);
  const agent = random.pick(present.filter((person) => person.department === queue.department));
  return queueCall(context, queue, startMs, outcome, agent);
}

/** Draws a start instant on `date`: mostly office hours 09:00-18:00 local, sometimes an hour either side. */
export function workingTime(random: Random, date: string): number {
  const hour = 3600;
  let secondOfDay: number;
  if (random.chance(0.92)) secondOfDay = random.int(9 * hour, 18 * hour - 1);
  else if (random.chance(0.5)) secondOfDay = random.int(8 * hour, 9 * hour - 1);
  else secondOfDay = random.int(18 * hour, 19 * hour + 1800);
  return fromWallClock(date, secondOfDay) + random.int(0, 999);
}

/** Marks `count` distinct voice records, drawn at random, as listed twice in the export. */
export function markDuplicates(random: Random, sessions: SessionPlan[], count: number): void {
  const candidates = sessions.filter((plan) => plan.type === 'Voice').flatMap((plan) => plan.records);
  for (let marked = 0; marked < count; ) {
    const record = random.pick(candidates);
    if (record.listedTwice) continue;
    record.listedTwice = true;
    marked++;
  }
}

/** Numbers sessions in order of start, as the platform's session ids grow with time. */
export function assignSessionIds(ids: IdSource, sessions: { startMs: number; sessionId: string; telephonySessionId?: string }[]): void {
  const inOrder = [...sessions].sort((a, b) => a.startMs - b.startMs);
  for (const plan of inOrder) {
    plan.sessionId = ids.sessionId();
    if (plan.telephonySessionId !== undefined) plan.telephonySessionId = ids.telephonySessionId();
  }
}
