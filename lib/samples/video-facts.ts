/**
 * `expected/video-facts.md`: facts about `meeting-history.json` counted from the generator's own plan of
 * the meetings, never by parsing the file or running the product, so the Video report can be checked
 * against them.
 */
import { utf8Bytes } from './csv-text';
import { countBy, describeExtension, formatCounts, inPopulation, minutes } from './fact-lines';
import type { MeetingPlan, ParticipantEntry } from './meeting-plan';
import { MEETING_PERIOD } from './meeting-plan';
import type { Extension } from './organisation';
import { ACCOUNT_ID, EXTENSIONS, isPerson, ORGANISATION_NAME } from './organisation';
import { formatIsoWithOffset, localDate } from './wall-clock';

export function renderVideoFacts(meetings: readonly MeetingPlan[]): Uint8Array {
  const sections = [
    `# Video facts of the ${ORGANISATION_NAME} samples`,
    'Counted by the sample generator (`lib/samples/`) from its own plan of the meetings, not by the product, ' +
      'so a Video report built from `meeting-history.json` can be checked against them. `npm run samples` rewrites this file. ' +
      'Meetings are distinct by id. A person is keyed by account and extension id, so their rejoins merge; each guest entry ' +
      'without a participant id is a person of its own. A host who also joined counts once, as host: Host Count counts ' +
      'meetings hosted and Participant Count meetings joined without hosting. Active days are New York dates.',
    historySection(meetings),
    peopleSection(meetings),
    edgeCaseSection(meetings),
  ];
  return utf8Bytes(`${sections.join('\n\n')}\n`);
}

function historySection(meetings: readonly MeetingPlan[]): string {
  const entries = meetings.flatMap((meeting) => meeting.entries);
  const totalSeconds = meetings.reduce((sum, meeting) => sum + meeting.duration, 0);
  const participants = meetings.reduce((sum, meeting) => sum + participantKeys(meeting).size, 0);
  const joinedWithoutHosting = meetings.reduce((sum, meeting) => sum + participantKeys(meeting, { withoutHost: true }).size, 0);
  const rejoins = entries.length - meetings.reduce((sum, meeting) => sum + participantKeys(meeting).size, 0);
  const hosts = new Set(meetings.map((meeting) => meeting.host));
  const users = new Set(meetings.flatMap((meeting) => [meeting.host, ...meeting.entries.flatMap((entry) => (entry.person ? [entry.person] : []))]));
  const idle = EXTENSIONS.filter((extension) => inPopulation(extension) && !users.has(extension));
  const listedTwice = meetings.filter((meeting) => meeting.listedTwice);

  return [
    `## meeting-history.json (RingCentral Video API, ${MEETING_PERIOD.firstDate} to ${MEETING_PERIOD.lastDate})`,
    '',
    `- Meetings in the file: ${meetings.length + listedTwice.length} (${meetings.length} distinct ids; listed twice: ${listedTwice.map((meeting) => meeting.id).join(', ')}).`,
    `- Meetings by type: ${formatCounts(countBy(meetings, (meeting) => meeting.type))}.`,
    `- Meeting minutes (sum of the distinct meetings' durations): ${totalSeconds} s = ${minutes(totalSeconds)} min; ` +
      `average meeting length ${(totalSeconds / 60 / meetings.length).toFixed(6)} min.`,
    `- Participant entries: ${entries.length}: ${formatCounts(countBy(entries, entryKind))}.`,
    `- Entries that repeat a person already listed in the same meeting (rejoins): ${rejoins}.`,
    `- Participants (distinct people per meeting, hosts included where they are listed), summed over meetings: ${participants}; ` +
      `average ${(participants / meetings.length).toFixed(6)} per meeting.`,
    `- The same without each meeting's host: ${joinedWithoutHosting}.`,
    `- Meetings whose host is listed among the participants: ${meetings.filter((meeting) => meeting.entries.some((entry) => entry.person === meeting.host)).length}; ` +
      `meetings with no participant entry: ${meetings.filter((meeting) => meeting.entries.length === 0).length}.`,
    `- Active hosts (people who hosted at least one meeting): ${hosts.size} (${[...hosts].filter(inPopulation).length} of them in the population).`,
    `- People with at least one meeting: ${users.size} (${[...users].filter(inPopulation).length} of them in the population).`,
    `- In the population but in no meeting: ${idle.map(describeExtension).join('; ')}.`,
  ].join('\n');
}

function peopleSection(meetings: readonly MeetingPlan[]): string {
  const people = EXTENSIONS.filter(isPerson);
  return [
    '## People',
    '',
    'Number of Meets = Host Count + Participant Count.',
    '',
    '| Name | Ext | Status | Department | Site | Number of Meets | Host Count | Participant Count | Active days |',
    '|---|---|---|---|---|---:|---:|---:|---:|',
    ...people.map((person) => {
      const hosted = meetings.filter((meeting) => meeting.host === person);
      const joined = meetings.filter((meeting) => meeting.host !== person && meeting.entries.some((entry) => entry.person === person));
      const days = new Set([...hosted, ...joined].map((meeting) => localDate(meeting.startMs)));
      return (
        `| ${person.name} | ${person.extensionNumber} | ${person.status} | ${person.department} | ${person.site.name} | ` +
        `${hosted.length + joined.length} | ${hosted.length} | ${joined.length} | ${days.size} |`
      );
    }),
  ].join('\n');
}

function edgeCaseSection(meetings: readonly MeetingPlan[]): string {
  return [
    '## Edge cases placed by hand',
    '',
    ...meetings
      .filter((meeting) => meeting.note !== undefined || meeting.listedTwice)
      .map((meeting) => `- Meeting ${meeting.id}, ${formatIsoWithOffset(meeting.startMs)}: ${meeting.note ?? 'listed twice in the file'}.`),
  ].join('\n');
}

/** Collects the report's person keys of a meeting's participant entries. */
function participantKeys(meeting: MeetingPlan, { withoutHost = false } = {}): Set<string> {
  const keys = new Set<string>();
  meeting.entries.forEach((entry, index) => {
    if (withoutHost && entry.person === meeting.host) return;
    keys.add(participantKey(entry, index));
  });
  return keys;
}

function participantKey(entry: ParticipantEntry, index: number): string {
  if (entry.person !== undefined) return `${ACCOUNT_ID}:${entry.person.id}`;
  if (entry.outsider !== undefined) return `${entry.outsider.accountId}:${entry.outsider.extensionId}`;
  return entry.participantId === undefined ? `guest #${index}` : `guest ${entry.participantId}`;
}

function entryKind(entry: ParticipantEntry): string {
  if (entry.person !== undefined) return 'directory people';
  if (entry.outsider !== undefined) return 'users of another account';
  if (entry.callerId !== undefined) return 'phone guests without participant id';
  return entry.participantId === undefined ? 'guests without participant id' : 'guests with a participant id';
}

