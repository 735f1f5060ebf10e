/** The items Forget everything removed: the number of files the engine dropped and the stored items, in words. */
export interface ForgottenItems {
  fileCount: number;
  storedItems: readonly string[];
}

/** Returns the sentence that lists what Forget everything removed. */
export function describeForgotten({ fileCount, storedItems }: ForgottenItems): string {
  const items: string[] = [];
  if (fileCount === 1) items.push('1 loaded file and its report');
  if (fileCount > 1) items.push(`${fileCount} loaded files and their reports`);
  items.push(...storedItems);
  if (items.length === 0) return 'There was nothing to forget: no files were loaded and nothing was stored.';
  return `Forgotten: ${joinList(items)}. The extension now stores nothing in this browser.`;
}

function joinList(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join('; ')}; and ${items.at(-1)}`;
}
