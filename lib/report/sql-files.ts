/** The report's SQL files, bundled as text (Vite `?raw`) so the extension and the CLI run the same SQL. */

const files = import.meta.glob<string>('./**/*.sql', { query: '?raw', import: 'default', eager: true });

/** Returns the text of `lib/report/<path>.sql`, e.g. `sqlFile('phone/uses')`. */
export function sqlFile(path: string): string {
  const text = files[`./${path}.sql`];
  if (text === undefined) throw new Error(`No report SQL file lib/report/${path}.sql`);
  return text;
}

export function hasSqlFile(path: string): boolean {
  return files[`./${path}.sql`] !== undefined;
}

/** Returns the paths (without `.sql`) of the files in a folder of lib/report, sorted by name. */
export function sqlFolder(folder: string): string[] {
  const prefix = `./${folder}/`;
  return Object.keys(files)
    .filter((key) => key.startsWith(prefix) && !key.slice(prefix.length).includes('/'))
    .map((key) => key.slice(2, -'.sql'.length))
    .sort();
}
