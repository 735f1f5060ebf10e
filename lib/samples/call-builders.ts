/**
 * Builders for each kind of call in the samples. Each returns one `SessionPlan` with the records the
 * account call log holds for that call, the legs of each record (Detailed view), and the uses it gives
 * people: a call a person placed (whatever its result) or answered.
 */
import type { Direction, LegPlan, Party, RecordPlan, SessionPlan, UsePlan } from './call-model';
import { outcomeOfResults } from './call-model';
import type { IdSource } from './ids';
import type { ClientApp, Extension } from './organisation';
import { isPerson, MAIN_NUMBER } from './organisation';
import type { Random } from './random';
import { localDate } from './wall-clock';

export interface BuildContext {
  random: Random;
  ids: IdSource;
}

// Outside numbers avoid the organisation's area codes (857, 720, 339, 303) and use lines 555-0110 to
// 555-0199, so none equals an extension's number or the main number 617-555-0100.
const OUTSIDE_AREA_CODES = ['617', '781', '508', '978', '212', '312', '415', '512', '970', '719'];
const CALLER_ID_NAMES = ['WIRELESS CALLER', 'Juniper Lane Supply', 'Redfern Logistics', 'Alder & Finch LLP', 'Quarry Hill Outdoor Co'];

export function outsideParty({ random }: BuildContext): Party {
  const phoneNumber = `+1${random.pick(OUTSIDE_AREA_CODES)}55501${String(random.int(10, 99))}`;
  return random.chance(0.4) ? { phoneNumber, name: random.pick(CALLER_ID_NAMES) } : { phoneNumber };
}

/** Returns the extension's side of an outside call: its direct number plus the extension itself. */
function extensionWithNumber(extension: Extension): Party {
  return { phoneNumber: extension.directNumber, extension };
}

/** Returns the extension's side of an internal call: the extension only, no phone number. */
function extensionOnly(extension: Extension): Party {
  return { extension };
}

/** Chooses the app a person used for a call: mostly their first app, with the version current that day. */
export function chooseApp(random: Random, person: Extension, startMs: number): { app?: ClientApp; version?: string } {
  const [primary, ...others] = person.apps;
  if (primary === undefined) return {};
  const app = others.length > 0 && random.chance(0.25) ? random.pick(others) : primary;
  const upgraded = app.upgrade !== undefined && localDate(startMs) >= app.upgrade.onDate;
  return { app, version: upgraded ? app.upgrade?.version : app.version };
}

function use(
  person: Extension,
  choice: { app?: ClientApp; version?: string },
  direction: Direction,
  result: string,
  duration: number,
): UsePlan[] {
  if (!isPerson(person)) return [];
  const plan: UsePlan = { person, direction, result, duration };
  if (choice.app !== undefined) plan.app = choice.app;
  if (choice.version !== undefined) plan.version = choice.version;
  return [plan];
}

/** Draws a talk time in seconds: mostly a few minutes, sometimes long. */
export function talkSeconds(random: Random): number {
  const [min, max] = random.weighted<readonly [number, number]>([
    [[20, 120], 40],
    [[120, 600], 45],
    [[600, 1800], 15],
  ]);
  return random.int(min, max);
}

function ringSeconds(random: Random): number {
  return random.int(6, 28);
}

function session(
  startMs: number,
  kind: SessionPlan['kind'],
  records: RecordPlan[],
  uses: UsePlan[],
): SessionPlan {
  return {
    sessionId: '',
    telephonySessionId: '',
    startMs,
    type: 'Voice',
    kind,
    outcome: outcomeOfResults(records.map((record) => record.result)),
    records,
    uses,
  };
}

export interface OutboundOptions {
  result?: string;
  /** Seconds; drawn at random when absent. */
  duration?: number;
}

