/**
 * The generator's own model of the calls: one `SessionPlan` per call, holding the call-log records each
 * extension gets for it. The call-log JSON and CSV are renderings of these plans, and the facts file is
 * counted from them, so the facts never depend on parsing the generated files.
 */
import type { ClientApp, Extension } from './organisation';

export type Direction = 'Inbound' | 'Outbound';

/** The report's outcome classes for a session, each listed with the result words that lead to it. */
export type Outcome = 'answered' | 'voicemail' | 'abandoned' | 'missed' | 'other';

/** One side of a record or leg: an extension of the account, an outside number, or both. */
export interface Party {
  phoneNumber?: string;
  extension?: Extension;
  /** A caller-id name for an outside number; extensions carry their own name. */
  name?: string;
}

export interface LegPlan {
  legType: string;
  action: string;
  direction: Direction;
  result: string;
  /** Milliseconds after the record's start. */
  offsetMs: number;
  /** Seconds. */
  duration: number;
  from: Party;
  to: Party;
  master?: true;
  /** The account's extension that this leg reached, if any. */
  extension?: Extension;
}

export interface RecordPlan {
  id: string;
  /** The extension whose call log contains this record. */
  owner: Extension;
  type: 'Voice' | 'Fax';
  direction: Direction;
  action: string;
  result: string;
  /** Milliseconds after the session's start. */
  offsetMs: number;
  /** Seconds. */
  duration: number;
  from: Party;
  to: Party;
  legs: LegPlan[];
  /** The party the call went on to: the owner's mobile for FindMe, a queue's agent, a transfer target. */
  forwardedTo?: Party;
  /** True when the export lists this record twice, as overlapping page downloads do. */
  listedTwice?: true;
}

/** A call that a person placed or answered: the report's unit of phone use. */
export interface UsePlan {
  person: Extension;
  /** The client application used; absent when answered on a personal mobile via FindMe. */
  app?: ClientApp;
  /** The app version at the time of the call. */
  version?: string;
  direction: Direction;
  result: string;
  /** Seconds. */
  duration: number;
}

export interface SessionPlan {
  /** Empty until `assignSessionIds` numbers all sessions of a run in time order. */
  sessionId: string;
  /** Empty until `assignSessionIds` runs. */
  telephonySessionId: string;
  /** UTC epoch milliseconds. */
  startMs: number;
  type: 'Voice' | 'Fax';
  /** Internal when every record has an extension on both sides, else the direction of its records. */
  kind: 'Inbound' | 'Outbound' | 'Internal';
  /** For Voice sessions, the outcome by the report's rules; fax sessions have none. */
  outcome?: Outcome;
  records: RecordPlan[];
  uses: UsePlan[];
  /** A short description of a hand-placed edge case, listed in the facts file. */
  note?: string;
}

/** Result words by outcome, matched case-insensitively, in the order the report tries them. */
export const OUTCOME_RESULTS: readonly (readonly [Outcome, readonly string[]])[] = [
  ['answered', ['Accepted', 'Call accepted', 'Call connected']],
  ['voicemail', ['Voicemail', 'Sent to Voicemail']],
  ['abandoned', ['Abandoned']],
  ['missed', ['Missed', 'No Answer', 'Busy', 'Rejected', 'Declined', 'Hang Up']],
];

/** Returns the outcome class of one result word, or `other` for words outside the lists. */
export function outcomeOfResult(result: string): Outcome {
  const lower = result.toLowerCase();
  for (const [outcome, words] of OUTCOME_RESULTS) {
    if (words.some((word) => word.toLowerCase() === lower)) return outcome;
  }
  return 'other';
}

/** Returns a session's outcome: the first class, in the report's order, that any record's result has. */
export function outcomeOfResults(results: readonly string[]): Outcome {
  const outcomes = new Set(results.map(outcomeOfResult));
  for (const [outcome] of OUTCOME_RESULTS) if (outcomes.has(outcome)) return outcome;
  return 'other';
}
