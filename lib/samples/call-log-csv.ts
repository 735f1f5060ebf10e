/**
 * `call-log-detailed.csv`: the Admin Portal's detailed call log. A title line, the header, then for each
 * record a master row followed by one row per leg. Leg rows fill only Leg, From, To, Extension,
 * Forwarded To and Name; the call-level columns stay blank. Dates and times are New York wall-clock
 * time without an offset, newest call first.
 */
import type { Party, RecordPlan, SessionPlan } from './call-model';
import { csvRecord, utf8Bytes } from './csv-text';
import { ORGANISATION_NAME } from './organisation';
import { formatHoursMinutesSeconds, formatPortalDate, formatPortalTime } from './wall-clock';

export const CALL_LOG_CSV_HEADER = [
  'Type', 'CallId', 'SessionId', 'Leg', 'Direction', 'From', 'To', 'Extension', 'Forwarded To', 'Name',
  'Date', 'Time', 'Action', 'Action Result', 'Result Description', 'Duration', 'Included', 'Purchased', 'Site',
] as const;

type Column = (typeof CALL_LOG_CSV_HEADER)[number];
type Row = Partial<Record<Column, string>>;

// Invented descriptions. The Abandoned one contains a comma, so that field is quoted.
const RESULT_DESCRIPTIONS: Record<string, string> = {
  Accepted: 'Call answered',
  'Call connected': 'Call connected',
  Missed: 'Not answered',
  'No Answer': 'Not answered',
  Busy: 'Line busy',
  Voicemail: 'Caller left a voicemail',
  Abandoned: 'Caller hung up, still waiting in the queue',
  Sent: 'Fax sent',
  Received: 'Fax received',
};

export interface CallLogCsvOptions {
  /** Local dates as the portal writes them in the title, such as `05/18/2026`. */
  titleFrom: string;
  titleTo: string;
}

export function renderCallLogCsv(sessions: readonly SessionPlan[], { titleFrom, titleTo }: CallLogCsvOptions): Uint8Array {
  const rows: Row[] = sessions
    .flatMap((plan) => plan.records.map((record) => ({ plan, record, startMs: plan.startMs + record.offsetMs })))
    .sort((a, b) => b.startMs - a.startMs)
    .flatMap(({ plan, record, startMs }) => [masterRow(plan, record, startMs), ...legRows(record)]);

  const lines = [
    `Call Log - ${ORGANISATION_NAME} - ${titleFrom} to ${titleTo}`,
    csvRecord(CALL_LOG_CSV_HEADER),
    ...rows.map((row) => csvRecord(CALL_LOG_CSV_HEADER.map((column) => row[column] ?? ''))),
  ];
  return utf8Bytes(lines.map((line) => `${line}\r\n`).join(''));
}

function masterRow(plan: SessionPlan, record: RecordPlan, startMs: number): Row {
  return {
    Type: record.type,
    CallId: record.id,
    SessionId: plan.sessionId,
    Direction: record.direction === 'Inbound' ? 'Incoming' : 'Outgoing',
    From: partyText(record.from),
    To: partyText(record.to),
    Extension: record.owner.extensionNumber,
    'Forwarded To': record.forwardedTo === undefined ? '' : partyText(record.forwardedTo),
    Name: record.owner.name,
    Date: formatPortalDate(startMs),
    Time: formatPortalTime(startMs),
    Action: record.action,
    'Action Result': record.result,
    'Result Description': RESULT_DESCRIPTIONS[record.result] ?? '',
    Duration: formatHoursMinutesSeconds(record.duration),
    Included: '$0.00',
    Purchased: '$0.00',
    Site: record.owner.site.name,
  };
}

function legRows(record: RecordPlan): Row[] {
  return record.legs.map((leg, index) => ({
    Leg: String(index + 1),
    From: partyText(leg.from),
    To: partyText(leg.to),
    Extension: leg.extension?.extensionNumber ?? '',
    'Forwarded To': leg.legType === 'FindMe' ? partyText(leg.to) : '',
    Name: leg.extension?.name ?? '',
  }));
}

/** Formats a party as a phone number like `(617) 555-0134`, else as the bare extension number (`007`). */
function partyText(party: Party): string {
  if (party.phoneNumber !== undefined) return formatNorthAmericanNumber(party.phoneNumber);
  return party.extension?.extensionNumber ?? '';
}

function formatNorthAmericanNumber(e164: string): string {
  const match = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  if (match === null) throw new Error(`call-log-csv: ${e164} is not a +1 number with ten digits`);
  return `(${match[1]}) ${match[2]}-${match[3]}`;
}