/** Builds a call from an extension to an outside number. */
export function outboundCall(context: BuildContext, caller: Extension, startMs: number, options: OutboundOptions = {}): SessionPlan {
  const { random, ids } = context;
  const choice = chooseApp(random, caller, startMs);
  const result = options.result ?? random.weighted([['Call connected', 80], ['No Answer', 12], ['Busy', 8]]);
  const connected = result.toLowerCase() === 'call connected';
  let duration: number;
  if (options.duration !== undefined) duration = options.duration;
  else if (connected) duration = talkSeconds(random);
  else if (result === 'Busy') duration = random.int(1, 4);
  else duration = random.int(20, 45);

  let action = 'VoIP Call';
  if (choice.app?.endpoint === 'RingCentral Web' && random.chance(0.35)) action = 'RingOut Web';
  if (choice.app?.mobile === true && random.chance(0.3)) action = 'RingOut Mobile';

  const from = extensionWithNumber(caller);
  const to = outsideParty(context);
  const leg = { action, direction: 'Outbound' as const, result, offsetMs: 0, duration, from, to, extension: caller };
  let legs: LegPlan[];
  if (action === 'RingOut Web') {
    // RingOut first rings the caller's own phone, then the number they asked for.
    legs = [
      { ...leg, legType: 'RingOutWebToSubscriber', master: true, result: 'Call connected', to: { phoneNumber: caller.directNumber } },
      { ...leg, legType: 'RingOutWebToCaller', offsetMs: random.int(3000, 9000) },
    ];
  } else {
    legs = [{ ...leg, legType: action === 'RingOut Mobile' ? 'RingOutMobile' : 'SipToPstnMetered', master: true }];
  }

  const record: RecordPlan = { id: ids.recordId(), owner: caller, type: 'Voice', direction: 'Outbound', action, result, offsetMs: 0, duration, from, to, legs };
  return session(startMs, 'Outbound', [record], use(caller, choice, 'Outbound', result, duration));
}

export interface InboundOptions {
  result?: string;
  /** True to answer on the callee's personal mobile through FindMe, so no app is involved. */
  findMe?: boolean;
}

/** Builds a call from an outside number straight to an extension's direct number. */
export function inboundCall(context: BuildContext, callee: Extension, startMs: number, options: InboundOptions = {}): SessionPlan {
  const { random, ids } = context;
  const result = options.result ?? random.weighted([['Accepted', 72], ['Missed', 12], ['Voicemail', 16]]);
  const answered = result === 'Accepted';
  const findMe = answered && callee.mobileNumber !== undefined && (options.findMe ?? random.chance(0.08));
  const choice = findMe ? {} : chooseApp(random, callee, startMs);
  const ring = ringSeconds(random);
  let duration = ring;
  if (answered) duration += talkSeconds(random);
  else if (result === 'Voicemail') duration += random.int(15, 90);

  const from = outsideParty(context);
  const to = extensionWithNumber(callee);
  const action = findMe ? 'FindMe' : 'Phone Call';
  const legs: LegPlan[] = [
    { legType: 'PstnToSip', master: true, action, direction: 'Inbound', result, offsetMs: 0, duration, from, to: { phoneNumber: callee.directNumber } },
  ];
  let forwardedTo: Party | undefined;
  if (findMe) {
    forwardedTo = { phoneNumber: callee.mobileNumber as string };
    legs.push({ legType: 'FindMe', action: 'FindMe', direction: 'Outbound', result: 'Call connected', offsetMs: ring * 1000, duration: duration - ring, from, to: forwardedTo, extension: callee });
  } else if (answered) {
    const legType = choice.app?.mobile === true ? 'MobileApp' : 'Accept';
    legs.push({ legType, action: 'Phone Call', direction: 'Inbound', result: 'Accepted', offsetMs: ring * 1000, duration: duration - ring, from, to: extensionOnly(callee), extension: callee });
  }

  const record: RecordPlan = { id: ids.recordId(), owner: callee, type: 'Voice', direction: 'Inbound', action, result, offsetMs: 0, duration, from, to, legs };
  if (forwardedTo !== undefined) record.forwardedTo = forwardedTo;
  const uses = answered ? use(callee, choice, 'Inbound', result, duration) : [];
  return session(startMs, 'Inbound', [record], uses);
}

/**
 * Builds a call between two extensions. It appears as two records that share the session: an Outbound record
 * in the caller's log and an Inbound record in the callee's log, both with extensions on both sides.
 */
