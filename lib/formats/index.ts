import type { Format } from './format';
import { ringcentralAdoptionWorkbook } from './ringcentral-adoption-workbook';
import { ringcentralCallLogCsv } from './ringcentral-call-log-csv';
import { ringcentralCallLogJson } from './ringcentral-call-log-json';
import { ringcentralExtensionListJson } from './ringcentral-extension-list-json';
import { ringcentralMeetingHistoryJson } from './ringcentral-meeting-history-json';
import { ringcentralMessagingChatsJson } from './ringcentral-messaging-chats-json';
import { ringcentralMessagingExportZip } from './ringcentral-messaging-export-zip';
import { ringcentralMessagingMembersJson } from './ringcentral-messaging-members-json';
import { ringcentralMessagingPostsJson } from './ringcentral-messaging-posts-json';
import { ringcentralUsersList } from './ringcentral-users-list';
import { usageEventsCsv } from './usage-events-csv';

/**
 * Every input format, in the order they are tried. Put more specific formats first: the first one
 * whose `recognise` returns true loads the file.
 */
export const FORMATS: readonly Format[] = [
  ringcentralAdoptionWorkbook,
  ringcentralCallLogJson,
  ringcentralCallLogCsv,
  usageEventsCsv,
  ringcentralExtensionListJson,
  ringcentralMeetingHistoryJson,
  ringcentralMessagingExportZip,
  ringcentralMessagingPostsJson,
  ringcentralMessagingMembersJson,
  ringcentralMessagingChatsJson,
  ringcentralUsersList,
];
