import type { Format, LoadContext, LoadResult, SniffedFile } from './format';
import { insertIdentities } from './insert-identities';
import { looksLikeMember, readMembers } from './messaging-members';
import { firstLooseRecord, recordsOf } from './messaging-records';

/**
 * A `members/members_N.json` file of the Team Messaging compliance export, dropped on its own. Each member
 * becomes one `identities` row, which links posts to people without adding anyone to the population.
 */
export const ringcentralMessagingMembersJson: Format = {
  id: 'ringcentral-messaging-members-json',
  label: 'RingCentral Team Messaging members (JSON)',
  channels: [],
  recognise,
  load,
};

function recognise(file: SniffedFile): boolean {
  const first = firstLooseRecord(file);
  return first !== undefined && looksLikeMember(first);
}

function load({ db, fileId, file }: LoadContext): LoadResult {
  const members = readMembers(file.source.name, [{ records: recordsOf(file.json) ?? [] }]);
  insertIdentities(db, fileId, members.rows);
  return { rowsRead: members.rows.length, rowsUsed: members.rows.length, notes: members.notes };
}
