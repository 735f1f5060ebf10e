/**
 * The generator's own model of the RingCentral Video meetings: one `MeetingPlan` per meeting, with its
 * host and its participant entries as the history lists them. `meeting-history.json` is a rendering of
 * these plans and `expected/video-facts.md` is counted from them.
 */
import type { Activity, Extension } from './organisation';
import { EXTENSIONS, extensionByNumber, isPerson } from './organisation';
import type { Random } from './random';
import { createRandom } from './random';
import { datesBetween, fromWallClock, isWeekend } from './wall-clock';

/** Three working weeks, Monday 2026-05-04 to Friday 2026-05-22. */
export const MEETING_PERIOD = { firstDate: '2026-05-04', lastDate: '2026-05-22' };
/** Another RingCentral account, whose users join some meetings as platform users who are not in the directory. */
export const PARTNER_ACCOUNT_ID = '71230000';

/** Relative chance that a person hosts a given meeting. */
const HOSTING_WEIGHT: Record<Activity, number> = { none: 0, low: 1, medium: 2, high: 3 };
const MEETINGS_PER_WORKING_DAY = { min: 3, max: 7 };

export interface ParticipantEntry {
  /** A person of the directory, or undefined for a guest or a user of another account. */
  person?: Extension;
  /** The account and extension id of a platform user who is not in the directory. */
  outsider?: { accountId: string; extensionId: string };
  displayName?: string;
  /** The participant id; some guests have none. */
  participantId?: string;
  /** The number a guest who joined by phone called from. */
  callerId?: string;
}

export interface MeetingPlan {
  id: string;
  startMs: number;
  /** Seconds. */
  duration: number;
  type: 'Meeting' | 'Call';
  title: string;
  host: Extension;
  /** The `participants[]` entries in file order: the host's own, rejoins and guests included. */
  entries: ParticipantEntry[];
  listedTwice: boolean;
  /** The reason the meeting was placed by hand. */
  note?: string;
}

/** The meetings have their own seed, so a change to another plan leaves meeting-history.json unchanged. */
const MEETING_SEED = 20260522;

/** Plans every meeting of the period; the meeting history and the video facts are renderings of this plan. */
export function planMeetings(random: Random = createRandom(MEETING_SEED)): MeetingPlan[] {
  const meetings: MeetingPlan[] = [];
  for (const date of datesBetween(MEETING_PERIOD.firstDate, MEETING_PERIOD.lastDate)) {
    if (isWeekend(date)) continue;
    const present = meetingPeople().filter((person) => person.lastWorkingDay === undefined || date <= person.lastWorkingDay);
    const count = random.int(MEETINGS_PER_WORKING_DAY.min, MEETINGS_PER_WORKING_DAY.max);
    for (let i = 0; i < count; i++) meetings.push(routineMeeting(random, present, date));
  }
  meetings.push(...handPlacedMeetings(random));
  meetings.sort((a, b) => a.startMs - b.startMs);

  const listedTwice = random.pick(meetings.filter((meeting) => meeting.note === undefined && meeting.type === 'Meeting'));
  listedTwice.listedTwice = true;
  return meetings;
}

/** People who host and join meetings: the people who are not idle and not Frozen. */
export function meetingPeople(): Extension[] {
  return EXTENSIONS.filter((extension) => isPerson(extension) && extension.activity !== 'none' && extension.status !== 'Frozen');
}

function routineMeeting(random: Random, present: readonly Extension[], date: string): MeetingPlan {
  const host = random.weighted(present.map((person) => [person, HOSTING_WEIGHT[person.activity]] as const));
  const others = present.filter((person) => person !== host);
  const call = random.chance(0.25);
  const invited = call ? [random.pick(others)] : pickSome(random, preferDepartment(others, host), random.int(2, 6));

  const entries: ParticipantEntry[] = [];
  if (random.chance(0.6)) entries.push(personEntry(random, host));
  for (const person of invited) {
    entries.push(personEntry(random, person));
    // A reconnect or a second device: the same extension id again, with a new participant id.
    if (random.chance(0.1)) entries.push(personEntry(random, person));
  }
  if (!call && random.chance(0.25)) {
    for (let guest = random.int(1, 2); guest > 0; guest--) entries.push(guestEntry(random));
  }

  const quarter = random.int(4 * 9, 4 * 17 - 1);
  return {
    id: meetingId(random),
    startMs: fromWallClock(date, quarter * 900 + random.int(0, 120)) + random.int(0, 999),
    duration: call ? random.int(3 * 60, 20 * 60) : random.int(15 * 60, 60 * 60),
    type: call ? 'Call' : 'Meeting',
    title: call ? `${host.firstName} and ${invited[0]?.firstName ?? 'a colleague'}` : `${host.department} sync`,
    host,
    entries,
    listedTwice: false,
  };
}

