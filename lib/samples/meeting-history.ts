/**
 * `meeting-history.json`: the account's RingCentral Video meeting history from the API, one response with
 * the meetings newest first. A meeting listed twice appears twice in a row, as where pages overlap.
 */
import { utf8Bytes } from './csv-text';
import type { MeetingPlan, ParticipantEntry } from './meeting-plan';
import { ACCOUNT_ID } from './organisation';

export function renderMeetingHistory(meetings: readonly MeetingPlan[]): Uint8Array {
  const listed = [...meetings]
    .sort((a, b) => b.startMs - a.startMs)
    .flatMap((meeting) => (meeting.listedTwice ? [meeting, meeting] : [meeting]))
    .map((meeting) => JSON.stringify(meetingJson(meeting)));
  // One meeting per line keeps the file readable and diffable.
  return utf8Bytes(`{"meetings":[\n${listed.join(',\n')}\n]}\n`);
}

function meetingJson(meeting: MeetingPlan): Record<string, unknown> {
  return {
    id: meeting.id,
    displayName: meeting.title,
    startTime: new Date(meeting.startMs).toISOString(),
    duration: meeting.duration,
    type: meeting.type,
    status: 'Done',
    hostInfo: { accountId: ACCOUNT_ID, extensionId: meeting.host.id, displayName: meeting.host.name },
    participants: meeting.entries.map(participantJson),
  };
}

function participantJson(entry: ParticipantEntry): Record<string, string> {
  const json: Record<string, string> = {};
  if (entry.participantId !== undefined) json.id = entry.participantId;
  if (entry.person !== undefined) {
    json.accountId = ACCOUNT_ID;
    json.extensionId = entry.person.id;
  } else if (entry.outsider !== undefined) {
    json.accountId = entry.outsider.accountId;
    json.extensionId = entry.outsider.extensionId;
  }
  if (entry.displayName !== undefined) json.displayName = entry.displayName;
  if (entry.callerId !== undefined) json.callerId = entry.callerId;
  return json;
}
