import { createRandom, type Random } from '../../lib/samples/random';
import { LineWriter } from './line-writer';
import { BENCH_ORGANISATION, type BenchUser } from './users';

export interface CallLogOptions {
  /** Master rows (calls and faxes) to write. */
  masters: number;
  users: readonly BenchUser[];
  /** Calendar year the calls fall in, every day of it. */
  year: number;
  seed?: number;
}

export interface CallLogStats {
  masters: number;
  legs: number;
  faxes: number;
  bytes: number;
  /** First and last call date, as `YYYY-MM-DD`. */
  firstDate: string;
  lastDate: string;
}

const HEADER =
  'Type,CallId,SessionId,Leg,Direction,From,To,Extension,Forwarded To,Name,Date,Time,Action,Action Result,Result Description,Duration,Included,Purchased,Site';

type Result = 'Call connected' | 'No Answer' | 'Busy' | 'Accepted' | 'Missed' | 'Voicemail' | 'Abandoned';

// The Abandoned description contains a comma, so it is written quoted, as the portal does.
const RESULT_DESCRIPTIONS: Record<Result | 'Sent' | 'Received', string> = {
  'Call connected': 'Call connected',
  'No Answer': 'Not answered',
  Busy: 'Line busy',
  Accepted: 'Call answered',
  Missed: 'Not answered',
  Voicemail: 'Caller left a voicemail',
  Abandoned: '"Caller hung up, still waiting in the queue"',
  Sent: 'Fax sent',
  Received: 'Fax received',
};

// Shares of actions and results, close to those of samples/call-log-detailed.csv.
const OUTGOING_ACTIONS = [['VoIP Call', 80], ['RingOut Mobile', 10], ['RingOut Web', 10]] as const;
const INCOMING_ACTIONS = [['Phone Call', 55], ['VoIP Call', 38], ['FindMe', 4], ['Transfer', 3]] as const;
const OUTGOING_RESULTS = [['Call connected', 80], ['No Answer', 12], ['Busy', 8]] as const;
const INCOMING_RESULTS = [['Accepted', 70], ['Missed', 13], ['Voicemail', 12], ['Abandoned', 5]] as const;
const AREA_CODES = ['617', '857', '781', '720', '303', '970', '512', '206', '312', '404', '212', '415'];
const CALL_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const FIRST_SESSION_ID = 48_200_000_000;

/**
 * Writes an Admin Portal detailed call log CSV, streamed line by line: a title line, the header, then
 * for each record a master row followed by 0, 1 or 2 leg rows (one on average) whose call-level columns
 * are blank. Dates and times are wall-clock times without a zone (`Tue 3/4/2025`, `9:14:07 AM`),
 * newest call first. The same options always give the same bytes.
 */
export async function writeCallLog(file: string, options: CallLogOptions): Promise<CallLogStats> {
  const { masters, users, year } = options;
  const random = createRandom(options.seed ?? 2);
  const owners = callOwners(users);
  const enabled = users.filter((user) => user.status === 'Enabled');
  if (owners.length === 0) throw new Error('writeCallLog: none of the users places calls, so there is no one to own them');

  const days = daysOfYear(year);
  const perDay = spreadOverDays(masters, days);
  const writer = new LineWriter(file);
  await writer.line(`Call Log - ${BENCH_ORGANISATION} - 01/01/${year} to 12/31/${year}`);
  await writer.line(HEADER);

  const stats = { masters: 0, legs: 0, faxes: 0 };
  let sessionId = FIRST_SESSION_ID;
  for (let dayIndex = days.length - 1; dayIndex >= 0; dayIndex--) {
    const day = days[dayIndex]!;
    const seconds = Array.from({ length: perDay[dayIndex]! }, () => secondOfDay(random)).sort((a, b) => b - a);
    for (const second of seconds) {
      const owner = owners.pick(random);
      const peer = random.pick(enabled);
      const rows = callRows({ random, owner, peer, date: day.text, time: portalTime(second), sessionId: String(sessionId) });
      sessionId += 1 + random.int(0, 3);
      for (const row of rows.lines) await writer.line(row);
      stats.masters++;
      stats.legs += rows.lines.length - 1;
      if (rows.fax) stats.faxes++;
    }
  }

  const bytes = await writer.close();
  return { ...stats, bytes, firstDate: days[0]!.iso, lastDate: days[days.length - 1]!.iso };
}

interface CallRowsArgs {
  random: Random;
  owner: BenchUser;
  peer: BenchUser;
  date: string;
  time: string;
  sessionId: string;
}

