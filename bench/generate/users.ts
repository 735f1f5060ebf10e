import { createRandom } from '../../lib/samples/random';
import { LineWriter } from './line-writer';

/** One row of the generated users list. */
export interface BenchUser {
  name: string;
  extension: string;
  email: string;
  department: string;
  site: string;
  status: 'Enabled' | 'Disabled' | 'NotActivated';
  type: 'User' | 'Limited';
  /** Relative share of the calls this user places or takes, 0 for users who never call. */
  callWeight: number;
}

export const BENCH_ORGANISATION = 'Benchmark Outfitters';

// Invented names. None contains a comma or a quote, so the CSV writers never need to quote them.
const FIRST_NAMES = [
  'Avery', 'Marcus', 'Hana', 'Elif', 'Beatrice', 'Ingrid', 'Maya', 'Leona', 'Rafael', 'Zoë', 'Tomás', 'Priya',
  'Oskar', 'Amara', 'Jonas', 'Keiko', 'Lucía', 'Nikolai', 'Farah', 'Dmitri', 'Sofia', 'Kwame', 'Ines', 'Mateo',
  'Yara', 'Emil', 'Chloé', 'Rohan', 'Greta', 'Malik', 'Noor', 'Felix', 'Aisha', 'Henrik', 'Lena', 'Jun',
];
const LAST_NAMES = [
  'Lindqvist', 'Oyelaran', 'Kobayashi', 'Demir', 'Holloway', 'Solberg', 'Thorsen', 'Brightwater', 'Montoya',
  'Okafor', 'Álvarez', 'Raman', 'Berg', 'Mensah', 'Keller', 'Tanaka', 'Fernández', 'Petrov', 'Haddad', 'Volkov',
  'Rossi', 'Asante', 'Moreau', 'Navarro', 'Costa', 'Nyberg', 'Lefèvre', 'Iyer', 'Hoffmann', 'Bakr', 'Sato',
];
const DEPARTMENTS = [
  'Sales', 'Support', 'Finance', 'Marketing', 'Operations', 'Engineering', 'Legal', 'Purchasing', 'Logistics',
  'Human Resources', 'Customer Success', 'Facilities',
];
const SITES = ['Boston', 'Denver', 'Austin', 'Seattle', 'Chicago', 'Atlanta'];

/** Extension numbers start here, so every generated extension has at least five digits. */
const FIRST_EXTENSION = 10000;

/**
 * Creates `count` invented users, the same ones for the same `count` and `seed`. About 92% are
 * Enabled, and about 15% of those never call. The others get a skewed share of the calls, so the
 * report's Status column has frequent, regular and occasional users.
 */
export function benchUsers(count: number, seed = 1): BenchUser[] {
  const random = createRandom(seed);
  const users: BenchUser[] = [];
  for (let index = 0; index < count; index++) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const extension = String(FIRST_EXTENSION + index);
    const status = random.weighted([['Enabled', 92], ['Disabled', 4], ['NotActivated', 4]] as const);
    const type = random.chance(0.03) ? 'Limited' : 'User';
    const calls = status === 'Enabled' && type === 'User' && !random.chance(0.15);
    users.push({
      name: `${first} ${last}`,
      extension,
      email: `${asciiLocalPart(first)}.${asciiLocalPart(last)}.${extension}@example.com`,
      department: random.pick(DEPARTMENTS),
      site: random.pick(SITES),
      status,
      type,
      // Squaring a uniform draw makes a few users call much more than most.
      callWeight: calls ? 0.05 + random.next() ** 2 : 0,
    });
  }
  return users;
}

/**
 * Writes the users as the Admin Portal's "Download User List" CSV: a UTF-8 byte-order mark, a title
 * line, then Name, Ext, Email, Department, Site, Status and Type. Returns the file's size in bytes.
 */
export async function writeUsersList(file: string, users: readonly BenchUser[]): Promise<number> {
  const writer = new LineWriter(file);
  await writer.line(`\uFEFFUser List - ${BENCH_ORGANISATION},,,,,,`);
  await writer.line('Name,Ext,Email,Department,Site,Status,Type');
  for (const user of users) {
    const status = user.status === 'NotActivated' ? 'Not Activated' : user.status;
    await writer.line(`${user.name},${user.extension},${user.email},${user.department},${user.site},${status},${user.type}`);
  }
  return writer.close();
}

function asciiLocalPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
