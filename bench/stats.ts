/** Median and range of repeated measurements. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  count: number;
}

/** Summarises the values, or returns null when there are none. */
export function summarise(values: readonly number[]): Summary | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, count: sorted.length };
}

/** Formats milliseconds as seconds with a range: `12.3 s (11.9–12.8)`, or `–` without values. */
export function formatSeconds(summary: Summary | null): string {
  if (summary === null) return '–';
  const seconds = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
  if (summary.count === 1) return `${seconds(summary.median)} s`;
  return `${seconds(summary.median)} s (${seconds(summary.min)}–${seconds(summary.max)})`;
}

/** Formats bytes as GB or MB with a range, or `–` without values. */
export function formatBytes(summary: Summary | null): string {
  if (summary === null) return '–';
  const unit = (bytes: number) => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${Math.round(bytes / 1e6)} MB`);
  if (summary.count === 1) return unit(summary.median);
  return `${unit(summary.median)} (${unit(summary.min)}–${unit(summary.max)})`;
}

/** Formats milliseconds as `340 ms`, or `–` without values. */
export function formatMilliseconds(summary: Summary | null): string {
  if (summary === null) return '–';
  if (summary.count === 1) return `${Math.round(summary.median)} ms`;
  return `${Math.round(summary.median)} ms (${Math.round(summary.min)}–${Math.round(summary.max)})`;
}
