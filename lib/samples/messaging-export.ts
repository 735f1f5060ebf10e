/**
 * `messaging-export.zip`: the Team Messaging compliance export as the Admin Portal downloads it, with
 * `posts/`, `members/` and `chats/` folders of `{"records": [...]}` files and a `tasks/` folder that the
 * product ignores.
 */
import { zipSync, type Zippable } from 'fflate';
import { utf8Bytes } from './csv-text';
import type { ChatPlan, MemberPlan, MessagingPlan, PostPlan } from './messaging-plan';

/**
 * Records in `posts_1.json`. The real export splits at 10,000 records; the sample splits much earlier so
 * that its about 600 posts still span two files.
 */
export const POSTS_PER_FILE = 400;

/**
 * The entries' modification time. fflate 0.8.3 writes the local-time fields of this Date (the ZIP format
 * stores local time), so it is built from local fields to give the same bytes in every time zone.
 */
const ENTRY_TIME = new Date(2026, 4, 23, 6, 0, 0);

/** One post record as the export lists it; an edited post has two, the original and the edit. */
export interface PostRecord {
  post: PostPlan;
  text: string;
  deleted: boolean;
  lastModifiedMs: number;
}

export function renderMessagingExport(plan: MessagingPlan): Uint8Array {
  const records = postRecords(plan.posts).map(postJson);
  const entries: Zippable = {
    'chats/chats_1.json': recordsFile(plan.chats.map(chatJson)),
    'members/members_1.json': recordsFile(plan.members.map(memberJson)),
    'posts/posts_1.json': recordsFile(records.slice(0, POSTS_PER_FILE)),
    'posts/posts_2.json': recordsFile(records.slice(POSTS_PER_FILE)),
    'tasks/tasks_1.json': recordsFile([
      { id: 'T-1', subject: 'Count the Denver stock', status: 'Completed', assigneeIds: [memberId(plan, '306')] },
      { id: 'T-2', subject: 'Update the price list', status: 'Pending', assigneeIds: [memberId(plan, '102')] },
    ]),
  };
  return zipSync(entries, { level: 6, mtime: ENTRY_TIME });
}

function memberId(plan: MessagingPlan, extensionNumber: string): string | undefined {
  return plan.members.find((member) => member.person?.extensionNumber === extensionNumber)?.id;
}

/**
 * Lists the post records in the order the export writes them: by the time each version was written, so
 * an edit comes after its original.
 */
export function postRecords(posts: readonly PostPlan[]): PostRecord[] {
  const records = posts.flatMap((post): PostRecord[] => {
    const latest: PostRecord = { post, text: post.text, deleted: post.deleted, lastModifiedMs: post.modifiedMs };
    if (post.earlier === undefined) return [latest];
    return [{ post, text: post.earlier.text, deleted: post.earlier.deleted, lastModifiedMs: post.creationMs }, latest];
  });
  return records.sort((a, b) => a.lastModifiedMs - b.lastModifiedMs);
}

function postJson({ post, text, deleted, lastModifiedMs }: PostRecord): Record<string, unknown> {
  return {
    id: post.id,
    chatId: post.chat.id,
    type: post.type,
    text,
    creator: { id: post.creator.id },
    creationTime: new Date(post.creationMs).toISOString(),
    lastModifiedTime: new Date(lastModifiedMs).toISOString(),
    attachments: post.attachments.map((name, index) => ({ id: `${post.id}-${index + 1}`, type: 'File', name })),
    deleted,
  };
}

function memberJson(member: MemberPlan): Record<string, unknown> {
  return { id: member.id, firstName: member.firstName, lastName: member.lastName, email: member.email, deactivated: member.deactivated };
}

function chatJson(chat: ChatPlan): Record<string, unknown> {
  const json: Record<string, unknown> = { id: chat.id, type: chat.type };
  if (chat.name !== undefined) json.name = chat.name;
  json.memberIds = chat.members.map((member) => member.id);
  return json;
}

/** Writes `{"records": [...]}` with one record per line, which keeps each file readable. */
function recordsFile(records: readonly unknown[]): Uint8Array {
  return utf8Bytes(`{"records":[\n${records.map((record) => JSON.stringify(record)).join(',\n')}\n]}\n`);
}
