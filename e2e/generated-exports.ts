import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Departments and sites of the generated users, assigned in turn so each gets an equal share. */
export const GENERATED_DEPARTMENTS = ['Sales', 'Support', 'Engineering', 'Finance', 'Operations'];
export const GENERATED_SITES = ['Boston', 'Denver', 'Lisbon', 'Osaka'];
/** The first extension number; user `i` (0-based) has extension FIRST_EXTENSION + i. */
export const FIRST_EXTENSION = 100_000;

/** Name, e-mail and extension of generated user `index`. */
export function generatedUser(index: number) {
  const number = String(index).padStart(6, '0');
  return {
    name: `User ${number} Test`,
    email: `user.${number}@example.com`,
    extension: String(FIRST_EXTENSION + index),
    department: GENERATED_DEPARTMENTS[index % GENERATED_DEPARTMENTS.length]!,
    site: GENERATED_SITES[index % GENERATED_SITES.length]!,
  };
}

/** Writes a RingCentral users list CSV of `count` enabled users with the invented names above. */
export async function writeUsersList(path: string, count: number): Promise<void> {
  await writeLines(path, function* () {
    yield 'Name,Ext,Email,Department,Site,Status,Type';
    for (let index = 0; index < count; index += 1) {
      const user = generatedUser(index);
      yield `${user.name},${user.extension},${user.email},${user.department},${user.site},Enabled,User`;
    }
  });
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * Writes a detailed Admin Portal call log CSV with `rows` connected outgoing calls, one master row
 * each, made by the extensions given in turn, on the days from 4 to 22 May 2026.
 */
export async function writeCallLog(path: string, rows: number, extensions: readonly string[]): Promise<void> {
  await writeLines(path, function* () {
    yield 'Type,CallId,SessionId,Leg,Direction,From,To,Extension,Forwarded To,Name,Date,Time,Action,Action Result,Result Description,Duration,Included,Purchased,Site';
    for (let index = 0; index < rows; index += 1) {
      const day = new Date(Date.UTC(2026, 4, 4 + (index % 19)));
      const date = `${WEEKDAYS[day.getUTCDay()]} ${day.getUTCMonth() + 1}/${day.getUTCDate()}/${day.getUTCFullYear()}`;
      const extension = extensions[index % extensions.length];
      const second = index % 60;
      const time = `${9 + (index % 3)}:${String(index % 60).padStart(2, '0')}:${String(second).padStart(2, '0')} AM`;
      yield `Voice,C${index},S${index},,Outgoing,(555) 555-0100,(312) 555-0145,${extension},,Caller ${extension},${date},${time},VoIP Call,Call connected,Call connected,0:01:38,$0.00,$0.00,Boston`;
    }
  });
}

async function writeLines(path: string, lines: () => Generator<string>): Promise<void> {
  const stream = createWriteStream(path, 'utf8');
  let chunk: string[] = [];
  for (const line of lines()) {
    chunk.push(line);
    if (chunk.length === 10_000) {
      if (!stream.write(`${chunk.join('\n')}\n`)) await once(stream, 'drain');
      chunk = [];
    }
  }
  stream.end(chunk.length > 0 ? `${chunk.join('\n')}\n` : '');
  await once(stream, 'finish');
}
