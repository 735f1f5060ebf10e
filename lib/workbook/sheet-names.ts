import type { Workbook as ExcelWorkbook, Worksheet } from 'exceljs';

/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME_LENGTH = 31;

const FORBIDDEN_CHARACTERS = /[:\\/?*[\]]/g;

/**
 * Turns a requested name into a valid sheet name that no existing sheet has. Excel compares names
 * case-insensitively, forbids `: \ / ? * [ ]`, a leading or trailing apostrophe and the name
 * `History`, and allows 31 characters. A taken name gets " (2)", " (3)"... within those 31.
 */
export function uniqueSheetName(requested: string, existing: readonly string[]): string {
  const takenNames = new Set(existing.map((name) => name.toLowerCase()));
  takenNames.add('history');

  const base = requested.replace(FORBIDDEN_CHARACTERS, '_').replace(/^'+|'+$/g, '').trim() || 'Sheet';
  const whole = withSuffix(base, '');
  if (!takenNames.has(whole.toLowerCase())) return whole;

  for (let part = 2; ; part += 1) {
    const candidate = withSuffix(base, ` (${part})`);
    if (!takenNames.has(candidate.toLowerCase())) return candidate;
  }
}

/** Names the `part`-th sheet of a table that spans several sheets: `User Table`, `User Table (2)`... */
export function partSheetName(base: string, part: number): string {
  return withSuffix(base, part === 1 ? '' : ` (${part})`);
}

/** Adds a worksheet under a valid, unique version of `requested`. */
export function addUniqueWorksheet(workbook: ExcelWorkbook, requested: string): Worksheet {
  const existing = workbook.worksheets.map((worksheet) => worksheet.name);
  return workbook.addWorksheet(uniqueSheetName(requested, existing));
}

function withSuffix(base: string, suffix: string): string {
  const room = MAX_SHEET_NAME_LENGTH - suffix.length;
  // Trimming again keeps a cut name from ending in a space or an apostrophe.
  const cut = base.length > room ? base.slice(0, room).replace(/[\s']+$/, '') : base;
  return cut + suffix;
}
