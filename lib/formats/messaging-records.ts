import type { SniffedFile } from './format';
import { isObject, jsonShapeError, type JsonObject } from './json-values';

/**
 * The files of RingCentral's Team Messaging compliance export. Each file is `{"records": [...]}` with at
 * most 10,000 records, and the export splits a long list over `posts_1.json`, `posts_2.json` and so on.
 */

export const MESSAGING_REMEDY =
  'Download the compliance export again from the RingCentral Admin Portal and drop it as downloaded, or drop its JSON files without editing them.';

/** One `{"records": [...]}` document of the export. */
export interface RecordsDocument {
  /** The entry's path inside the ZIP archive, or undefined for a JSON file dropped on its own. */
  entryName?: string;
  records: unknown[];
}

/** A record with its place in the dropped file, for error messages. */
export interface LocatedRecord {
  record: JsonObject;
  /** 1-based position among the records of its kind, over all documents in order. */
  position: number;
  /** JSON path of the record, prefixed by the entry's path inside a ZIP archive. */
  path: string;
}

/** Returns the records of a `{"records": [...]}` document, or null when the JSON has another shape. */
export function recordsOf(json: unknown): unknown[] | null {
  return isObject(json) && Array.isArray(json.records) ? json.records : null;
}

/**
 * Returns the first record of a loose JSON file of the export when every record is an object, else
 * undefined. A file without records cannot be distinguished from other exports, so it is not recognised.
 */
export function firstLooseRecord(file: SniffedFile): JsonObject | undefined {
  if (file.container !== 'json') return undefined;
  const records = recordsOf(file.json);
  if (records === null || records.length === 0 || !records.every(isObject)) return undefined;
  return records[0] as JsonObject;
}

/** Pairs each record of the documents with its position and path, and throws on a record that is not an object. */
export function locateRecords(fileName: string, documents: readonly RecordsDocument[], noun: string): LocatedRecord[] {
  const located: LocatedRecord[] = [];
  for (const document of documents) {
    document.records.forEach((record, index) => {
      const path = `${document.entryName === undefined ? '' : `${document.entryName}: `}records[${index}]`;
      const position = located.length + 1;
      if (!isObject(record)) throw jsonShapeError(fileName, path, `${noun} ${position} is not a JSON object`, MESSAGING_REMEDY);
      located.push({ record, position, path });
    });
  }
  return located;
}

/** Formats counts as `Direct 5, Group 2`, in first-seen order. */
export function formatCounts(counts: ReadonlyMap<string, number>): string {
  return [...counts].map(([name, count]) => `${name} ${count}`).join(', ');
}
