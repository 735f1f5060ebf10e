import { ImportError } from '../errors';
import { unreadableDurationError, unreadableTimeError } from '../time/errors';
import { parseDurationSeconds } from '../time/parse-duration';
import { parseTime } from '../time/parse-time';
import { invalidDirectionError, normaliseDirection } from './call-direction';
import type { Format, LoadContext, LoadResult, SniffedFile } from './format';
import { insertEvents, type EventRow } from './insert-events';

type JsonObject = Record<string, unknown>;

/** A call-log record with its JSON path in the file, for error messages. */
interface LocatedRecord {
  record: unknown;
  /** 1-based position among all the file's records, over all pages. */
  position: number;
  path: string;
}

/**
 * RingCentral's call log as the REST API returns it (`records[]`, Simple or Detailed view), one
 * response or an array of responses (pages). Each record becomes one `events` row. The legs of the
 * Detailed view are never rows of their own, and fax records are skipped.
 */
export const ringcentralCallLogJson: Format = {
  id: 'ringcentral-call-log-json',
  label: 'RingCentral call log (JSON)',
  channels: ['phone'],
  recognise: isCallLogJson,
  load: loadCallLogJson,
};

function isCallLogJson(file: SniffedFile): boolean {
  if (file.container !== 'json') return false;
  const pages = callLogPages(file.json);
  if (pages === null) return false;

  const first = pages.flatMap((page) => page.records)[0];
  if (first === undefined) {
    // An empty response has no record to look at, but its `uri` names the endpoint it came from.
    return pages.some((page) => typeof page.uri === 'string' && page.uri.includes('/call-log'));
  }
  return (
    isObject(first) &&
    typeof first.startTime === 'string' &&
    ('sessionId' in first || 'telephonySessionId' in first || 'direction' in first)
  );
}

function loadCallLogJson({ db, fileId, file }: LoadContext): LoadResult {
  const pages = callLogPages(file.json) ?? [];
  const records = locateRecords(pages);

  const rows: EventRow[] = [];
  let faxes = 0;
  for (const located of records) {
    const record = located.record;
    if (!isObject(record)) {
      throw new ImportError(
        { file: file.source.name, column: located.path },
        `call log record ${located.position} is not a JSON object`,
        'Export the call log again from the RingCentral API without editing it.',
      );
    }
    if (typeof record.type === 'string' && record.type.toLowerCase() === 'fax') {
      faxes++;
      continue;
    }
    rows.push(toEventRow(file.source.name, record, located));
  }

  insertEvents(db, fileId, rows);

  const notes: string[] = [];
  if (faxes > 0) notes.push(`Skipped ${faxes} fax ${faxes === 1 ? 'record' : 'records'}: faxes are not calls.`);
  if (rows.some((row) => row.start.clock === 'wall')) {
    notes.push('Some times in this file carry no time zone, so they are read as wall-clock times in the report time zone.');
  }
  return { rowsRead: records.length, rowsUsed: rows.length, notes };
}

function toEventRow(fileName: string, record: JsonObject, { position, path }: LocatedRecord): EventRow {
  const id = requiredText(fileName, record, 'id', position, path);
  const startText = requiredText(fileName, record, 'startTime', position, path);
  const directionText = requiredText(fileName, record, 'direction', position, path);

  const start = parseTime(startText);
  if (start === null) throw unreadableTimeError({ file: fileName, column: `${path}.startTime`, value: startText });
  const direction = normaliseDirection(directionText);
  if (direction === null) {
    throw invalidDirectionError({ file: fileName, column: `${path}.direction`, value: directionText });
  }

  const from = isObject(record.from) ? record.from : {};
  const to = isObject(record.to) ? record.to : {};
  // The owner is the user whose call log contains the record: the called side of an inbound call, the
  // calling side of an outbound one.
  const owner = direction === 'Inbound' ? to : from;
  const extension = isObject(record.extension) ? record.extension : {};

  return {
    // JSON has no useful line number, so a record's line is its position among the file's records.
    source_line: position,
    channel: 'phone',
    kind: 'record',
    record_id: id,
    session_id: optionalText(record.sessionId) ?? optionalText(record.telephonySessionId) ?? id,
    start,
    user_platform_id: optionalText(extension.id),
    user_extension: optionalText(owner.extensionNumber),
    user_email: null,
    user_name: optionalText(owner.name),
    // Call logs name no client application.
    endpoint_raw: null,
    version: null,
    role: null,
    direction,
    result: optionalText(record.result),
    action: optionalText(record.action),
    duration_s: readDuration(fileName, record.duration, `${path}.duration`),
    from_extension: optionalText(from.extensionNumber),
    to_extension: optionalText(to.extensionNumber),
    attachments: null,
  };
}

/** Returns the response objects of a call-log file, or null when the document has another shape. */
function callLogPages(json: unknown): (JsonObject & { records: unknown[] })[] | null {
  const documents = Array.isArray(json) ? json : [json];
  if (documents.length === 0) return null;
  const pages: (JsonObject & { records: unknown[] })[] = [];
  for (const document of documents) {
    if (!isObject(document) || !Array.isArray(document.records)) return null;
    pages.push(document as JsonObject & { records: unknown[] });
  }
  return pages;
}

function locateRecords(pages: readonly { records: unknown[] }[]): LocatedRecord[] {
  const located: LocatedRecord[] = [];
  pages.forEach((page, pageIndex) => {
    page.records.forEach((record, index) => {
      const path = pages.length === 1 ? `records[${index}]` : `[${pageIndex}].records[${index}]`;
      located.push({ record, position: located.length + 1, path });
    });
  });
  return located;
}

function requiredText(fileName: string, record: JsonObject, field: string, position: number, path: string): string {
  const text = optionalText(record[field]);
  if (text === null) {
    throw new ImportError(
      { file: fileName, column: `${path}.${field}` },
      `call log record ${position} has no ${field}`,
      'Export the call log again from the RingCentral API: every call record carries id, startTime and direction.',
    );
  }
  return text;
}

/** Returns a string or number as text, or null when absent, empty or of another type. */
function optionalText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value;
  return null;
}

/** Reads seconds from a number (the API's form) or from duration text. Returns null when absent. */
function readDuration(fileName: string, value: unknown, column: string): number | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  const seconds = typeof value === 'string' ? parseDurationSeconds(value, { minutesSeconds: false }) : null;
  if (seconds === null) throw unreadableDurationError({ file: fileName, column, value: String(value) }, { minutesSeconds: false });
  return seconds;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
