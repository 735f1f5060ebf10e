/**
 * `expected/phone-facts.md`: facts about the sample files counted from the generator's own plan, never
 * by parsing the files or running the product, so that the product's report can be checked against them.
 */
import type { Direction, Outcome, SessionPlan } from './call-model';
import { outcomeOfResult } from './call-model';
import { utf8Bytes } from './csv-text';
import type { SamplePlan } from './sample-plan';
import { CSV_PERIOD, JSON_PERIOD } from './sample-plan';
import type { Extension } from './organisation';
import { EXTENSIONS, isPerson, ORGANISATION_NAME } from './organisation';
import { formatIsoWithOffset, isWeekend, localDate } from './wall-clock';

const OUTCOMES: readonly Outcome[] = ['answered', 'voicemail', 'abandoned', 'missed', 'other'];
const KINDS: readonly SessionPlan['kind'][] = ['Inbound', 'Outbound', 'Internal'];

export function renderPhoneFacts(plan: SamplePlan): Uint8Array {
  const sections = [
    `# Phone facts of the ${ORGANISATION_NAME} samples`,
    'Counted by the sample generator (`lib/samples/`) from its own plan of the calls, not by the product, ' +
      'so a report built from these files can be checked against them. `npm run samples` rewrites this file. ' +
      'Outcomes follow the report rules: answered (Accepted, Call accepted, Call connected) before voicemail, ' +
      'abandoned and missed (Missed, No Answer, Busy, ...), matched ignoring case; any other word is Other. ' +
      'A use is a session in which a person owns an Outbound record, or an Inbound record with an answered result.',
    directorySection(),
    callLogSection('call-log-detailed.json', 'API JSON, Detailed view', JSON_PERIOD.firstDate, JSON_PERIOD.lastDate, plan.jsonSessions, true),
    callLogSection('call-log-detailed.csv', 'Admin Portal CSV', CSV_PERIOD.firstDate, CSV_PERIOD.lastDate, plan.csvSessions, false),
    usageEventsSection(plan),
    peopleSection(plan),
    edgeCaseSection(plan),
  ];
  return utf8Bytes(`${sections.join('\n\n')}\n`);
}

function directorySection(): string {
  const people = EXTENSIONS.filter(isPerson);
  const population = people.filter(inPopulation);
  const typeCounts = countBy(EXTENSIONS, (extension) => extension.type);
  const statusCounts = countBy(people, (person) => person.status);
  const leadingZeros = EXTENSIONS.filter((extension) => extension.extensionNumber.startsWith('0')).map((extension) => extension.extensionNumber);
  return [
    '## Directory: users-list.xlsx, users-list.csv, extension-list.json',
    '',
    `- Entries: ${EXTENSIONS.length} (${formatCounts(typeCounts)}), the same in all three files.`,
    `- Statuses of the ${people.length} User entries: ${formatCounts(statusCounts)}.`,
    `- Population (type User, status Enabled or NotActivated): ${population.length}.`,
    `- Population by department: ${formatCounts(countBy(population, (person) => person.department))}.`,
    `- Population by site: ${formatCounts(countBy(population, (person) => person.site.name))}.`,
    `- Extensions with leading zeros: ${leadingZeros.join(', ')}.`,
    `- Not people: ${EXTENSIONS.filter((extension) => !isPerson(extension)).map(describe).join('; ')}.`,
  ].join('\n');
}

