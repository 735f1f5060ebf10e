import type { ParsedTime } from '../time/parse-time';
import type { Format, LoadContext, LoadResult, SniffedFile } from './format';
import { insertEvents, type EventRow } from './insert-events';
import {
  isObject,
  jsonShapeError,
  optionalText,
  plural,
  readDurationSeconds,
  readTime,
  type JsonObject,
} from './json-values';

const REMEDY = 'Export the meeting history again from the RingCentral Video API without editing it.';

/** A meeting with its JSON path in the file, for error messages. */
interface LocatedMeeting {
  meeting: unknown;
  /** 1-based position among all the file's meetings, over all pages. */
  position: number;
  path: string;
}

/** An `events` row of a meeting, marked when its person belongs to another account. */
interface MeetingRow extends EventRow {
  outsideAccount: boolean;
}

/** The fields every row of one meeting shares. */
interface MeetingColumns {
  source_line: number;
  session_id: string;
  start: ParsedTime;
  duration_s: number | null;
  action: string | null;
  result: string | null;
}

/**
 * RingCentral Video's meeting history as its API returns it (`meetings[]`, account or user history),
 * one response or an array of responses (pages). Each meeting becomes one host row plus one row per
 * entry of `participants[]`, all with the meeting id as `session_id`. The history names no client
 * application, so `endpoint_raw` stays NULL.
 */
export const ringcentralMeetingHistoryJson: Format = {
  id: 'ringcentral-meeting-history-json',
  label: 'RingCentral Video meeting history (JSON)',
  channels: ['video'],
  recognise: isMeetingHistory,
  load: loadMeetingHistory,
};

function isMeetingHistory(file: SniffedFile): boolean {
  if (file.container !== 'json') return false;
  const pages = meetingPages(file.json);
  if (pages === null) return false;

  // A history with no meeting in its range is still a history: no other export has `meetings[]`.
  const first = pages.flatMap((page) => page.meetings)[0];
  if (first === undefined) return true;
  return isObject(first) && typeof first.startTime === 'string' && ('hostInfo' in first || 'participants' in first);
}

function loadMeetingHistory({ db, fileId, file }: LoadContext): LoadResult {
  const fileName = file.source.name;
  const meetings = locateMeetings(meetingPages(file.json) ?? []);

  const account = exportAccount(meetings);
  const rows: MeetingRow[] = [];
  const seen = new Set<string>();
  let listedTwice = 0;
  let rejoins = 0;
  for (const located of meetings) {
    const meeting = located.meeting;
    if (!isObject(meeting)) {
      throw jsonShapeError(fileName, located.path, `meeting ${located.position} is not a JSON object`, REMEDY);
    }
    const id = optionalText(meeting.id);
    if (id === null) throw jsonShapeError(fileName, `${located.path}.id`, `meeting ${located.position} has no id`, REMEDY);
    if (seen.has(id)) {
      listedTwice++;
      continue;
    }
    seen.add(id);

    const columns = meetingColumns(fileName, meeting, id, located);
    rows.push(hostRow(meeting, columns, account));
    const participants = participantRows(fileName, meeting, columns, located.path, account);
    rows.push(...participants);
    rejoins += participants.length - new Set(participants.map((row) => row.record_id)).size;
  }

  insertEvents(db, fileId, rows);
  const notes = loadNotes(seen.size, listedTwice, rejoins, rows);
  const outsiders = rows.filter((row) => row.outsideAccount).length;
  if (outsiders > 0) {
    notes.push(
      `Found ${plural(outsiders, 'person', 'people')} of other accounts than ${account} (the account most hosts belong to); ` +
        'they count in meetings and participants, but not as users.',
    );
  }
  // Rows of this file are meetings: read, and used once each (a meeting listed twice is used once).
  return { rowsRead: meetings.length, rowsUsed: seen.size, notes };
}

/**
 * Returns the account the history belongs to: the `hostInfo.accountId` most meetings carry (the
 * smallest id on a tie), or null when no host carries one. An account's history can list meetings
 * that a person of another account hosted, but most of its hosts are its own people.
 */
function exportAccount(meetings: readonly LocatedMeeting[]): string | null {
  const counts = new Map<string, number>();
  for (const { meeting } of meetings) {
    const accountId = isObject(meeting) && isObject(meeting.hostInfo) ? optionalText(meeting.hostInfo.accountId) : null;
    if (accountId !== null) counts.set(accountId, (counts.get(accountId) ?? 0) + 1);
  }
  const ranked = [...counts].sort(([idA, countA], [idB, countB]) => countB - countA || idA.localeCompare(idB));
  return ranked[0]?.[0] ?? null;
}

/** True when a person entry names an account other than the history's own. */
function isOutside(entry: JsonObject, account: string | null): boolean {
  const accountId = optionalText(entry.accountId);
  return account !== null && accountId !== null && accountId !== account;
}