export function internalCall(context: BuildContext, caller: Extension, callee: Extension, startMs: number, answered: boolean): SessionPlan {
  const { random, ids } = context;
  const callerChoice = chooseApp(random, caller, startMs);
  const calleeChoice = answered ? chooseApp(random, callee, startMs) : {};
  const ring = ringSeconds(random);
  const duration = answered ? ring + talkSeconds(random) : ring + random.int(10, 20);
  const from = extensionOnly(caller);
  const to = extensionOnly(callee);
  const callerResult = answered ? 'Call connected' : 'No Answer';
  const calleeResult = answered ? 'Accepted' : 'Missed';
  const calleeOffsetMs = random.int(40, 900);

  const leg = { legType: 'ExtensionToExtension', master: true as const, action: 'VoIP Call', offsetMs: 0, duration, from, to };
  const records: RecordPlan[] = [
    {
      id: ids.recordId(), owner: caller, type: 'Voice', direction: 'Outbound', action: 'VoIP Call', result: callerResult,
      offsetMs: 0, duration, from, to, legs: [{ ...leg, direction: 'Outbound', result: callerResult, extension: caller }],
    },
    {
      id: ids.recordId(), owner: callee, type: 'Voice', direction: 'Inbound', action: 'VoIP Call', result: calleeResult,
      offsetMs: calleeOffsetMs, duration, from, to, legs: [{ ...leg, direction: 'Inbound', result: calleeResult, extension: callee }],
    },
  ];
  const uses = [
    ...use(caller, callerChoice, 'Outbound', callerResult, duration),
    ...(answered ? use(callee, calleeChoice, 'Inbound', calleeResult, duration) : []),
  ];
  return session(startMs, 'Internal', records, uses);
}

/**
 * Builds an outside call to a call queue. The queue's record covers the caller's wait. When an agent
 * answers, the agent's log contains a second record for the same session.
 */
export function queueCall(
  context: BuildContext,
  queue: Extension,
  startMs: number,
  outcome: 'answered' | 'abandoned' | 'voicemail',
  agent?: Extension,
): SessionPlan {
  const { random, ids } = context;
  const wait = random.int(12, 95);
  const from = outsideParty(context);
  const to: Party = { phoneNumber: MAIN_NUMBER, extension: queue };

  if (outcome !== 'answered') {
    const result = outcome === 'abandoned' ? 'Abandoned' : 'Voicemail';
    const duration = outcome === 'abandoned' ? wait : wait + random.int(15, 70);
    const legs: LegPlan[] = [{ legType: 'PstnToSip', master: true, action: 'Phone Call', direction: 'Inbound', result, offsetMs: 0, duration, from, to, extension: queue }];
    const record: RecordPlan = { id: ids.recordId(), owner: queue, type: 'Voice', direction: 'Inbound', action: 'Phone Call', result, offsetMs: 0, duration, from, to, legs };
    return session(startMs, 'Inbound', [record], []);
  }

  if (agent === undefined) throw new Error(`queueCall: an answered call to ${queue.name} requires an agent; pass the answering extension`);
  const choice = chooseApp(random, agent, startMs);
  const talk = talkSeconds(random);
  const agentParty = extensionOnly(agent);
  const queueRecord: RecordPlan = {
    id: ids.recordId(), owner: queue, type: 'Voice', direction: 'Inbound', action: 'Phone Call', result: 'Accepted',
    offsetMs: 0, duration: wait + talk, from, to, forwardedTo: agentParty,
    legs: [
      { legType: 'PstnToSip', master: true, action: 'Phone Call', direction: 'Inbound', result: 'Accepted', offsetMs: 0, duration: wait + talk, from, to, extension: queue },
      { legType: choice.app?.mobile === true ? 'MobileApp' : 'Accept', action: 'Phone Call', direction: 'Inbound', result: 'Accepted', offsetMs: wait * 1000, duration: talk, from, to: agentParty, extension: agent },
    ],
  };
  const agentRecord: RecordPlan = {
    id: ids.recordId(), owner: agent, type: 'Voice', direction: 'Inbound', action: 'Phone Call', result: 'Accepted',
    offsetMs: wait * 1000, duration: talk, from, to: agentParty,
    legs: [{ legType: 'Accept', master: true, action: 'Phone Call', direction: 'Inbound', result: 'Accepted', offsetMs: 0, duration: talk, from, to: agentParty, extension: agent }],
  };
  return session(startMs, 'Inbound', [queueRecord, agentRecord], use(agent, choice, 'Inbound', 'Accepted', talk));
}

