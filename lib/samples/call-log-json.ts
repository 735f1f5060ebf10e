/**
 * `call-log-detailed.json`: the account call log from the API, Detailed view, as one page of records
 * sorted newest first, like the platform returns them.
 */
import type { LegPlan, Party, RecordPlan, SessionPlan } from './call-model';
import { utf8Bytes } from './csv-text';
import type { Extension } from './organisation';
import { API_BASE } from './organisation';

export interface CallLogPeriod {
  /** UTC instants bounding the request, as ISO 8601 text. */
  dateFrom: string;
  dateTo: string;
}

export function renderCallLogJson(sessions: readonly SessionPlan[], period: CallLogPeriod): Uint8Array {
  const records = sessions
    .flatMap((plan) => plan.records.map((record) => ({ plan, record, startMs: plan.startMs + record.offsetMs })))
    .sort((a, b) => b.startMs - a.startMs)
    .flatMap(({ plan, record, startMs }) => {
      const json = recordJson(plan, record, startMs);
      return record.listedTwice ? [json, json] : [json];
    });

  const pageUri = `${API_BASE}/call-log?view=Detailed&dateFrom=${period.dateFrom}&dateTo=${period.dateTo}&page=1&perPage=1000`;
  const paging = { page: 1, totalPages: 1, perPage: 1000, totalElements: records.length, pageStart: 0, pageEnd: records.length - 1 };
  const navigation = { firstPage: { uri: pageUri }, lastPage: { uri: pageUri } };
  // Compact JSON like the API's, but one record per line, which keeps the file readable and diffable
  // at about a third less size than indented JSON.
  const text =
    `{"uri":${JSON.stringify(pageUri)},"records":[\n` +
    records.map((record) => JSON.stringify(record)).join(',\n') +
    `\n],"paging":${JSON.stringify(paging)},"navigation":${JSON.stringify(navigation)}}\n`;
  return utf8Bytes(text);
}

function recordJson(plan: SessionPlan, record: RecordPlan, startMs: number): Record<string, unknown> {
  return {
    uri: `${API_BASE}/call-log/${record.id}?view=Detailed`,
    id: record.id,
    sessionId: plan.sessionId,
    telephonySessionId: plan.telephonySessionId,
    startTime: new Date(startMs).toISOString(),
    duration: record.duration,
    type: record.type,
    direction: record.direction,
    action: record.action,
    result: record.result,
    to: partyJson(record.to),
    from: partyJson(record.from),
    extension: extensionReference(record.owner),
    legs: record.legs.map((leg) => legJson(leg, record, startMs)),
  };
}

function legJson(leg: LegPlan, record: RecordPlan, recordStartMs: number): Record<string, unknown> {
  const json: Record<string, unknown> = {
    startTime: new Date(recordStartMs + leg.offsetMs).toISOString(),
    duration: leg.duration,
    type: record.type,
    direction: leg.direction,
    action: leg.action,
    result: leg.result,
    to: partyJson(leg.to),
    from: partyJson(leg.from),
  };
  // The schema makes a leg's extension optional. To keep the file small, it is written only where the
  // leg reaches an extension other than the record's owner, such as a queue agent or a transfer target.
  if (leg.extension !== undefined && leg.extension !== record.owner) json.extension = extensionReference(leg.extension);
  json.legType = leg.legType;
  if (leg.master) json.master = true;
  return json;
}

function partyJson(party: Party): Record<string, string> {
  const json: Record<string, string> = {};
  if (party.phoneNumber !== undefined) json.phoneNumber = party.phoneNumber;
  if (party.extension !== undefined) {
    json.extensionNumber = party.extension.extensionNumber;
    json.extensionId = party.extension.id;
    json.name = party.extension.name;
  } else if (party.name !== undefined) {
    json.name = party.name;
  }
  return json;
}

function extensionReference(extension: Extension): { uri: string; id: string } {
  return { uri: `${API_BASE}/extension/${extension.id}`, id: extension.id };
}
