import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import {
  DATE_FORMAT,
  DATE_TIME_FORMAT,
  DECIMAL_FORMAT,
  MAX_CELL_TEXT_LENGTH,
  PERCENT_FORMAT,
  TEXT_FORMAT,
  textCell,
  type CellSpec,
} from '../../lib/workbook/cells';
import { columnLetters } from '../../lib/workbook/row-xml';
import {
  addHeaderRow,
  addTable,
  applyColumnWidths,
  createSheetWriter,
  deferRows,
  freezeAndFilter,
} from '../../lib/workbook/sheet-writer';
import { createExcelWorkbook } from '../../lib/workbook/workbook-file';
import { writeXlsx } from '../../lib/workbook/xlsx-zip';
import { GENERATED_AT, wallClock } from './fixtures';
import { readBack, sheet, zipTextEntries } from './read-back';
import { xmlErrors } from './xml-check';

const { ValueType } = ExcelJS;
const HEADERS = ['Name', 'Extension', 'Count', 'Minutes', 'Share', 'Last used', 'Day'];
const OPTIONS = { level: 1, mtime: new Date(GENERATED_AT) } as const;
const SHEET_PART = 'xl/worksheets/sheet1.xml';

/** Writes `rows` under a filterable header as exceljs cells, the reference for the deferred rows. */
async function writeAsCells(rows: readonly CellSpec[][]): Promise<Uint8Array> {
  const workbook = createExcelWorkbook(GENERATED_AT);
  const writer = createSheetWriter(workbook.addWorksheet('Table'));
  const table = addTable(writer, HEADERS, rows, { filterable: true });
  freezeAndFilter(writer, table);
  applyColumnWidths(writer);
  return writeXlsx(workbook, OPTIONS);
}

/** Writes the same table with the rows deferred to `writeXlsx`. */
async function writeDeferred(rows: readonly CellSpec[][]): Promise<Uint8Array> {
  const workbook = createExcelWorkbook(GENERATED_AT);
  const writer = createSheetWriter(workbook.addWorksheet('Table'));
  const headerRow = addHeaderRow(writer, HEADERS, { filterable: true });
  const deferred = deferRows(writer, () => rows);
  freezeAndFilter(writer, { headerRow, lastRow: writer.nextRow - 1, columnCount: HEADERS.length });
  applyColumnWidths(writer);
  return writeXlsx(workbook, { ...OPTIONS, deferredRows: [deferred] });
}

const AWKWARD_TEXT = [
  'Ben & Jerry',
  '<b>bold</b> a < b > c',
  'She said "hi"',
  "O'Brien",
  ']]> and &amp; as written',
  'Emoji 😀 and 日本',
  'Bell\u0007 and NUL\u0000 and escape\u001B',
  'Lone \uD83D surrogate',
  '  leading and trailing spaces  ',
  'Line one\nline two',
  'x'.repeat(MAX_CELL_TEXT_LENGTH + 10),
];

function awkwardRows(): CellSpec[][] {
  return AWKWARD_TEXT.map((text, index) => [textCell(text), { value: `00${index}`, numFmt: TEXT_FORMAT }]);
}

function typedRows(): CellSpec[][] {
  return [
    [
      { value: 'Alice' },
      { value: '0042', numFmt: TEXT_FORMAT },
      { value: 12 },
      { value: 3.25, numFmt: DECIMAL_FORMAT },
      { value: 0.6, numFmt: PERCENT_FORMAT },
      { value: new Date(wallClock(2026, 3, 6, 17, 45)), numFmt: DATE_TIME_FORMAT },
      { value: new Date(wallClock(2026, 3, 2)), numFmt: DATE_FORMAT },
    ],
    [
      { value: null },
      { value: null, numFmt: TEXT_FORMAT },
      { value: -7 },
      { value: 1e-7, numFmt: DECIMAL_FORMAT },
      { value: 0, numFmt: PERCENT_FORMAT },
      { value: new Date(wallClock(1999, 12, 31, 23, 59, 59)), numFmt: DATE_TIME_FORMAT },
      { value: null },
    ],
    [{ value: null }, { value: null }, { value: null }],
    [{ value: null }, { value: null }, { value: 123_456_789_012 }],
  ];
}