function callLogSection(file: string, label: string, firstDate: string, lastDate: string, sessions: SessionPlan[], json: boolean): string {
  const records = sessions.flatMap((session) => session.records);
  const listedTwice = records.filter((record) => record.listedTwice);
  const voice = sessions.filter((session) => session.type === 'Voice');
  const fax = sessions.filter((session) => session.type === 'Fax');
  const legs = records.reduce((sum, record) => sum + record.legs.length, 0);
  const answered = voice.filter((session) => session.outcome === 'answered');
  const talkSeconds = answered.reduce((sum, session) => sum + longestAnsweredDuration(session), 0);
  const uses = voice.reduce((sum, session) => sum + session.uses.length, 0);
  const users = new Set(voice.flatMap((session) => session.uses.map((use) => use.person)));
  const nonPersonRecords = records.filter((record) => !isPerson(record.owner));
  const nonPersonUsers = new Set(
    voice.flatMap((session) =>
      session.records.filter((record) => !isPerson(record.owner) && isUseRecord(record.direction, record.result)).map((record) => record.owner),
    ),
  );
  const recordsPerSession = countBy(sessions, (session) => `${session.records.length} record${session.records.length === 1 ? '' : 's'}`);

  const lines = [
    `## ${file} (${label}, ${firstDate} to ${lastDate})`,
    '',
    json
      ? `- Records in the file: ${records.length + listedTwice.length} (${records.length} distinct ids; ${listedTwice.length} records listed twice).`
      : `- Lines: ${records.length + legs + 2} (a title line, the header, ${records.length} master rows, ${legs} leg rows).`,
    `- Legs: ${legs}.`,
    `- Distinct session ids: ${sessions.length}: ${voice.length} calls (Voice) and ${fax.length} fax.`,
    `- Records per session: ${formatCounts(recordsPerSession)}.`,
    `- Calls on a Saturday or Sunday (local date): ${voice.filter((session) => isWeekend(localDate(session.startMs))).length}.`,
    `- Records owned by extensions that are not people: ${nonPersonRecords.length} (${formatCounts(countBy(nonPersonRecords, (record) => record.owner.name))}).`,
    `- Talk time (answered calls, longest answered record each): ${talkSeconds} s = ${(talkSeconds / 60).toFixed(2)} min over ${answered.length} answered calls.`,
    `- Uses: ${uses} by ${users.size} people (${[...users].filter(inPopulation).length} of them in the population).`,
    `- Extensions that are not people but own an Outbound or answered Inbound record, so a report without the users list ` +
      `would take them for users: ${[...nonPersonUsers].map(describe).join('; ')}.`,
    '',
    'Calls by direction and outcome:',
    '',
    `| Kind | ${OUTCOMES.join(' | ')} | total |`,
    `|---|${OUTCOMES.map(() => '---:').join('|')}|---:|`,
    ...KINDS.map((kind) => outcomeRow(kind, voice.filter((session) => session.kind === kind))),
    outcomeRow('All', voice),
  ];
  if (json) lines.push('', `Records listed twice (ids): ${listedTwice.map((record) => record.id).join(', ')}.`);
  return lines.join('\n');
}

function outcomeRow(label: string, sessions: SessionPlan[]): string {
  const counts = OUTCOMES.map((outcome) => sessions.filter((session) => session.outcome === outcome).length);
  return `| ${label} | ${counts.join(' | ')} | ${sessions.length} |`;
}

function longestAnsweredDuration(session: SessionPlan): number {
  const durations = session.records.filter((record) => outcomeOfResult(record.result) === 'answered').map((record) => record.duration);
  return Math.max(0, ...durations);
}

/** True for a record that makes its owner's use: Outbound whatever the result, or Inbound and answered. */
function isUseRecord(direction: Direction, result: string): boolean {
  return direction === 'Outbound' || outcomeOfResult(result) === 'answered';
}

