/**
 * The invented organisation behind every sample file: Northwind Outfitters, an outdoor-gear retailer with
 * offices in Boston and Denver. All names, numbers and addresses are invented; e-mails use example.com
 * and telephone numbers the 555-01xx range that is reserved for fiction.
 */

export const ORGANISATION_NAME = 'Northwind Outfitters';
export const ACCOUNT_ID = '62345000';
export const API_BASE = `https://platform.ringcentral.com/restapi/v1.0/account/${ACCOUNT_ID}`;
/** The main company number, which rings the call queues. */
export const MAIN_NUMBER = '+16175550100';

export type ExtensionStatus = 'Enabled' | 'Disabled' | 'Frozen' | 'NotActivated';
export type ExtensionType = 'User' | 'Department' | 'Room' | 'Limited';
/** How many calls a person places or answers: `none` never calls, `high` about three a working day. */
export type Activity = 'none' | 'low' | 'medium' | 'high';

export interface Site {
  id: string;
  name: string;
}

export const BOSTON: Site = { id: 'main-site', name: 'Boston' };
export const DENVER: Site = { id: '62349002', name: 'Denver' };

/** A client application as its own telemetry names it, with the version it reports. */
export interface ClientApp {
  endpoint: string;
  version: string;
  /** True for the iOS and Android apps, whose answered calls show a MobileApp leg. */
  mobile: boolean;
  /** A later version that this app reports from `onDate` (`YYYY-MM-DD`, local) on. */
  upgrade?: { onDate: string; version: string };
}

const app = (endpoint: string, version: string, mobile = false): ClientApp => ({ endpoint, version, mobile });

export const APPS = {
  windows: app('RingCentral for Windows', '24.10'),
  windowsNew: app('RingCentral for Windows', '25.1.10'),
  mac: app('RingCentral for Mac', '24.3.20'),
  macNew: app('RingCentral for Mac', '25.1.10'),
  web: app('RingCentral Web', '25.1.10'),
  ios: app('RingCentral iOS', '24.3.20', true),
  android: app('RingCentral Android', '24.10', true),
  polycom: app('Polycom VVX 450', '6.4.6.2186'),
  yealink: app('Yealink T54W', '96.86.0.70'),
} satisfies Record<string, ClientApp>;

export interface Extension {
  /** The platform's extension id, a numeric string. */
  id: string;
  /** Three digits as text; the Finance extensions have leading zeros. */
  extensionNumber: string;
  firstName: string;
  lastName: string;
  name: string;
  email: string;
  department: string;
  site: Site;
  status: ExtensionStatus;
  type: ExtensionType;
  activity: Activity;
  /** The first app is the one used most; empty for extensions that never call. */
  apps: ClientApp[];
  /** The extension's direct number, in E.164. */
  directNumber: string;
  /** A personal mobile number for FindMe, in E.164; people only. */
  mobileNumber?: string;
  /** The last local date (`YYYY-MM-DD`) with calls, for a person who left during the sample period. */
  lastWorkingDay?: string;
}

interface PersonRow {
  extensionNumber: string;
  firstName: string;
  lastName: string;
  department: string;
  site: Site;
  activity: Activity;
  apps: ClientApp[];
  status?: ExtensionStatus;
  /** Overrides the lower-case `first.last@example.com`, to give one address capitals. */
  email?: string;
  lastWorkingDay?: string;
}

// Avery's Windows app is upgraded from 24.10 to 25.1.10 halfway through the call-log JSON's two weeks,
// so the latest version of that endpoint differs from the first.
const averysWindowsApp: ClientApp = { ...APPS.windows, upgrade: { onDate: '2026-05-11', version: '25.1.10' } };

