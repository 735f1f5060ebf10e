import type { Worksheet } from 'exceljs';
import type { ImportSummary, Period, ReportAuthor } from '../engine/types';
import { dateTimeCell, dayCell, identifierCell, numberCell, textCell, type CellSpec } from './cells';
import { addBlankRow, addRow, addTable, applyColumnWidths, createSheetWriter } from './sheet-writer';
import { dayEnd, dayStart, toWallClock } from './wall-clock';

export interface GeneralSheetContent {
  author: ReportAuthor;
  /** `Phone`, `Video`, `Message`, or `All channels` in the combined workbook. */
  pageName: string;
  period: Period;
  /** IANA name of the report time zone. */
  timeZone: string;
  /** The instant the workbook is built, as epoch milliseconds. */
  generatedAt: number;
  productVersion: string;
  sources: readonly ImportSummary[];
  hasDirectory: boolean;
  /** The reports' notes, such as downloaded workbooks left out, one row each below the sources. */
  notes: readonly string[];
}

export const SOURCE_HEADERS = ['Source file', 'Format', 'Rows read', 'Rows used', 'First date', 'Last date', 'Notes'];
export const NO_DIRECTORY_NOTE = 'Inactive users cannot be known: no users list was loaded.';

/** Writes the General metrics sheet: label/value rows, then one row per source file. */
export function writeGeneralSheet(worksheet: Worksheet, content: GeneralSheetContent): void {
  const writer = createSheetWriter(worksheet);
  const labelled: [string, CellSpec][] = [
    ['User name', textCell(content.author.name)],
    ['User Extension', identifierCell(content.author.extension)],
    ['Download page name', textCell(content.pageName)],
    ['From time', dateTimeCell(dayStart(content.period.from))],
    ['To time', dateTimeCell(dayEnd(content.period.to))],
    ['Time zone', textCell(content.timeZone)],
    ['Generated at', dateTimeCell(toWallClock(content.generatedAt, content.timeZone))],
    ['Product version', identifierCell(content.productVersion)],
  ];
  for (const [label, value] of labelled) addRow(writer, [{ value: label }, value]);

  addBlankRow(writer);
  addTable(writer, SOURCE_HEADERS, content.sources.map(sourceCells));

  const notes = content.hasDirectory ? content.notes : [NO_DIRECTORY_NOTE, ...content.notes];
  if (notes.length > 0) addBlankRow(writer);
  for (const note of notes) addRow(writer, [textCell(note)], { measure: false });
  applyColumnWidths(writer);
}

function sourceCells(source: ImportSummary): CellSpec[] {
  return [
    textCell(source.fileName),
    textCell(source.formatLabel),
    numberCell(source.rowsRead),
    numberCell(source.rowsUsed),
    dayCell(source.firstDate),
    dayCell(source.lastDate),
    textCell(source.notes.join(' ')),
  ];
}
