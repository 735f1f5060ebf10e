import type { Format, LoadContext, LoadResult, SniffedFile } from './format';
import { insertEvents } from './insert-events';
import { looksLikePost, readPosts } from './messaging-posts';
import { firstLooseRecord, recordsOf } from './messaging-records';

/**
 * A `posts/posts_N.json` file of the Team Messaging compliance export, dropped on its own. Each post that
 * counts as a message becomes one `events` row; see messaging-posts.ts for the rules.
 */
export const ringcentralMessagingPostsJson: Format = {
  id: 'ringcentral-messaging-posts-json',
  label: 'RingCentral Team Messaging posts (JSON)',
  channels: ['message'],
  recognise,
  load,
};

function recognise(file: SniffedFile): boolean {
  const first = firstLooseRecord(file);
  return first !== undefined && looksLikePost(first);
}

function load({ db, fileId, file }: LoadContext): LoadResult {
  const posts = readPosts(file.source.name, [{ records: recordsOf(file.json) ?? [] }], null);
  insertEvents(db, fileId, posts.rows);
  return {
    rowsRead: posts.recordsRead,
    rowsUsed: posts.rows.length,
    notes: [...posts.notes, 'Chat types (Direct, Group, Team) are read only from the chats in the same ZIP archive.'],
  };
}