const PEOPLE: PersonRow[] = [
  { extensionNumber: '101', firstName: 'Avery', lastName: 'Lindqvist', department: 'Sales', site: BOSTON, activity: 'high', apps: [averysWindowsApp, APPS.ios] },
  { extensionNumber: '102', firstName: 'Marcus', lastName: 'Oyelaran', department: 'Sales', site: BOSTON, activity: 'high', apps: [APPS.mac, APPS.ios] },
  { extensionNumber: '103', firstName: 'Hana', lastName: 'Kobayashi', department: 'Sales', site: BOSTON, activity: 'medium', apps: [APPS.web] },
  { extensionNumber: '104', firstName: 'Dmitri', lastName: 'Valcourt', department: 'Sales', site: BOSTON, activity: 'medium', apps: [APPS.windows, APPS.polycom] },
  { extensionNumber: '105', firstName: 'Leona', lastName: 'Brightwater', department: 'Sales', site: BOSTON, activity: 'low', apps: [APPS.android] },
  { extensionNumber: '106', firstName: 'Tobias', lastName: 'Ferreira', department: 'Sales', site: BOSTON, activity: 'none', apps: [] },
  { extensionNumber: '107', firstName: 'Sean', lastName: "O'Neill", department: 'Sales', site: DENVER, activity: 'medium', apps: [APPS.windows], email: 'Sean.ONeill@example.com' },
  { extensionNumber: '108', firstName: 'Priyanka', lastName: 'Desai', department: 'Sales', site: DENVER, activity: 'high', apps: [APPS.macNew, APPS.android] },
  { extensionNumber: '109', firstName: 'Caleb', lastName: 'Whitford', department: 'Sales', site: DENVER, activity: 'none', apps: [], status: 'NotActivated' },
  { extensionNumber: '110', firstName: 'Ingrid', lastName: 'Solberg', department: 'Sales', site: DENVER, activity: 'medium', apps: [APPS.yealink, APPS.web] },

  { extensionNumber: '201', firstName: 'Zoë', lastName: 'Okafor', department: 'Support', site: BOSTON, activity: 'high', apps: [APPS.windows, APPS.polycom] },
  { extensionNumber: '202', firstName: 'Rafael', lastName: 'Montoya', department: 'Support', site: BOSTON, activity: 'high', apps: [APPS.windows] },
  { extensionNumber: '203', firstName: 'Jun-seo', lastName: 'Park', department: 'Support', site: BOSTON, activity: 'medium', apps: [APPS.web] },
  { extensionNumber: '204', firstName: 'Margaret', lastName: 'Ashdown', department: 'Support', site: BOSTON, activity: 'medium', apps: [APPS.windows], status: 'Disabled', lastWorkingDay: '2026-05-08' },
  { extensionNumber: '205', firstName: 'Kwame', lastName: 'Asante', department: 'Support', site: BOSTON, activity: 'low', apps: [APPS.ios] },
  { extensionNumber: '206', firstName: 'Elif', lastName: 'Demir', department: 'Support', site: DENVER, activity: 'high', apps: [APPS.yealink, APPS.windows] },
  { extensionNumber: '207', firstName: 'Niall', lastName: 'Brennan', department: 'Support', site: DENVER, activity: 'medium', apps: [APPS.android] },
  { extensionNumber: '208', firstName: 'Rosa', lastName: 'Villanueva', department: 'Support', site: DENVER, activity: 'medium', apps: [APPS.mac] },
  { extensionNumber: '209', firstName: 'Aurelio', lastName: 'Conti', department: 'Support', site: DENVER, activity: 'none', apps: [], status: 'Disabled' },
  { extensionNumber: '210', firstName: 'Maya', lastName: 'Thorsen', department: 'Support', site: DENVER, activity: 'low', apps: [APPS.web] },

  { extensionNumber: '301', firstName: 'Farid', lastName: 'Haddad', department: 'Engineering', site: BOSTON, activity: 'medium', apps: [APPS.macNew] },
  { extensionNumber: '302', firstName: 'Lena', lastName: 'Vogt', department: 'Engineering', site: BOSTON, activity: 'low', apps: [APPS.mac] },
  { extensionNumber: '303', firstName: 'Oskar', lastName: 'Nyberg', department: 'Engineering', site: BOSTON, activity: 'low', apps: [APPS.windows] },
  { extensionNumber: '304', firstName: 'Chiara', lastName: 'Benedetti', department: 'Engineering', site: BOSTON, activity: 'none', apps: [] },
  { extensionNumber: '305', firstName: 'Mei-Lin', lastName: 'Chao', department: 'Engineering', site: BOSTON, activity: 'none', apps: [], status: 'NotActivated' },
  { extensionNumber: '306', firstName: 'Declan', lastName: 'Murphy', department: 'Engineering', site: DENVER, activity: 'medium', apps: [APPS.windowsNew, APPS.ios] },
  { extensionNumber: '307', firstName: 'Anouk', lastName: 'de Vries', department: 'Engineering', site: DENVER, activity: 'low', apps: [APPS.web] },
  { extensionNumber: '308', firstName: 'Tomasz', lastName: 'Wolski', department: 'Engineering', site: DENVER, activity: 'medium', apps: [APPS.android] },
  { extensionNumber: '309', firstName: 'Grace', lastName: 'Adeyemi', department: 'Engineering', site: DENVER, activity: 'low', apps: [APPS.mac] },
  { extensionNumber: '310', firstName: 'Henrik', lastName: 'Dahl', department: 'Engineering', site: DENVER, activity: 'none', apps: [] },

  { extensionNumber: '007', firstName: 'Beatrice', lastName: 'Holloway', department: 'Finance', site: BOSTON, activity: 'medium', apps: [APPS.polycom, APPS.windows] },
  { extensionNumber: '012', firstName: 'José', lastName: 'Ramírez', department: 'Finance', site: BOSTON, activity: 'medium', apps: [APPS.windows] },
  { extensionNumber: '023', firstName: 'Nadia', lastName: 'Petrova', department: 'Finance', site: BOSTON, activity: 'low', apps: [APPS.web] },
  { extensionNumber: '034', firstName: 'Olumide', lastName: 'Bakare', department: 'Finance', site: BOSTON, activity: 'none', apps: [] },
  { extensionNumber: '045', firstName: 'Sofia', lastName: 'Lindgren', department: 'Finance', site: DENVER, activity: 'none', apps: [], status: 'Frozen' },
  { extensionNumber: '058', firstName: 'Yusuf', lastName: 'Karim', department: 'Finance', site: DENVER, activity: 'low', apps: [APPS.ios] },
];