describe('deferred rows', () => {
  test('match exceljs cells byte for byte', async () => {
    for (const rows of [typedRows(), awkwardRows()]) {
      const expected = zipTextEntries(await writeAsCells(rows));
      const written = zipTextEntries(await writeDeferred(rows));
      expect([...written.keys()]).toEqual([...expected.keys()]);
      for (const [name, xml] of expected) expect(written.get(name), name).toBe(xml);
    }
  });

  test('write well-formed XML parts', async () => {
    const entries = zipTextEntries(await writeDeferred([...typedRows(), ...awkwardRows()]));
    for (const [name, xml] of entries) {
      if (name.endsWith('.xml') || name.endsWith('.rels')) expect(xmlErrors(xml), name).toEqual([]);
    }
  });

  test('read back awkward text', async () => {
    const table = sheet(await readBack(await writeDeferred(awkwardRows())), 'Table');
    const expected = AWKWARD_TEXT.map((text) => textCell(text).value);
    expect(expected[6]).toBe('Bell and NUL and escape');
    expect(expected[7]).toBe('Lone \uFFFD surrogate');
    AWKWARD_TEXT.forEach((_text, index) => {
      const cell = table.getCell(index + 2, 1);
      expect(cell.type, `row ${index + 2}`).toBe(ValueType.String);
      expect(cell.value, `row ${index + 2}`).toBe(expected[index]);
    });
  });

  test('cut very long text at the cell limit', async () => {
    const table = sheet(await readBack(await writeDeferred(awkwardRows())), 'Table');
    const long = table.getCell(AWKWARD_TEXT.length + 1, 1);
    expect((long.value as string).length).toBe(MAX_CELL_TEXT_LENGTH);
    expect(long.alignment).toEqual({ wrapText: true, vertical: 'top' });
    expect(table.getColumn(1).width).toBe(60);
  });

  test('read back numbers and dates with formats', async () => {
    const table = sheet(await readBack(await writeDeferred(typedRows())), 'Table');
    const first = table.getRow(2);
    expect([3, 4, 5].map((column) => first.getCell(column).value)).toEqual([12, 3.25, 0.6]);
    expect([3, 4, 5].map((column) => first.getCell(column).type)).toEqual([ValueType.Number, ValueType.Number, ValueType.Number]);
    expect([3, 4, 5, 6, 7].map((column) => first.getCell(column).numFmt)).toEqual([
      undefined,
      DECIMAL_FORMAT,
      PERCENT_FORMAT,
      DATE_TIME_FORMAT,
      DATE_FORMAT,
    ]);
    expect(first.getCell(6).type).toBe(ValueType.Date);
    expect((first.getCell(6).value as Date).getTime()).toBe(wallClock(2026, 3, 6, 17, 45));
    expect((first.getCell(7).value as Date).getTime()).toBe(wallClock(2026, 3, 2));

    const second = table.getRow(3);
    expect([3, 4, 5].map((column) => second.getCell(column).value)).toEqual([-7, 1e-7, 0]);
    expect((second.getCell(6).value as Date).getTime()).toBe(wallClock(1999, 12, 31, 23, 59, 59));
    expect(table.getCell('C5').value).toBe(123_456_789_012);
  });

  test('write dates as Excel serial days', async () => {
    const xml = zipTextEntries(await writeDeferred(typedRows())).get(SHEET_PART) ?? '';
    // 2026-03-02 is day 46083 of Excel's 1900 date system, and 17:45 is 0.7395833... of a day.
    expect(xml).toMatch(/<c r="G2" s="\d+"><v>46083<\/v><\/c>/);
    expect(xml).toMatch(/<c r="F2" s="\d+"><v>46087\.73958333\d*<\/v><\/c>/);
  });

  test('leave out empty cells and rows', async () => {
    const xml = zipTextEntries(await writeDeferred(typedRows())).get(SHEET_PART) ?? '';
    // A3 is empty without a format, so it gets no element. B3 is empty in the Text format, which exceljs keeps as a styled cell.
    expect(xml).not.toContain('r="A3"');
    expect(xml).toMatch(/<c r="B3" s="\d+"\/>/);
    expect(xml).toContain('<row r="3" spans="2:6" x14ac:dyDescent="0.25">');
    expect(xml).not.toContain('<row r="4"');
    expect(xml).toContain('<row r="5" spans="3:3" x14ac:dyDescent="0.25"><c r="C5"><v>123456789012</v></c></row>');
    expect(xml).toContain('<dimension ref="A1:G5"/>');
    expect(xml).toContain('<autoFilter ref="A1:G5"/>');
  });

  test('without rows keep the header alone', async () => {
    const xml = zipTextEntries(await writeDeferred([])).get(SHEET_PART) ?? '';
    expect(xml).toContain('<dimension ref="A1:G1"/>');
    expect(xml.match(/<row /g)).toHaveLength(1);
  });

  test('fill an empty sheet', async () => {
    const workbook = createExcelWorkbook(GENERATED_AT);
    const writer = createSheetWriter(workbook.addWorksheet('Table'));
    const deferred = deferRows(writer, () => [[{ value: 'only' }]]);
    const bytes = await writeXlsx(workbook, { ...OPTIONS, deferredRows: [deferred] });
    const xml = zipTextEntries(bytes).get(SHEET_PART) ?? '';
    expect(xmlErrors(xml)).toEqual([]);
    expect(xml).toContain('<sheetData><row r="1" spans="1:1" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c></row></sheetData>');
    expect(sheet(await readBack(bytes), 'Table').getCell('A1').value).toBe('only');
  });
});