/** Returns one record's master row and leg rows as CSV lines. */
function callRows({ random, owner, peer, date, time, sessionId }: CallRowsArgs): { lines: string[]; fax: boolean } {
  const callId = random.characters(CALL_ID_ALPHABET, 15);
  const incoming = random.chance(0.5);
  const ownDid = directNumber(owner);

  if (random.chance(0.005)) {
    const external = externalNumber(random);
    const [from, to] = incoming ? [external, ownDid] : [ownDid, external];
    const result = incoming ? 'Received' : 'Sent';
    const action = incoming ? 'Incoming Fax' : 'Outgoing Fax';
    const duration = formatDuration(random.int(20, 180));
    const master = `Fax,${callId},${sessionId},,${incoming ? 'Incoming' : 'Outgoing'},${from},${to},${owner.extension},,${owner.name},${date},${time},${action},${result},${RESULT_DESCRIPTIONS[result]},${duration},$0.00,$0.00,${owner.site}`;
    return { lines: [master], fax: true };
  }

  const internal = random.chance(0.25) && peer !== owner;
  const other = internal ? peer.extension : externalNumber(random);
  const own = internal ? owner.extension : ownDid;
  const [from, to] = incoming ? [other, own] : [own, other];
  const action = random.weighted(incoming ? INCOMING_ACTIONS : OUTGOING_ACTIONS);
  const result: Result = random.weighted<Result>(incoming ? INCOMING_RESULTS : OUTGOING_RESULTS);
  const duration = formatDuration(callSeconds(random, result));
  const master = `Voice,${callId},${sessionId},,${incoming ? 'Incoming' : 'Outgoing'},${from},${to},${owner.extension},,${owner.name},${date},${time},${action},${result},${RESULT_DESCRIPTIONS[result]},${duration},$0.00,$0.00,${owner.site}`;

  const lines = [master];
  const legs = random.weighted([[0, 20], [1, 60], [2, 20]] as const);
  for (let leg = 1; leg <= legs; leg++) {
    // The second leg is the far end's: no extension of ours, and forwarded when the call was a FindMe.
    lines.push(
      leg === 1
        ? `,,,1,,${from},${to},${owner.extension},,${owner.name},,,,,,,,,`
        : `,,,2,,${from},${to},,${action === 'FindMe' ? to : ''},,,,,,,,,,`,
    );
  }
  return { lines, fax: false };
}

/** Seconds a call lasted, by its result: connected calls last minutes, the others seconds. */
function callSeconds(random: Random, result: Result): number {
  switch (result) {
    case 'Call connected':
    case 'Accepted':
      return Math.min(3 * 3600, 5 + Math.round(-240 * Math.log(1 - random.next())));
    case 'No Answer':
    case 'Missed':
      return random.int(5, 40);
    case 'Busy':
      return random.int(0, 3);
    case 'Voicemail':
      return random.int(15, 120);
    case 'Abandoned':
      return random.int(10, 300);
  }
}

/** Picks among the users who call, weighted by `callWeight`, by binary search over the cumulative weights. */
function callOwners(users: readonly BenchUser[]): { length: number; pick(random: Random): BenchUser } {
  const callers = users.filter((user) => user.callWeight > 0);
  const cumulative: number[] = [];
  let total = 0;
  for (const user of callers) cumulative.push((total += user.callWeight));
  return {
    length: callers.length,
    pick(random) {
      const target = random.next() * total;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (cumulative[middle]! <= target) low = middle + 1;
        else high = middle;
      }
      return callers[low]!;
    },
  };
}

interface Day {
  /** `YYYY-MM-DD`. */
  iso: string;
  /** The portal's form, such as `Tue 3/4/2025`. */
  text: string;
  weekend: boolean;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function daysOfYear(year: number): Day[] {
  const days: Day[] = [];
  for (let time = Date.UTC(year, 0, 1); time < Date.UTC(year + 1, 0, 1); time += 86_400_000) {
    const date = new Date(time);
    const weekday = date.getUTCDay();
    days.push({
      iso: date.toISOString().slice(0, 10),
      text: `${WEEKDAYS[weekday]} ${date.getUTCMonth() + 1}/${date.getUTCDate()}/${year}`,
      weekend: weekday === 0 || weekday === 6,
    });
  }
  return days;
}

/** Splits `total` calls over the days, a weekend day getting a tenth of a working day's share; the parts add up to `total`. */
function spreadOverDays(total: number, days: readonly Day[]): number[] {
  const weights = days.map((day) => (day.weekend ? 0.1 : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts: number[] = [];
  let cumulative = 0;
  let assigned = 0;
  for (const weight of weights) {
    cumulative += weight;
    const upTo = Math.round((total * cumulative) / sum);
    counts.push(upTo - assigned);
    assigned = upTo;
  }
  return counts;
}

/** Draws a time of day in seconds: nine in ten calls between 7:00 and 19:00, the rest at any time. */
function secondOfDay(random: Random): number {
  return random.chance(0.9) ? random.int(7 * 3600, 19 * 3600 - 1) : random.int(0, 86_399);
}

/** Formats seconds after midnight as the portal's 12-hour time, such as `9:14:07 AM`. */
function portalTime(second: number): string {
  const hour = Math.floor(second / 3600);
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${hour12}:${pad(Math.floor(second / 60) % 60)}:${pad(second % 60)} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** Formats seconds as the portal's `H:MM:SS` duration, such as `0:04:12`. */
function formatDuration(seconds: number): string {
  return `${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

function directNumber(user: BenchUser): string {
  return `(617) 555-01${user.extension.slice(-2)}`;
}

function externalNumber(random: Random): string {
  return `(${random.pick(AREA_CODES)}) 555-01${pad(random.int(0, 99))}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
