import { jsonShapeError, optionalText, plural, type JsonObject } from './json-values';
import { formatCounts, locateRecords, MESSAGING_REMEDY, type RecordsDocument } from './messaging-records';

export interface ChatsOutcome {
  /** Chat id to its type (Personal, Direct, Group, Team, Everyone), or null when the chat has none. */
  types: Map<string, string | null>;
  recordsRead: number;
  notes: string[];
}

/** Checks the keys that make a record a chat. */
export function looksLikeChat(record: JsonObject): boolean {
  return 'type' in record && 'memberIds' in record;
}

/** Reads the export's chats for the type of each conversation. Chats write no rows of their own. */
export function readChats(fileName: string, documents: readonly RecordsDocument[]): ChatsOutcome {
  const located = locateRecords(fileName, documents, 'chat');
  const types = new Map<string, string | null>();
  for (const { record, position, path } of located) {
    const id = optionalText(record.id);
    if (id === null) throw jsonShapeError(fileName, `${path}.id`, `chat ${position} has no id`, MESSAGING_REMEDY);
    types.set(id, optionalText(record.type));
  }

  const counts = new Map<string, number>();
  for (const type of types.values()) counts.set(type ?? 'no type', (counts.get(type ?? 'no type') ?? 0) + 1);

  const notes = types.size === 0 ? [] : [`Read ${plural(types.size, 'chat')}: ${formatCounts(counts)}.`];
  return { types, recordsRead: located.length, notes };
}
