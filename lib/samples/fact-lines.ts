/** Small helpers shared by the video and message facts files. */
import type { Extension } from './organisation';
import { isPerson } from './organisation';

/** True for the report's population: a person-like entry whose status is Enabled or NotActivated. */
export function inPopulation(extension: Extension): boolean {
  return isPerson(extension) && (extension.status === 'Enabled' || extension.status === 'NotActivated');
}

/** Formats an extension as `Avery Lindqvist (101, Enabled)`, with its type in place of the status when it is not a person. */
export function describeExtension(extension: Extension): string {
  const kind = isPerson(extension) ? extension.status : extension.type;
  return `${extension.name} (${extension.extensionNumber}, ${kind})`;
}

export function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Formats counts as `Meeting 60, Call 20`, in first-seen order. */
export function formatCounts(counts: ReadonlyMap<string, number>): string {
  return [...counts].map(([name, count]) => `${name} ${count}`).join(', ');
}

/** Formats a number of seconds as minutes with two decimals, such as `1954.05`. */
export function minutes(seconds: number): string {
  return (seconds / 60).toFixed(2);
}