function loadNotes(meetings: number, listedTwice: number, rejoins: number, rows: readonly EventRow[]): string[] {
  const notes = [`Read ${plural(meetings, 'meeting')}. The meeting history names no client application, so their endpoint is Unknown.`];
  if (listedTwice > 0) notes.push(`Skipped ${plural(listedTwice, 'meeting')} listed twice in the file (same meeting id).`);
  if (rejoins > 0) {
    notes.push(
      `Found ${plural(rejoins, 'participant entry', 'participant entries')} naming a person already in the same meeting (rejoins); ` +
        'the report counts each person once per meeting.',
    );
  }
  if (rows.some((row) => row.start.clock === 'wall')) {
    notes.push('Some times in this file carry no time zone, so they are read as wall-clock times in the report time zone.');
  }
  return notes;
}

function meetingColumns(fileName: string, meeting: JsonObject, id: string, { position, path }: LocatedMeeting): MeetingColumns {
  const startText = optionalText(meeting.startTime);
  if (startText === null) {
    throw jsonShapeError(fileName, `${path}.startTime`, `meeting ${position} (id ${id}) has no startTime`, REMEDY);
  }
  return {
    // JSON has no useful line number, so a row's line is its meeting's position among the file's meetings.
    source_line: position,
    session_id: id,
    start: readTime(fileName, startText, `${path}.startTime`),
    duration_s: readDurationSeconds(fileName, meeting.duration, `${path}.duration`),
    action: optionalText(meeting.type),
    result: optionalText(meeting.status),
  };
}

/**
 * Builds the host's row. A meeting without `hostInfo` still gets one, with no user, so the meeting
 * counts. A host of another account gets no user either, because they are not a user of this account.
 */
function hostRow(meeting: JsonObject, columns: MeetingColumns, account: string | null): MeetingRow {
  const host = isObject(meeting.hostInfo) ? meeting.hostInfo : {};
  const outsideAccount = isOutside(host, account);
  return {
    ...emptyVideoRow(columns),
    role: 'host',
    record_id: 'host',
    user_platform_id: outsideAccount ? null : optionalText(host.extensionId),
    user_name: optionalText(host.displayName),
    outsideAccount,
  };
}

/**
 * One row per `participants[]` entry, the host's own entry included. `record_id` is the person's key
 * within the meeting: `<accountId>:<extensionId>` for a platform user, so that rejoins share it, else
 * `guest:<id>` for a guest with a participant id, else `guest:#<position>`, so that each guest entry
 * without an id is a person of its own. A participant of another account keeps that key but gets no
 * user.
 */
function participantRows(
  fileName: string,
  meeting: JsonObject,
  columns: MeetingColumns,
  path: string,
  account: string | null,
): MeetingRow[] {
  if (meeting.participants === undefined || meeting.participants === null) return [];
  if (!Array.isArray(meeting.participants)) {
    throw jsonShapeError(fileName, `${path}.participants`, `meeting ${columns.session_id} has participants that are not a list`, REMEDY);
  }

  return meeting.participants.map((participant: unknown, index): MeetingRow => {
    if (!isObject(participant)) {
      throw jsonShapeError(fileName, `${path}.participants[${index}]`, `a participant of meeting ${columns.session_id} is not a JSON object`, REMEDY);
    }
    const extensionId = optionalText(participant.extensionId);
    const participantId = optionalText(participant.id);
    const key =
      extensionId !== null
        ? `${optionalText(participant.accountId) ?? ''}:${extensionId}`
        : `guest:${participantId ?? `#${index + 1}`}`;
    const outsideAccount = isOutside(participant, account);
    return {
      ...emptyVideoRow(columns),
      role: 'participant',
      record_id: key,
      user_platform_id: outsideAccount ? null : extensionId,
      outsideAccount,
      // A participant who joined by phone may carry only the number they called from.
      user_name: optionalText(participant.displayName) ?? optionalText(participant.callerId),
    };
  });
}

function emptyVideoRow(columns: MeetingColumns): EventRow {
  return {
    ...columns,
    channel: 'video',
    kind: 'record',
    record_id: null,
    user_platform_id: null,
    user_extension: null,
    user_email: null,
    user_name: null,
    endpoint_raw: null,
    version: null,
    role: null,
    direction: null,
    from_extension: null,
    to_extension: null,
    attachments: null,
  };
}

/** Returns the response objects of a meeting-history file, or null when the document has another shape. */
function meetingPages(json: unknown): (JsonObject & { meetings: unknown[] })[] | null {
  const documents = Array.isArray(json) ? json : [json];
  if (documents.length === 0) return null;
  const pages: (JsonObject & { meetings: unknown[] })[] = [];
  for (const document of documents) {
    if (!isObject(document) || !Array.isArray(document.meetings)) return null;
    pages.push(document as JsonObject & { meetings: unknown[] });
  }
  return pages;
}

function locateMeetings(pages: readonly { meetings: unknown[] }[]): LocatedMeeting[] {
  const located: LocatedMeeting[] = [];
  pages.forEach((page, pageIndex) => {
    page.meetings.forEach((meeting, index) => {
      const path = pages.length === 1 ? `meetings[${index}]` : `[${pageIndex}].meetings[${index}]`;
      located.push({ meeting, position: located.length + 1, path });
    });
  });
  return located;
}
