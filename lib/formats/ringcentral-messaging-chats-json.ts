import type { Format, LoadContext, LoadResult, SniffedFile } from './format';
import { looksLikeChat, readChats } from './messaging-chats';
import { firstLooseRecord, recordsOf } from './messaging-records';

/**
 * A `chats/chats_N.json` file of the Team Messaging compliance export, dropped on its own. It is checked
 * and counted but writes no rows: chats give posts their conversation type only inside the ZIP archive.
 */
export const ringcentralMessagingChatsJson: Format = {
  id: 'ringcentral-messaging-chats-json',
  label: 'RingCentral Team Messaging chats (JSON)',
  channels: [],
  recognise,
  load,
};

function recognise(file: SniffedFile): boolean {
  const first = firstLooseRecord(file);
  return first !== undefined && looksLikeChat(first);
}

function load({ file }: LoadContext): LoadResult {
  const chats = readChats(file.source.name, [{ records: recordsOf(file.json) ?? [] }]);
  return {
    rowsRead: chats.recordsRead,
    rowsUsed: 0,
    notes: [
      ...chats.notes,
      'Chats loaded on their own add nothing to the report. Drop the export ZIP archive as downloaded so that posts get their chat type.',
    ],
  };
}
