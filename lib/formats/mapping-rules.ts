import { USAGE_FIELDS, type ColumnMapping, type UsageField } from '../engine/types';

/**
 * The rules a column mapping must meet, shared by the engine and the workspace's mapping form. This
 * file imports no SQL code, so the form stays small.
 */

/** Returns true when `mapping` was made for exactly this header: the same names in the same order. */
export function mappingFits(mapping: ColumnMapping, columns: readonly string[]): boolean {
  return mapping.header.length === columns.length && mapping.header.every((name, index) => name === columns[index]);
}

/**
 * Checks that a mapping gives what every usage event needs, and returns one sentence per problem (none
 * when it is complete). The workspace's form shows these, and the engine rejects a mapping with any.
 */
export function mappingProblems(mapping: ColumnMapping): string[] {
  const { columns } = mapping;
  const problems: string[] = [];
  if (columns.channel === undefined && mapping.channel === undefined) {
    problems.push('Choose the column that holds the channel, or one channel for the whole file.');
  }
  if (columns.time === undefined) problems.push('Choose the column that holds the time of each use.');
  if (columns.user_email === undefined && columns.user_extension === undefined) {
    problems.push("Choose the column that holds the user's e-mail address or extension number.");
  }
  if (columns.endpoint === undefined) problems.push('Choose the column that holds the endpoint (the client application).');
  for (const field of USAGE_FIELDS) {
    const column = columns[field];
    if (column !== undefined && !mapping.header.includes(column)) {
      problems.push(`The column "${column}" chosen for ${field} is not in the file's header.`);
    }
  }
  return problems;
}

/** Returns the usage-events fields that `mapping` reads from `column`, in field order. */
export function fieldsOfColumn(mapping: ColumnMapping, column: string): UsageField[] {
  return USAGE_FIELDS.filter((field) => mapping.columns[field] === column);
}