describe('deferred rows errors', () => {
  test('rejects rows above exceljs rows', async () => {
    const workbook = createExcelWorkbook(GENERATED_AT);
    const writer = createSheetWriter(workbook.addWorksheet('Table'));
    const deferred = deferRows(writer, () => [[{ value: 'first' }]]);
    writer.worksheet.getCell('A1').value = 'taken';
    await expect(writeXlsx(workbook, { ...OPTIONS, deferredRows: [deferred] })).rejects.toThrow(
      /Deferred rows for sheet "Table" start at row 1, but its exceljs rows reach row 1/,
    );
  });

  test('rejects rows of another workbook', async () => {
    const other = createSheetWriter(createExcelWorkbook(GENERATED_AT).addWorksheet('Table'));
    const deferred = deferRows(other, () => [[{ value: 'elsewhere' }]]);
    const workbook = createExcelWorkbook(GENERATED_AT);
    workbook.addWorksheet('Table');
    await expect(writeXlsx(workbook, { ...OPTIONS, deferredRows: [deferred] })).rejects.toThrow(
      /Deferred rows for sheet "Table" belong to another workbook/,
    );
  });

  test('rejects two sets for one sheet', async () => {
    const workbook = createExcelWorkbook(GENERATED_AT);
    const writer = createSheetWriter(workbook.addWorksheet('Table'));
    const first = deferRows(writer, () => [[{ value: 'first' }]]);
    const second = deferRows(writer, () => [[{ value: 'second' }]]);
    await expect(writeXlsx(workbook, { ...OPTIONS, deferredRows: [first, second] })).rejects.toThrow(
      /Sheet "Table" has two sets of deferred rows/,
    );
  });
});

describe('columnLetters', () => {
  test.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16_383, 'XFD'],
  ])('column %i is %s', (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
  });
});