/**
 * Builds an outside call answered by one person and transferred to another. The first person's record
 * carries all four legs, and the second person's log contains a Transfer record for the same session.
 */
export function transferredCall(context: BuildContext, first: Extension, second: Extension, startMs: number): SessionPlan {
  const { random, ids } = context;
  const firstChoice = chooseApp(random, first, startMs);
  const secondChoice = chooseApp(random, second, startMs);
  const ring = ringSeconds(random);
  const firstTalk = random.int(40, 150);
  const secondTalk = random.int(180, 720);
  const duration = ring + firstTalk + secondTalk;
  const from = outsideParty(context);
  const transferAtMs = (ring + firstTalk) * 1000;

  const firstRecord: RecordPlan = {
    id: ids.recordId(), owner: first, type: 'Voice', direction: 'Inbound', action: 'Phone Call', result: 'Accepted',
    offsetMs: 0, duration, from, to: extensionWithNumber(first), forwardedTo: extensionOnly(second),
    legs: [
      { legType: 'PstnToSip', master: true, action: 'Phone Call', direction: 'Inbound', result: 'Accepted', offsetMs: 0, duration, from, to: { phoneNumber: first.directNumber } },
      { legType: 'Accept', action: 'Phone Call', direction: 'Inbound', result: 'Accepted', offsetMs: ring * 1000, duration: firstTalk, from, to: extensionOnly(first), extension: first },
      { legType: 'ExtensionToExtension', action: 'Transfer', direction: 'Outbound', result: 'Call connected', offsetMs: transferAtMs, duration: secondTalk, from: extensionOnly(first), to: extensionOnly(second), extension: first },
      { legType: 'Accept', action: 'Transfer', direction: 'Inbound', result: 'Accepted', offsetMs: transferAtMs + 4000, duration: secondTalk, from, to: extensionOnly(second), extension: second },
    ],
  };
  const secondRecord: RecordPlan = {
    id: ids.recordId(), owner: second, type: 'Voice', direction: 'Inbound', action: 'Transfer', result: 'Accepted',
    offsetMs: transferAtMs + 4000, duration: secondTalk, from, to: extensionOnly(second),
    legs: [{ legType: 'Accept', master: true, action: 'Transfer', direction: 'Inbound', result: 'Accepted', offsetMs: 0, duration: secondTalk, from, to: extensionOnly(second), extension: second }],
  };
  const uses = [
    ...use(first, firstChoice, 'Inbound', 'Accepted', ring + firstTalk),
    ...use(second, secondChoice, 'Inbound', 'Accepted', secondTalk),
  ];
  return session(startMs, 'Inbound', [firstRecord, secondRecord], uses);
}

/** Builds a fax sent or received: a call-log record of type Fax, which is neither a call nor a use. */
export function faxCall(context: BuildContext, person: Extension, direction: Direction, startMs: number): SessionPlan {
  const { random, ids } = context;
  const duration = random.int(25, 140);
  const outside = outsideParty(context);
  const own = extensionWithNumber(person);
  const outbound = direction === 'Outbound';
  const action = outbound ? 'Outgoing Fax' : 'Incoming Fax';
  const result = outbound ? 'Sent' : 'Received';
  const from = outbound ? own : outside;
  const to = outbound ? outside : own;
  const legs: LegPlan[] = [
    { legType: outbound ? 'FaxSent' : 'PstnToSip', master: true, action, direction, result, offsetMs: 0, duration, from, to, extension: person },
  ];
  const record: RecordPlan = { id: ids.recordId(), owner: person, type: 'Fax', direction, action, result, offsetMs: 0, duration, from, to, legs };
  return {
    sessionId: '',
    telephonySessionId: '',
    startMs,
    type: 'Fax',
    kind: direction,
    records: [record],
    uses: [],
  };
}
