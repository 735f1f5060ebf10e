import type { Channel, UserRow } from '../engine/types';
import { dateTimeCell, identifierCell, numberCell, percentCell, textCell, type CellSpec } from './cells';
import { CHANNEL_LABELS } from './channel-labels';

/** One User Table column: its header and how a user row fills its cell. */
export interface UserColumn {
  header: string;
  cell: (user: UserRow) => CellSpec;
}

const SHARED_COLUMNS: UserColumn[] = [
  { header: 'User Name', cell: (user) => textCell(user.userName) },
  { header: 'User Extension', cell: (user) => identifierCell(user.userExtension) },
  { header: 'User Email', cell: (user) => textCell(user.userEmail) },
  { header: 'Status', cell: (user) => textCell(user.status) },
  { header: 'User Status', cell: (user) => textCell(user.userStatus) },
  { header: 'Department', cell: (user) => textCell(user.department) },
  { header: 'Site', cell: (user) => textCell(user.site) },
  { header: 'Endpoint', cell: (user) => textCell(user.endpoint) },
  { header: 'Version', cell: (user) => identifierCell(user.version) },
  { header: 'Last Used', cell: (user) => dateTimeCell(user.lastUsed) },
  { header: 'Usage Count', cell: (user) => numberCell(user.usageCount) },
];

// An undefined count leaves the cell empty, because the report did not compute it for this row.
const VIDEO_ROLE_COLUMNS: UserColumn[] = [
  { header: 'Host Count', cell: (user) => numberCell(user.hostCount) },
  { header: 'Participant Count', cell: (user) => numberCell(user.participantCount) },
];

/** Returns the User Table columns of a channel, in the order the report defines. */
export function userColumns(channel: Channel): UserColumn[] {
  const volume = CHANNEL_LABELS[channel].volume;
  const channelColumns: UserColumn[] = [
    { header: `Number of ${volume}`, cell: (user) => numberCell(user.channelCount) },
    { header: `Percent of ${volume}`, cell: (user) => percentCell(user.channelShare) },
  ];
  const roleColumns = channel === 'video' ? VIDEO_ROLE_COLUMNS : [];
  return [...SHARED_COLUMNS, ...channelColumns, ...roleColumns];
}
