import type { EventRow } from './insert-events';
import { isObject, jsonShapeError, optionalText, plural, readTime, type JsonObject } from './json-values';
import { formatCounts, locateRecords, MESSAGING_REMEDY, type LocatedRecord, type RecordsDocument } from './messaging-records';

/** The post type of a message a person wrote; other types are system posts such as `PersonsAdded`. */
const TEXT_MESSAGE = 'textmessage';

export interface PostsOutcome {
  /** One `events` row per message that counts: not deleted, a text message, each post id once. */
  rows: EventRow[];
  /** Post records found, repeats of an edited post included. */
  recordsRead: number;
  notes: string[];
}

/** Checks the keys that make a record a post. */
export function looksLikePost(record: JsonObject): boolean {
  return 'creationTime' in record && 'creator' in record && 'chatId' in record;
}

/**
 * Maps the export's posts to `events` rows (channel `message`, session = chat id). `chatTypes` maps chat
 * ids to their type when the export's chats came with the posts, and fills `action`; pass null otherwise.
 */
export function readPosts(
  fileName: string,
  documents: readonly RecordsDocument[],
  chatTypes: ReadonlyMap<string, string | null> | null,
): PostsOutcome {
  const located = locateRecords(fileName, documents, 'post');
  const latest = latestVersions(fileName, located);

  const rows: EventRow[] = [];
  let deleted = 0;
  let unknownChats = 0;
  const otherTypes = new Map<string, number>();
  for (const post of latest) {
    if (post.record.deleted === true) {
      deleted++;
      continue;
    }
    const type = optionalText(post.record.type);
    if (type !== null && type.toLowerCase() !== TEXT_MESSAGE) {
      otherTypes.set(type, (otherTypes.get(type) ?? 0) + 1);
      continue;
    }
    const row = postRow(fileName, post, chatTypes);
    if (chatTypes !== null && !chatTypes.has(row.session_id ?? '')) unknownChats++;
    rows.push(row);
  }

  const notes: string[] = [];
  if (located.length > latest.length) {
    const edited = countRepeatedIds(located);
    notes.push(
      `Counted ${plural(edited, 'post')} listed more than once (edited, or in two copies of the export) ` +
        `once ${edited === 1 ? '' : 'each '}in ${edited === 1 ? 'its' : 'their'} latest version.`,
    );
  }
  if (deleted > 0) notes.push(`Skipped ${plural(deleted, 'deleted post')}.`);
  if (otherTypes.size > 0) {
    const count = [...otherTypes.values()].reduce((sum, value) => sum + value, 0);
    const notText = count === 1 ? 'is not a text message' : 'are not text messages';
    notes.push(`Skipped ${plural(count, 'post')} that ${notText} (${formatCounts(otherTypes)}).`);
  }
  if (unknownChats > 0) {
    notes.push(`Found no chat type for ${plural(unknownChats, 'message')}, because their chat is not among the export's chats.`);
  }
  if (rows.length > 0) notes.push(RETENTION_NOTE);
  return { rows, recordsRead: located.length, notes };
}

/**
 * Keeps one version of each post id: the one with the latest `lastModifiedTime`, or the later one in
 * the file when either version lacks it. The versions kept stay in the order the ids first appear.
 */
function latestVersions(fileName: string, located: readonly LocatedRecord[]): LocatedRecord[] {
  const byId = new Map<string, { post: LocatedRecord; modified: number | null }>();
  for (const post of located) {
    const id = optionalText(post.record.id);
    if (id === null) throw jsonShapeError(fileName, `${post.path}.id`, `post ${post.position} has no id`, MESSAGING_REMEDY);
    const modifiedText = optionalText(post.record.lastModifiedTime);
    const modified = modifiedText === null ? null : readTime(fileName, modifiedText, `${post.path}.lastModifiedTime`).epochMicros;

    const earlier = byId.get(id);
    const newer = earlier === undefined || earlier.modified === null || modified === null || modified >= earlier.modified;
    if (newer) byId.set(id, { post, modified });
  }
  return [...byId.values()].map((version) => version.post);
}

function countRepeatedIds(located: readonly LocatedRecord[]): number {
  const counts = new Map<string, number>();
  for (const post of located) {
    const id = optionalText(post.record.id) ?? '';
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts.values()].filter((count) => count > 1).length;
}

function postRow(fileName: string, { record, position, path }: LocatedRecord, chatTypes: ReadonlyMap<string, string | null> | null): EventRow {
  const id = optionalText(record.id) ?? '';
  const creationTime = requiredText(fileName, record.creationTime, `${path}.creationTime`, position, id, 'creationTime');
  const chatId = requiredText(fileName, record.chatId, `${path}.chatId`, position, id, 'chatId');
  const creator = isObject(record.creator) ? record.creator : {};
  const creatorId = requiredText(fileName, creator.id, `${path}.creator.id`, position, id, 'creator id');

  return {
    // JSON has no useful line number, so a row's line is its post's position among the file's posts.
    source_line: position,
    channel: 'message',
    kind: 'record',
    record_id: id,
    session_id: chatId,
    start: readTime(fileName, creationTime, `${path}.creationTime`),
    user_platform_id: creatorId,
    user_extension: null,
    user_email: null,
    user_name: null,
    // The export names no client application.
    endpoint_raw: null,
    version: null,
    role: null,
    direction: null,
    result: null,
    action: chatTypes?.get(chatId) ?? null,
    duration_s: null,
    from_extension: null,
    to_extension: null,
    attachments: attachmentCount(fileName, record.attachments, `${path}.attachments`, id),
  };
}

function requiredText(fileName: string, value: unknown, column: string, position: number, id: string, field: string): string {
  const text = optionalText(value);
  if (text === null) throw jsonShapeError(fileName, column, `post ${position} (id ${id}) has no ${field}`, MESSAGING_REMEDY);
  return text;
}

/** Counts a post's attachments. A post without the field has none. */
function attachmentCount(fileName: string, value: unknown, column: string, id: string): number {
  if (value === undefined || value === null) return 0;
  if (!Array.isArray(value)) {
    throw jsonShapeError(fileName, column, `post ${id} has attachments that are not a list`, MESSAGING_REMEDY, value);
  }
  return value.length;
}

/**
 * The retention note. It names no dates, because a date written at load time could only be in UTC.
 * The workspace, the command line and the workbook show the file's date range beside the notes, in
 * the report time zone.
 */
const RETENTION_NOTE =
  "The compliance export keeps at most 30, 60 or 90 days depending on the account's retention, so the " +
  "file's date range may cover less than the report period.";