interface SharedExtensionRow {
  extensionNumber: string;
  name: string;
  type: ExtensionType;
  department: string;
  site: Site;
  email: string;
  apps: ClientApp[];
}

// Call queues (type Department), a conference room phone and a lobby phone with a Limited extension:
// all of them appear in the call log, none of them is a person.
const SHARED_EXTENSIONS: SharedExtensionRow[] = [
  { extensionNumber: '500', name: 'Sales Line', type: 'Department', department: 'Sales', site: BOSTON, email: 'sales@example.com', apps: [] },
  { extensionNumber: '501', name: 'Support Line', type: 'Department', department: 'Support', site: DENVER, email: 'support@example.com', apps: [] },
  { extensionNumber: '600', name: 'Boston Board Room', type: 'Room', department: '', site: BOSTON, email: 'boardroom.boston@example.com', apps: [APPS.polycom] },
  { extensionNumber: '700', name: 'Denver Lobby Phone', type: 'Limited', department: '', site: DENVER, email: 'lobby.denver@example.com', apps: [APPS.yealink] },
];

/** The whole directory, in extension-id order: 36 people, then the 4 shared extensions. */
export const EXTENSIONS: readonly Extension[] = buildDirectory();

function buildDirectory(): Extension[] {
  const people = PEOPLE.map((row, index): Extension => {
    const sequence = index + 1;
    const extension: Extension = {
      id: String(62345000 + sequence),
      extensionNumber: row.extensionNumber,
      firstName: row.firstName,
      lastName: row.lastName,
      name: `${row.firstName} ${row.lastName}`,
      email: row.email ?? `${emailPart(row.firstName)}.${emailPart(row.lastName)}@example.com`,
      department: row.department,
      site: row.site,
      status: row.status ?? 'Enabled',
      type: 'User',
      activity: row.activity,
      apps: row.apps,
      directNumber: directNumber(row.site, sequence),
      mobileNumber: `+1${row.site === BOSTON ? '339' : '303'}55501${String(sequence).padStart(2, '0')}`,
    };
    if (row.lastWorkingDay !== undefined) extension.lastWorkingDay = row.lastWorkingDay;
    return extension;
  });

  const shared = SHARED_EXTENSIONS.map((row, index): Extension => {
    const sequence = PEOPLE.length + index + 1;
    return {
      id: String(62345000 + sequence),
      extensionNumber: row.extensionNumber,
      firstName: row.name,
      lastName: '',
      name: row.name,
      email: row.email,
      department: row.department,
      site: row.site,
      status: 'Enabled',
      type: row.type,
      activity: 'none',
      apps: row.apps,
      directNumber: row.type === 'Department' ? MAIN_NUMBER : directNumber(row.site, sequence),
    };
  });

  return [...people, ...shared];
}

/** Boston numbers use area code 857 and Denver numbers 720; the line is 555-01xx with xx the sequence. */
function directNumber(site: Site, sequence: number): string {
  return `+1${site === BOSTON ? '857' : '720'}55501${String(sequence).padStart(2, '0')}`;
}

/** Lower-cases a name for an e-mail address and drops accents, apostrophes and spaces. */
function emailPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z-]/g, '')
    .toLowerCase();
}

export function isPerson(extension: Extension): boolean {
  return extension.type === 'User';
}

/** People who place and answer calls: enabled (or disabled later in the period) and not `none`. */
export function callingPeople(): Extension[] {
  return EXTENSIONS.filter((extension) => isPerson(extension) && extension.activity !== 'none');
}

export function extensionByNumber(extensionNumber: string): Extension {
  const extension = EXTENSIONS.find((candidate) => candidate.extensionNumber === extensionNumber);
  if (extension === undefined) throw new Error(`organisation: no extension ${extensionNumber} in the directory`);
  return extension;
}