/** Plans meetings by hand so that the history contains each case the report must handle. */
function handPlacedMeetings(random: Random): MeetingPlan[] {
  const avery = extensionByNumber('101');
  const marcus = extensionByNumber('102');
  const margaret = extensionByNumber('204');
  const rafael = extensionByNumber('202');
  const hana = extensionByNumber('103');
  const placed = (date: string, secondOfDay: number, host: Extension, entries: ParticipantEntry[], note: string): MeetingPlan => ({
    id: meetingId(random),
    startMs: fromWallClock(date, secondOfDay),
    duration: 45 * 60,
    type: 'Meeting',
    title: `${host.department} review`,
    host,
    entries,
    listedTwice: false,
    note,
  });

  return [
    placed('2026-05-05', 10 * 3600, avery, [personEntry(random, marcus), personEntry(random, avery), personEntry(random, avery), personEntry(random, marcus)],
      'the host joins twice and a participant rejoins, so each has two entries with one extension id'),
    placed('2026-05-06', 14 * 3600, marcus, [], 'nobody joined: the host is absent from the empty participants list'),
    placed('2026-05-07', 11 * 3600, margaret, [personEntry(random, rafael), personEntry(random, margaret)],
      'hosted by Margaret Ashdown (Disabled), who left on 2026-05-08'),
    placed('2026-05-12', 15 * 3600, hana, [
      personEntry(random, hana),
      { displayName: 'Guest', callerId: '+16175550187' },
      { displayName: 'Guest', callerId: '+16175550187' },
      { displayName: 'Jordan Blake', outsider: { accountId: PARTNER_ACCOUNT_ID, extensionId: '71230042' }, participantId: participantId(random) },
    ], 'two phone guests without participant ids (two people although they look alike) and a user of another account'),
  ];
}

/** Puts the host's department first, so most meetings gather colleagues of one team. */
function preferDepartment(people: readonly Extension[], host: Extension): Extension[] {
  return [...people].sort((a, b) => Number(b.department === host.department) - Number(a.department === host.department));
}

/** Picks `count` distinct people, most of them from the front of the list. */
function pickSome(random: Random, people: readonly Extension[], count: number): Extension[] {
  const chosen = new Set<Extension>();
  while (chosen.size < Math.min(count, people.length)) {
    const front = random.chance(0.75) ? Math.min(people.length, 8) : people.length;
    chosen.add(people[random.int(0, front - 1)] as Extension);
  }
  return [...chosen];
}

function personEntry(random: Random, person: Extension): ParticipantEntry {
  return { person, displayName: person.name, participantId: participantId(random) };
}

const GUEST_NAMES = ['Casey Morgan', 'Riley Chen', 'Alex Novak', 'Sam Patel', 'Jamie Rossi'];

/** Builds a guest from outside the company: some joined by phone, and half of the others carry a participant id. */
function guestEntry(random: Random): ParticipantEntry {
  if (random.chance(0.3)) return { displayName: 'Guest', callerId: `+1720555${String(random.int(150, 199)).padStart(4, '0')}` };
  const entry: ParticipantEntry = { displayName: random.pick(GUEST_NAMES) };
  if (random.chance(0.5)) entry.participantId = participantId(random);
  return entry;
}

function meetingId(random: Random): string {
  const hex = (length: number) => random.characters('0123456789abcdef', length);
  return `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
}

function participantId(random: Random): string {
  return random.characters('0123456789abcdef', 24);
}
