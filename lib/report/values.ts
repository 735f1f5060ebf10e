/**
 * The one place that turns DuckDB result values into the plain JavaScript values of the report types.
 * DuckDB-WASM returns BIGINT as bigint, HUGEINT and DECIMAL as Arrow's wide integer objects, DOUBLE as
 * number, and TIMESTAMP and DATE as epoch milliseconds.
 */

/** Converts a count, sum or ratio to a JavaScript number, keeping null. */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  // Arrow's HUGEINT and DECIMAL values convert through their own valueOf or toString.
  const converted = Number(value as { valueOf(): unknown });
  if (Number.isNaN(converted)) throw new TypeError(`Cannot read ${String(value)} as a number`);
  return converted;
}

/** Like `toNumber`, for columns that are never NULL. */
export function toCount(value: unknown): number {
  return toNumber(value) ?? 0;
}

/** Converts a TIMESTAMP to epoch milliseconds, keeping null. */
export function toEpochMillis(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.getTime();
  return toNumber(value);
}

/** Converts a KPI value: text stays text (ranked lists), anything else becomes a number. */
export function toKpiValue(value: unknown): number | string | null {
  return typeof value === 'string' ? value : toNumber(value);
}

/** Text, with NULL as the empty string. */
export function toText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}
