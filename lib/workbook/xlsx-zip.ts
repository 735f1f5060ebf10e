import type ExcelJS from 'exceljs';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { renderRowsXml, type CellRegistry, type DeferredRows } from './row-xml';

/**
 * The zip writer that exceljs 4.4.0's `XLSX.write` hands each part of the package to: XML as a
 * string, images as bytes, or base64 text when `base64` is set.
 */
interface PartSink {
  append(data: string | Uint8Array, options: { name: string; base64?: boolean }): void;
}

type AddPart = (zip: PartSink, model: PreparedModel) => Promise<void>;

/** The part of exceljs 4.4.0's workbook model that this writer reads after `prepareModel` has filled it in. */
interface PreparedModel extends Omit<CellRegistry, 'date1904'> {
  properties: { date1904?: boolean };
  worksheets: {
    id: number;
    /** exceljs's `Range` of the sheet's cells, written as `<dimension ref>`. */
    dimensions: { expand(top: number, left: number, bottom: number, right: number): void };
  }[];
}

/** The steps of exceljs 4.4.0's `XLSX.write` (lib/xlsx/xlsx.js), which its typings leave out. */
interface XlsxSteps {
  prepareModel(model: PreparedModel, options: object): void;
  addContentTypes: AddPart;
  addOfficeRels: AddPart;
  addWorkbookRels: AddPart;
  addWorksheets: AddPart;
  addSharedStrings: AddPart;
  addDrawings: AddPart;
  addTables: AddPart;
  addThemes: AddPart;
  addStyles: AddPart;
  addMedia: AddPart;
  addApp: AddPart;
  addCore: AddPart;
  addWorkbook: AddPart;
}

const STEP_NAMES = [
  'prepareModel',
  'addContentTypes',
  'addOfficeRels',
  'addWorkbookRels',
  'addWorksheets',
  'addSharedStrings',
  'addDrawings',
  'addTables',
  'addThemes',
  'addStyles',
  'addMedia',
  'addApp',
  'addCore',
  'addWorkbook',
] as const;

/**
 * Serialises the workbook as `.xlsx` bytes. exceljs renders every part, as its `writeBuffer` does,
 * and fflate packs them at DEFLATE level `level`. exceljs's own zip step (JSZip) took over a third
 * of the time of a 100,000-row workbook in Chromium, mostly in its CRC-32 and deflate code. The
 * entries carry `mtime` (clamped to 1980-2099), so the same workbook gives the same bytes.
 * `deferredRows` are rendered by `renderRowsXml` into their worksheets' parts, after exceljs's rows.
 */
export async function writeXlsx(
  workbook: ExcelJS.Workbook,
  options: { level: 0 | 1 | 6; mtime: Date; deferredRows?: readonly DeferredRows[] },
): Promise<Uint8Array<ArrayBuffer>> {
  const xlsx = workbook.xlsx as unknown as XlsxSteps;
  const missing = STEP_NAMES.filter((name) => typeof xlsx[name] !== 'function');
  if (missing.length > 0) {
    throw new Error(`exceljs lacks the XLSX steps ${missing.join(', ')}: this writer follows exceljs 4.4.0. Check the installed exceljs version.`);
  }

  // The same steps in the same order as XLSX.write: shared strings come after the worksheets that fill them.
  const model = workbook.model as unknown as PreparedModel;
  xlsx.prepareModel(model, {});
  // After prepareModel, so deferred rows number their strings and styles after every exceljs cell. That
  // is exceljs's own order when the deferred sheets come last, as the User Table sheets do in a channel
  // workbook. In the combined workbook the numbers differ from exceljs's, but each cell reads the same.
  const rowsByPart = renderDeferredRows(workbook, model, options.deferredRows ?? []);

  const parts: Zippable = {};
  const zip: PartSink = {
    append(data, { name, base64 }) {
      if (typeof data !== 'string') parts[name] = data;
      else if (base64 === true) parts[name] = base64Bytes(data);
      else {
        parts[name] = partBytes(data, rowsByPart.get(name), name);
        // Lets the rows' strings be collected while the next parts render.
        rowsByPart.delete(name);
      }
    },
  };

  await xlsx.addContentTypes(zip, model);
  await xlsx.addOfficeRels(zip, model);
  await xlsx.addWorkbookRels(zip, model);
  await xlsx.addWorksheets(zip, model);
  await xlsx.addSharedStrings(zip, model);
  await xlsx.addDrawings(zip, model);
  await xlsx.addTables(zip, model);
  await Promise.all([xlsx.addThemes(zip, model), xlsx.addStyles(zip, model)]);
  await xlsx.addMedia(zip, model);
  await Promise.all([xlsx.addApp(zip, model), xlsx.addCore(zip, model)]);
  await xlsx.addWorkbook(zip, model);

  return zipSync(parts, { level: options.level, mtime: zipEntryDate(options.mtime) });
}

