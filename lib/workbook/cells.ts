import { EngineError } from '../errors';
import { dayStart } from './wall-clock';

/**
 * Safe cell values. Every value taken from a report or a request goes through one of these
 * functions, so text is never a formula, numbers are finite, and dates carry a date format.
 */

export type CellValue = string | number | Date | null;

export interface CellSpec {
  value: CellValue;
  /** Excel number format code; absent means General. */
  numFmt?: string;
}

export const PERCENT_FORMAT = '0.0%';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
export const DATE_FORMAT = 'yyyy-mm-dd';
/** Excel's Text format, so an edited extension such as `0042` keeps its leading zeros. */
export const TEXT_FORMAT = '@';
export const DECIMAL_FORMAT = '0.00';

/** Excel's maximum number of characters in a cell. */
export const MAX_CELL_TEXT_LENGTH = 32_767;
export const CUT_NOTE = ' [cut]';

// C0 controls except tab (U+0009) and line feed (U+000A), DEL, and U+FFFE/U+FFFF, which XML 1.0 forbids.
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]/g;

/**
 * Removes control characters, replaces a lone surrogate with U+FFFD (UTF-8 cannot encode it, and the
 * encoder would write U+FFFD anyway), and cuts text longer than Excel's cell limit, ending it with " [cut]".
 * Text that starts with `=`, `+`, `-` or `@` is kept as written, because exceljs 4.4.0 stores
 * strings as shared strings (`t="s"`), which Excel shows as text and never evaluates.
 */
export function cleanText(text: string): string {
  const cleaned = text.replace(UNSAFE_CHARACTERS, '').toWellFormed();
  if (cleaned.length <= MAX_CELL_TEXT_LENGTH) return cleaned;

  let keep = MAX_CELL_TEXT_LENGTH - CUT_NOTE.length;
  const last = cleaned.charCodeAt(keep - 1);
  if (last >= 0xd800 && last <= 0xdbff) keep -= 1; // never split a surrogate pair
  return cleaned.slice(0, keep) + CUT_NOTE;
}

/** Returns a text cell, or an empty cell for empty text. */
export function textCell(text: string | null | undefined): CellSpec {
  const cleaned = cleanText(text ?? '');
  return { value: cleaned === '' ? null : cleaned };
}

/** Returns a text cell in the Text format for identifiers that look like numbers: extensions, phone numbers, versions. */
export function identifierCell(text: string | null | undefined): CellSpec {
  const cell = textCell(text);
  return cell.value === null ? cell : { value: cell.value, numFmt: TEXT_FORMAT };
}

/**
 * Returns a Number cell for a count or a duration, or an empty cell for null. Integers show in the
 * General format and fractions with two decimals.
 */
export function numberCell(value: number | null | undefined): CellSpec {
  if (value === null || value === undefined) return { value: null };
  return { value: finite(value), numFmt: Number.isInteger(value) ? undefined : DECIMAL_FORMAT };
}

/** Returns a Number cell shown with the Excel number format `numFmt`, or an empty cell for null. */
export function formattedNumberCell(value: number | null | undefined, numFmt: string): CellSpec {
  if (value === null || value === undefined) return { value: null };
  return { value: finite(value), numFmt };
}

/** Returns a Number cell that shows a fraction (0.25) as a percentage (25.0%). */
export function percentCell(fraction: number | null | undefined): CellSpec {
  if (fraction === null || fraction === undefined) return { value: null };
  return { value: finite(fraction), numFmt: PERCENT_FORMAT };
}

/** Returns a date cell for a wall-clock time in epoch milliseconds (see wall-clock.ts). */
export function dateTimeCell(wallClockMs: number | null | undefined): CellSpec {
  if (wallClockMs === null || wallClockMs === undefined) return { value: null };
  return { value: new Date(finite(wallClockMs)), numFmt: DATE_TIME_FORMAT };
}

/** Returns a date cell for a `YYYY-MM-DD` day. */
export function dayCell(day: string | null | undefined): CellSpec {
  if (day === null || day === undefined) return { value: null };
  return { value: new Date(dayStart(day)), numFmt: DATE_FORMAT };
}

function finite(value: number): number {
  if (!Number.isFinite(value)) {
    throw new EngineError(
      `Invalid number ${value} for a workbook cell: Excel stores only finite numbers. Check the report query that produced it.`,
    );
  }
  return value;
}
