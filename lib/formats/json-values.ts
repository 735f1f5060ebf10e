import { ImportError } from '../errors';
import { unreadableDurationError, unreadableTimeError } from '../time/errors';
import { parseDurationSeconds } from '../time/parse-duration';
import { parseTime, type ParsedTime } from '../time/parse-time';

/** Helpers for reading values out of parsed JSON exports, with errors that name the JSON path. */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns a string or finite number as text, or null when absent, blank or of another type. */
export function optionalText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return null;
}

/** Reads a time, and throws an `ImportError` at `column` (a JSON path) when the text is not a time. */
export function readTime(fileName: string, value: string, column: string): ParsedTime {
  const time = parseTime(value);
  if (time === null) throw unreadableTimeError({ file: fileName, column, value });
  return time;
}

/** Reads seconds from a number (the APIs' form) or from duration text. Returns null when absent. */
export function readDurationSeconds(fileName: string, value: unknown, column: string): number | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  const seconds = typeof value === 'string' ? parseDurationSeconds(value, { minutesSeconds: false }) : null;
  if (seconds === null) throw unreadableDurationError({ file: fileName, column, value: String(value) }, { minutesSeconds: false });
  return seconds;
}

/** Builds the error for a JSON value that is missing or of the wrong kind at `column`. */
export function jsonShapeError(fileName: string, column: string, problem: string, remedy: string, value?: unknown): ImportError {
  const shown = value === undefined ? {} : { value: typeof value === 'string' ? value : JSON.stringify(value) };
  return new ImportError({ file: fileName, column, ...shown }, problem, remedy);
}

export { plural } from '../plural';