/**
 * Renders each worksheet's deferred rows and widens its `<dimension>` to them. Returns the rows'
 * XML by the name of the worksheet's part, as exceljs 4.4.0's `addWorksheets` names it.
 */
function renderDeferredRows(
  workbook: ExcelJS.Workbook,
  model: PreparedModel,
  deferredRows: readonly DeferredRows[],
): Map<string, string[]> {
  const registry: CellRegistry = {
    sharedStrings: model.sharedStrings,
    styles: model.styles,
    date1904: model.properties.date1904 === true,
  };
  const rowsByPart = new Map<string, string[]>();
  for (const deferred of deferredRows) {
    const { worksheet } = deferred;
    const name = `xl/worksheets/sheet${worksheet.id}.xml`;
    const sheetModel = model.worksheets.find((candidate) => candidate.id === worksheet.id && worksheet.workbook === workbook);
    if (sheetModel === undefined) {
      throw new Error(`Deferred rows for sheet "${worksheet.name}" belong to another workbook. Pass only the deferred rows of this workbook's sheets.`);
    }
    if (rowsByPart.has(name)) {
      throw new Error(`Sheet "${worksheet.name}" has two sets of deferred rows. Pass one set per sheet.`);
    }
    if (worksheet.rowCount >= deferred.firstRow) {
      throw new Error(
        `Deferred rows for sheet "${worksheet.name}" start at row ${deferred.firstRow}, but its exceljs rows reach row ` +
          `${worksheet.rowCount}. Defer rows only below the sheet's last exceljs row.`,
      );
    }

    const { chunks, extent } = renderRowsXml(deferred, registry);
    if (extent !== null) sheetModel.dimensions.expand(extent.top, extent.left, extent.bottom, extent.right);
    rowsByPart.set(name, chunks);
  }
  return rowsByPart;
}

/**
 * Encodes a part as UTF-8, with `rowChunks` at the end of its `<sheetData>`, which exceljs writes
 * empty as `<sheetData/>`. The chunks are encoded one by one, so no string contains the whole part.
 */
function partBytes(partXml: string, rowChunks: readonly string[] | undefined, name: string): Uint8Array {
  if (rowChunks === undefined || rowChunks.length === 0) return strToU8(partXml);

  // exceljs escapes `<` in any text it writes into a worksheet part, so the tags are found only where it wrote the element.
  let head: string;
  let tail: string;
  const end = partXml.indexOf('</sheetData>');
  const empty = partXml.indexOf('<sheetData/>');
  if (end >= 0) {
    head = partXml.slice(0, end);
    tail = partXml.slice(end);
  } else if (empty >= 0) {
    head = `${partXml.slice(0, empty)}<sheetData>`;
    tail = `</sheetData>${partXml.slice(empty + '<sheetData/>'.length)}`;
  } else {
    throw new Error(`exceljs wrote no sheetData element into ${name}: this writer follows exceljs 4.4.0. Check the installed exceljs version.`);
  }

  const encoded = [head, ...rowChunks, tail].map((text) => strToU8(text));
  const bytes = new Uint8Array(encoded.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of encoded) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/**
 * Clamps a date into the years that fflate 0.8.3 writes into a ZIP entry (1980 to 2099, read as
 * local time), because it throws on others, such as the epoch that tests give as the build time.
 */
function zipEntryDate(date: Date): Date {
  const earliest = new Date(1980, 0, 1);
  const latest = new Date(2099, 11, 31, 23, 59, 58);
  if (date < earliest) return earliest;
  if (date > latest) return latest;
  return date;
}

function base64Bytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
