/**
 * The directory in its three export forms: the Admin Portal's "Download User List" as XLSX and as an
 * Excel-saved CSV, and the API's extension list JSON.
 */
import ExcelJS from 'exceljs';
import { csvRecord, UTF8_BOM, utf8Bytes } from './csv-text';
import type { Extension, ExtensionStatus } from './organisation';
import { API_BASE, EXTENSIONS, ORGANISATION_NAME } from './organisation';

const TITLE = `User List - ${ORGANISATION_NAME}`;
const HEADER = ['Name', 'Ext', 'Email', 'Department', 'Site', 'Status', 'Type'];
/** The portal writes `Not Activated` where the API writes `NotActivated`. */
const PORTAL_STATUS: Record<ExtensionStatus, string> = {
  Enabled: 'Enabled',
  Disabled: 'Disabled',
  Frozen: 'Frozen',
  NotActivated: 'Not Activated',
};
// exceljs stamps the current time into docProps/core.xml unless these are set.
const WORKBOOK_DATE = new Date(Date.UTC(2026, 4, 18, 12, 0, 0));

function userListRow(extension: Extension): string[] {
  return [
    extension.name,
    extension.extensionNumber,
    extension.email,
    extension.department,
    extension.site.name,
    PORTAL_STATUS[extension.status],
    extension.type,
  ];
}

/**
 * `users-list.xlsx`: a title row, then the header, then one row per extension. Every cell is text, so
 * `007` keeps its zeros. NOTE: exceljs 4.4.0 writes the current time into each zip entry's header, so
 * two runs give the same sheets but not the same bytes.
 */
export async function renderUsersXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = ORGANISATION_NAME;
  workbook.lastModifiedBy = ORGANISATION_NAME;
  workbook.created = WORKBOOK_DATE;
  workbook.modified = WORKBOOK_DATE;

  const sheet = workbook.addWorksheet('Users');
  sheet.addRow([TITLE]).font = { bold: true, size: 14 };
  sheet.addRow(HEADER).font = { bold: true };
  for (const extension of EXTENSIONS) sheet.addRow(userListRow(extension));
  const widths = [24, 6, 32, 14, 10, 15, 12];
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

/**
 * `users-list.csv`: the same rows as Excel saves them: UTF-8 with a byte-order mark, CRLF line ends,
 * and the title row padded with empty fields to the header's width.
 */
export function renderUsersCsv(): Uint8Array {
  const lines = [
    csvRecord([TITLE, ...HEADER.slice(1).map(() => '')]),
    csvRecord(HEADER),
    ...EXTENSIONS.map((extension) => csvRecord(userListRow(extension))),
  ];
  return utf8Bytes(UTF8_BOM + lines.map((line) => `${line}\r\n`).join(''));
}

/** `extension-list.json`: one page of the API's extension list holding the whole directory. */
export function renderExtensionListJson(): Uint8Array {
  const listUri = `${API_BASE}/extension?page=1&perPage=100`;
  const document = {
    uri: listUri,
    records: EXTENSIONS.map((extension) => ({
      uri: `${API_BASE}/extension/${extension.id}`,
      id: extension.id,
      extensionNumber: extension.extensionNumber,
      name: extension.name,
      contact: contactOf(extension),
      status: extension.status,
      type: extension.type,
      site: { id: extension.site.id, name: extension.site.name },
    })),
    paging: { page: 1, totalPages: 1, perPage: 100, totalElements: EXTENSIONS.length, pageStart: 0, pageEnd: EXTENSIONS.length - 1 },
    navigation: { firstPage: { uri: listUri }, lastPage: { uri: listUri } },
  };
  return utf8Bytes(`${JSON.stringify(document, null, 2)}\n`);
}

/** People have a first and last name; shared extensions carry their whole name as the first name. */
function contactOf(extension: Extension): Record<string, string> {
  const contact: Record<string, string> =
    extension.type === 'User' ? { firstName: extension.firstName, lastName: extension.lastName } : { firstName: extension.name };
  contact.email = extension.email;
  if (extension.department !== '') contact.department = extension.department;
  return contact;
}
