/**
 * Returns a count with its noun, singular for exactly one: `1 post`, `2 posts`, `1 entry`, `3 entries`.
 * Counts get thousands separators (`1,024 rows`), as every note and message of the product writes them.
 */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? noun : pluralNoun}`;
}