function usageEventsSection({ usageEvents }: SamplePlan): string {
  const inCallLog = usageEvents.filter((event) => event.inCallLog);
  const own = usageEvents.filter((event) => !event.inCallLog);
  const endpointCounts = countBy(usageEvents, (event) => event.endpoint);
  const averysWindows = usageEvents
    .filter((event) => event.person.extensionNumber === '101' && event.endpoint === 'RingCentral for Windows')
    .sort((a, b) => a.startMs - b.startMs);
  const latest = averysWindows[averysWindows.length - 1];
  return [
    '## usage-events.csv',
    '',
    `- Rows: ${usageEvents.length}, all channel phone.`,
    `- Rows naming a session of call-log-detailed.json: ${inCallLog.length} (${new Set(inCallLog.map((event) => event.sessionId)).size} distinct sessions).`,
    `- Rows naming a session in no sample file (uses of their own): ${own.length}: ` +
      `${own.filter((event) => event.direction === 'Inbound').length} inbound Accepted, ` +
      `${own.filter((event) => event.direction === 'Outbound').length} outbound Call connected, ` +
      `${own.reduce((sum, event) => sum + event.duration, 0)} s in total.`,
    `- Rows by endpoint: ${formatCounts(endpointCounts)}.`,
    `- Rows naming José Ramírez by extension 012 only (empty user_email): ${usageEvents.filter((event) => event.person.extensionNumber === '012').length}.`,
    `- Rows with Sean O'Neill's e-mail in lower case (Sean.ONeill@example.com in the users list): ${usageEvents.filter((event) => event.person.extensionNumber === '107').length}.`,
    latest === undefined
      ? '- Avery Lindqvist (101) has no RingCentral for Windows rows.'
      : `- Avery Lindqvist (101), RingCentral for Windows: ${averysWindows.length} rows; 24.10 before 2026-05-11, 25.1.10 from then; the latest row (${formatIsoWithOffset(latest.startMs)}) has version ${latest.version}.`,
  ].join('\n');
}

function peopleSection({ jsonSessions, csvSessions, usageEvents }: SamplePlan): string {
  const people = EXTENSIONS.filter(isPerson);
  const usesIn = (sessions: SessionPlan[], person: Extension): number =>
    sessions.filter((session) => session.uses.some((use) => use.person === person)).length;
  const ownRows = (person: Extension): number => usageEvents.filter((event) => !event.inCallLog && event.person === person).length;
  const matchedRows = (person: Extension): number => usageEvents.filter((event) => event.inCallLog && event.person === person).length;
  const neverCall = people.filter((person) => usesIn(jsonSessions, person) + usesIn(csvSessions, person) + ownRows(person) === 0);
  const idleInJson = people.filter((person) => inPopulation(person) && usesIn(jsonSessions, person) === 0);
  const idleInCsv = people.filter((person) => inPopulation(person) && usesIn(csvSessions, person) === 0);

  return [
    '## People',
    '',
    `- Never place or answer a call in any sample file: ${neverCall.map(describe).join('; ')}.`,
    `- In the population but without a use in call-log-detailed.json: ${idleInJson.map(describe).join('; ')}.`,
    `- In the population but without a use in call-log-detailed.csv: ${idleInCsv.map(describe).join('; ')}.`,
    '',
    'Uses per person: sessions in each call log, usage-events rows naming a JSON session, and usage-events rows of their own.',
    'With the JSON and usage-events.csv loaded, Number of Calls for 2026-05-04 to 2026-05-17 is the JSON uses plus the own rows.',
    '',
    '| Name | Ext | Status | Department | Site | JSON uses | CSV uses | Rows naming a JSON session | Own rows |',
    '|---|---|---|---|---|---:|---:|---:|---:|',
    ...people.map(
      (person) =>
        `| ${person.name} | ${person.extensionNumber} | ${person.status} | ${person.department} | ${person.site.name} | ` +
        `${usesIn(jsonSessions, person)} | ${usesIn(csvSessions, person)} | ${matchedRows(person)} | ${ownRows(person)} |`,
    ),
  ].join('\n');
}

function edgeCaseSection({ jsonSessions, csvSessions }: SamplePlan): string {
  const line = (file: string) => (session: SessionPlan) =>
    `- ${file}, session ${session.sessionId}, ${formatIsoWithOffset(session.startMs)}: ${session.note}.`;
  return [
    '## Edge cases placed by hand',
    '',
    ...jsonSessions.filter((session) => session.note !== undefined).map(line('JSON')),
    ...csvSessions.filter((session) => session.note !== undefined).map(line('CSV')),
  ].join('\n');
}

function inPopulation(extension: Extension): boolean {
  return isPerson(extension) && (extension.status === 'Enabled' || extension.status === 'NotActivated');
}

function describe(extension: Extension): string {
  const kind = isPerson(extension) ? extension.status : extension.type;
  return `${extension.name} (${extension.extensionNumber}, ${kind})`;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function formatCounts(counts: Map<string, number>): string {
  return [...counts].map(([name, count]) => `${name} ${count}`).join(', ');
}
