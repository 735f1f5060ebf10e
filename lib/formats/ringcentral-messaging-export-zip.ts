import { ImportError } from '../errors';
import type { Format, LoadContext, LoadResult, SniffedFile } from './format';
import { insertEvents } from './insert-events';
import { insertIdentities } from './insert-identities';
import { plural } from './json-values';
import { readChats } from './messaging-chats';
import { readMembers } from './messaging-members';
import { readPosts } from './messaging-posts';
import { MESSAGING_REMEDY, recordsOf, type RecordsDocument } from './messaging-records';
import { listNames, otherZipEntries } from './zip-entries';

type EntryKind = 'posts' | 'members' | 'chats';
const KINDS: readonly EntryKind[] = ['posts', 'members', 'chats'];

/**
 * RingCentral's Team Messaging compliance export, the ZIP archive as downloaded. Its `posts/`,
 * `members/` and `chats/` folders are read together, so posts get the type of their chat; JSON files in
 * other folders are ignored and counted in a note. Sniffing has already decompressed the `.json` entries.
 */
export const ringcentralMessagingExportZip: Format = {
  id: 'ringcentral-messaging-export-zip',
  label: 'RingCentral Team Messaging compliance export (ZIP)',
  channels: ['message'],
  recognise,
  load,
};

function recognise(file: SniffedFile): boolean {
  if (file.container !== 'zip' || file.zipEntries === undefined) return false;
  return Object.keys(file.zipEntries).some((name) => {
    const kind = entryKind(name);
    return kind === 'posts' || kind === 'members';
  });
}

/**
 * Returns the folder an entry belongs to, by the name of the folder that holds it, so an archive that
 * wraps the folders in one more (`export/posts/posts_1.json`) reads the same. Returns undefined for other
 * entries and for the `__MACOSX/` copies and `._` files that macOS adds when it re-packs an archive.
 */
function entryKind(name: string): EntryKind | undefined {
  const parts = name.split('/');
  const fileName = parts[parts.length - 1] ?? '';
  if (parts.includes('__MACOSX') || fileName.startsWith('._') || !fileName.toLowerCase().endsWith('.json')) return undefined;
  const folder = (parts[parts.length - 2] ?? '').toLowerCase();
  return KINDS.find((kind) => kind === folder);
}

function load({ db, fileId, file }: LoadContext): LoadResult {
  const fileName = file.source.name;
  const entries = file.zipEntries ?? {};
  const documents: Record<EntryKind, RecordsDocument[]> = { posts: [], members: [], chats: [] };
  let ignored = 0;
  // `posts_10.json` comes after `posts_9.json`, so record positions follow the export's own order.
  const names = Object.keys(entries).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const name of names) {
    const kind = entryKind(name);
    if (kind === undefined) {
      ignored++;
      continue;
    }
    documents[kind].push({ entryName: name, records: entryRecords(fileName, name, entries[name]!) });
  }

  const chats = documents.chats.length > 0 ? readChats(fileName, documents.chats) : undefined;
  const posts = readPosts(fileName, documents.posts, chats?.types ?? null);
  const members = readMembers(fileName, documents.members);
  insertEvents(db, fileId, posts.rows);
  insertIdentities(db, fileId, members.rows);

  const notes = [
    ...posts.notes,
    ...members.notes,
    ...(chats?.notes ?? ['The archive has no chats/ folder, so posts have no chat type.']),
  ];
  if (ignored > 0) notes.push(`Ignored ${plural(ignored, 'JSON file')} outside the posts/, members/ and chats/ folders.`);
  notes.push(...otherEntryNotes(file));
  return {
    rowsRead: posts.recordsRead + members.rows.length + (chats?.recordsRead ?? 0),
    rowsUsed: posts.rows.length + members.rows.length,
    notes,
  };
}

/** Notes naming the entries that are not JSON files: attachments, and ZIP archives that are never opened. */
function otherEntryNotes(file: SniffedFile): string[] {
  const others = otherZipEntries(file);
  const archives = others.filter((name) => name.toLowerCase().endsWith('.zip'));
  const rest = others.filter((name) => !archives.includes(name));
  const notes: string[] = [];
  if (archives.length > 0) {
    notes.push(
      `Skipped ${plural(archives.length, 'ZIP archive')} inside the archive (${listNames(archives)}), because archives inside an ` +
        'archive are not opened. Unzip it and drop the inner archive separately to read it.',
    );
  }
  if (rest.length > 0) {
    notes.push(`Skipped ${plural(rest.length, 'file')} that ${rest.length === 1 ? 'is' : 'are'} not JSON (${listNames(rest)}), because the export's data is in its JSON files.`);
  }
  return notes;
}

/** Parses one entry, which must be a `{"records": [...]}` document. */
function entryRecords(fileName: string, entryName: string, bytes: Uint8Array): unknown[] {
  // TextDecoder drops a UTF-8 byte-order mark.
  const text = new TextDecoder('utf-8').decode(bytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportError({ file: fileName, column: entryName }, `the archive's file ${entryName} is not valid JSON (${message})`, MESSAGING_REMEDY);
  }
  const records = recordsOf(json);
  if (records === null) {
    throw new ImportError({ file: fileName, column: entryName }, `the archive's file ${entryName} has no "records" list`, MESSAGING_REMEDY);
  }
  return records;
}
