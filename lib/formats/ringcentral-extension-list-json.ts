import { columnsToIpc } from '../engine/arrow-ipc';
import { ImportError } from '../errors';
import type { Format, LoadContext, LoadResult, SniffedFile } from './format';
import { normaliseStatus, STATUS_CHOICES } from './ringcentral-users-list';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Returns the records of an extension-list document (`{ records: [...] }`) or of an array of such
 * documents (pages saved one after another), or undefined when the JSON has another shape.
 */
function extensionRecords(json: unknown): unknown[] | undefined {
  const pages = Array.isArray(json) ? json : [json];
  if (pages.length === 0 || !pages.every((page) => isObject(page) && Array.isArray(page.records))) return undefined;
  return pages.flatMap((page) => (page as { records: unknown[] }).records);
}

function recognise(file: SniffedFile): boolean {
  if (file.container !== 'json') return false;
  const records = extensionRecords(file.json);
  if (records === undefined || !records.every(isObject)) return false;

  // Call-log records also carry extension numbers, but every call-log record has these two keys.
  if (records.some((record) => 'sessionId' in record || 'startTime' in record)) return false;
  return records.some((record) => 'extensionNumber' in record && ('contact' in record || 'status' in record || 'type' in record));
}

/** Returns a string or number as trimmed text, and anything else (absent, null, blank) as null. */
function text(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function fullName(record: JsonObject, contact: JsonObject): string | null {
  const name = text(record.name);
  if (name !== null) return name;
  const parts = [text(contact.firstName), text(contact.lastName)].filter((part) => part !== null);
  return parts.length === 0 ? null : parts.join(' ');
}

interface UserColumns {
  source_line: number[];
  platform_id: (string | null)[];
  extension: (string | null)[];
  email: (string | null)[];
  name: (string | null)[];
  department: (string | null)[];
  site: (string | null)[];
  status: (string | null)[];
  type: (string | null)[];
}

function userColumns(fileName: string, records: JsonObject[]): UserColumns {
  const columns: UserColumns = {
    source_line: [],
    platform_id: [],
    extension: [],
    email: [],
    name: [],
    department: [],
    site: [],
    status: [],
    type: [],
  };
  records.forEach((record, index) => {
    const contact = isObject(record.contact) ? record.contact : {};
    const site = isObject(record.site) ? record.site : {};
    // JSON has no useful line numbers, so a row's source line is its record's 1-based position in
    // `records`, counted across pages.
    columns.source_line.push(index + 1);
    columns.platform_id.push(text(record.id));
    columns.extension.push(text(record.extensionNumber));
    columns.email.push(text(contact.email));
    columns.name.push(fullName(record, contact));
    columns.department.push(text(contact.department));
    columns.site.push(text(site.name));
    columns.status.push(recordStatus(fileName, record, index));
    columns.type.push(text(record.type));
  });
  return columns;
}

function recordStatus(fileName: string, record: JsonObject, index: number): string | null {
  const status = text(record.status);
  if (status === null) return null;
  const canonical = normaliseStatus(status);
  if (canonical !== undefined) return canonical;

  const id = text(record.id);
  throw new ImportError(
    { file: fileName, column: 'status', value: status },
    `record ${index + 1} of "records"${id === null ? '' : ` (id ${id})`} has a status that is not one of ${STATUS_CHOICES}`,
    'Download the extension list again from the API; if the platform added a status, report it to the developers.',
  );
}

function load({ db, fileId, file }: LoadContext): LoadResult {
  const records = (extensionRecords(file.json) ?? []).filter(isObject);
  const columns = userColumns(file.source.name, records);
  const { source_line, ...texts } = columns;
  const ipc = columnsToIpc({
    source_line: { type: 'int', values: source_line },
    ...Object.fromEntries(Object.entries(texts).map(([name, values]) => [name, { type: 'text', values }] as const)),
  });

  // Only IPC bytes cross into DuckDB, so the Arrow module instance used here does not matter.
  const staging = `extension_list_${fileId}`;
  db.insertArrowIpc(staging, ipc);
  try {
    db.run(
      `INSERT INTO users (file_id, source_line, platform_id, extension, email, name, department, site, status, type)
       SELECT ?, source_line::INTEGER, platform_id::VARCHAR, extension::VARCHAR, email::VARCHAR, name::VARCHAR,
              department::VARCHAR, site::VARCHAR, status::VARCHAR, type::VARCHAR
       FROM ${staging}
       ORDER BY source_line`,
      [fileId],
    );
  } finally {
    db.run(`DROP TABLE IF EXISTS ${staging}`);
  }
  return { rowsRead: records.length, rowsUsed: records.length, notes: [] };
}

/** The platform API's extension list (`GET /restapi/v1.0/account/~/extension`), one page or several. */
export const ringcentralExtensionListJson: Format = {
  id: 'ringcentral-extension-list-json',
  label: 'RingCentral extension list (JSON)',
  channels: [],
  recognise,
  load,
};
