import type { IdentityRow } from './insert-identities';
import { jsonShapeError, optionalText, plural, type JsonObject } from './json-values';
import { locateRecords, MESSAGING_REMEDY, type RecordsDocument } from './messaging-records';

export interface MembersOutcome {
  /** One `identities` row per member, deactivated members included. */
  rows: IdentityRow[];
  notes: string[];
}

/** Checks the keys that make a record a member. Extension-list records also have names, but they have `extensionNumber` too. */
export function looksLikeMember(record: JsonObject): boolean {
  return ('firstName' in record || 'lastName' in record || 'email' in record) && !('extensionNumber' in record);
}

/**
 * Maps the export's members to `identities` rows: platform id, e-mail and name. They link posts to people
 * by platform id and never add anyone to the population, so a deactivated member is still an identity.
 */
export function readMembers(fileName: string, documents: readonly RecordsDocument[]): MembersOutcome {
  const located = locateRecords(fileName, documents, 'member');
  let deactivated = 0;
  const rows = located.map(({ record, position, path }): IdentityRow => {
    const id = optionalText(record.id);
    if (id === null) throw jsonShapeError(fileName, `${path}.id`, `member ${position} has no id`, MESSAGING_REMEDY);
    if (record.deactivated === true) deactivated++;
    const name = [optionalText(record.firstName), optionalText(record.lastName)].filter((part) => part !== null).join(' ');
    return {
      // JSON has no useful line number, so a row's line is its member's position among the file's members.
      source_line: position,
      platform_id: id,
      extension: null,
      email: optionalText(record.email),
      name: name === '' ? null : name,
    };
  });

  const notes = [
    `Read ${plural(rows.length, 'member')} (${deactivated} deactivated). Members link posts to people by platform id; ` +
      'only a users list or extension list adds people to the report.',
  ];
  return { rows, notes };
}
