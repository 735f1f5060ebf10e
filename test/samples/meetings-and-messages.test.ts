import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../lib/engine/database';
import { FORMATS } from '../../lib/formats/index';
import type { LoadResult } from '../../lib/formats/format';
import type { SampleFile } from '../../lib/samples/index';
import { generateSamples } from '../../lib/samples/index';
import { planMeetings } from '../../lib/samples/meeting-plan';
import { isMessage, planMessaging } from '../../lib/samples/messaging-plan';
import { openDatabaseWithSchema, sniffBytes } from '../formats/helpers';

// Expected counts come from the generator's plan or its facts files, never from the product, so each check
// compares what the formats read with what the generator meant to write.
const SAMPLE_FILES = ['meeting-history.json', 'messaging-export.zip', 'expected/video-facts.md', 'expected/message-facts.md'];
const MAX_SAMPLE_BYTES = 250 * 1024;

let files: SampleFile[];
let db: Database;

beforeAll(async () => {
  files = await generateSamples();
  db = await openDatabaseWithSchema();
});

afterAll(() => {
  db.run('DELETE FROM events; DELETE FROM identities');
});

function generated(name: string): Uint8Array {
  const file = files.find((candidate) => candidate.name === name);
  if (file === undefined) throw new Error(`generateSamples returned no ${name}`);
  return file.bytes;
}

function committed(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../samples/${name}`, import.meta.url)));
}

/** Sniffs a sample, checks which format recognises it, and loads it into a fresh set of tables. */
async function loadSample(name: string, formatId: string): Promise<LoadResult> {
  db.run('DELETE FROM events; DELETE FROM identities');
  const file = await sniffBytes(name, generated(name));
  const format = FORMATS.find((candidate) => candidate.recognise(file));
  expect(format?.id).toBe(formatId);
  return db.transaction(() => format!.load({ db, fileId: 1, file }));
}

const count = (sql: string): number => Number(db.query<{ n: unknown }>(sql)[0]?.n);

interface MeetingJson {
  id: string;
  hostInfo: { extensionId: string };
  participants: { id?: string; extensionId?: string }[];
}

function meetingRecords(): MeetingJson[] {
  return (JSON.parse(new TextDecoder().decode(generated('meeting-history.json'))) as { meetings: MeetingJson[] }).meetings;
}

interface PostJson {
  id: string;
  type: string;
  text: string;
  deleted: boolean;
  attachments: unknown[];
}

function archive(): Record<string, Uint8Array> {
  return unzipSync(generated('messaging-export.zip'));
}

function archiveRecords<T>(entries: Record<string, Uint8Array>, name: string): T[] {
  return (JSON.parse(new TextDecoder().decode(entries[name])) as { records: T[] }).records;
}

describe('meeting and messaging samples', () => {
  test.each(SAMPLE_FILES)('%s equals the committed file byte for byte', (name) => {
    expect(Buffer.compare(generated(name), committed(name)), `run npm run samples and commit samples/${name}`).toBe(0);
  });

  test.each(['meeting-history.json', 'messaging-export.zip'])('%s stays under 250 KB', (name) => {
    expect(generated(name).byteLength).toBeLessThan(MAX_SAMPLE_BYTES);
  });
});

describe('meeting history sample', () => {
  test('lists one meeting twice', () => {
    const ids = meetingRecords().map((meeting) => meeting.id);
    expect(ids.length - new Set(ids).size).toBe(1);
    expect(new Set(ids).size).toBeGreaterThanOrEqual(70);
    expect(new Set(ids).size).toBeLessThanOrEqual(90);
  });

  test('contains rejoins, guests and listed hosts', () => {
    const meetings = meetingRecords();
    const rejoins = meetings.filter((meeting) => {
      const ids = meeting.participants.flatMap((entry) => (entry.extensionId === undefined ? [] : [entry.extensionId]));
      return ids.length > new Set(ids).size;
    });
    expect(rejoins.length).toBeGreaterThan(5);
    expect(meetings.some((meeting) => meeting.participants.some((entry) => entry.extensionId === undefined && entry.id === undefined))).toBe(true);
    expect(meetings.some((meeting) => meeting.participants.some((entry) => entry.extensionId === meeting.hostInfo.extensionId))).toBe(true);
    expect(meetings.some((meeting) => !meeting.participants.some((entry) => entry.extensionId === meeting.hostInfo.extensionId))).toBe(true);
  });

  test('loads as the generator planned', async () => {
    const plan = planMeetings();

    const result = await loadSample('meeting-history.json', 'ringcentral-meeting-history-json');

    expect(result.notes).toContain('Skipped 1 meeting listed twice in the file (same meeting id).');
    expect(count(`SELECT count(DISTINCT session_id) AS n FROM events`)).toBe(plan.length);
    expect(count(`SELECT count(*) AS n FROM events WHERE role = 'host'`)).toBe(plan.length);
    expect(count(`SELECT count(*) AS n FROM events WHERE role = 'participant'`)).toBe(plan.reduce((sum, meeting) => sum + meeting.entries.length, 0));
    expect(count(`SELECT sum(duration_s) AS n FROM events WHERE role = 'host'`)).toBe(plan.reduce((sum, meeting) => sum + meeting.duration, 0));
  });

  test('participants match the facts file', async () => {
    const facts = new TextDecoder().decode(generated('expected/video-facts.md'));
    const participants = /hosts included where they are listed\), summed over meetings: (\d+);/.exec(facts)?.[1];
    const withoutHosts = /The same without each meeting's host: (\d+)\./.exec(facts)?.[1];
    await loadSample('meeting-history.json', 'ringcentral-meeting-history-json');

    expect(count(`SELECT count(*) AS n FROM (SELECT DISTINCT session_id, record_id FROM events WHERE role = 'participant')`)).toBe(Number(participants));
    expect(
      count(
        `SELECT count(*) AS n FROM (
           SELECT DISTINCT p.session_id, p.record_id FROM events p
           JOIN events h ON h.session_id = p.session_id AND h.role = 'host'
           WHERE p.role = 'participant' AND p.user_platform_id IS DISTINCT FROM h.user_platform_id)`,
      ),
    ).toBe(Number(withoutHosts));
  });

  test('host counts match the plan', async () => {
    const plan = planMeetings();
    await loadSample('meeting-history.json', 'ringcentral-meeting-history-json');

    const hosted = db.query<{ id: string; n: bigint }>(
      `SELECT user_platform_id AS id, count(*) AS n FROM events WHERE role = 'host' GROUP BY 1 ORDER BY 1`,
    );
    const expected = new Map<string, number>();
    for (const meeting of plan) expected.set(meeting.host.id, (expected.get(meeting.host.id) ?? 0) + 1);
    expect(hosted.map((row) => [row.id, Number(row.n)])).toEqual([...expected].sort(([a], [b]) => a.localeCompare(b)));
  });
});

describe('messaging export sample', () => {
  test('splits posts over two files', () => {
    const entries = archive();
    expect(Object.keys(entries).sort()).toEqual([
      'chats/chats_1.json',
      'members/members_1.json',
      'posts/posts_1.json',
      'posts/posts_2.json',
      'tasks/tasks_1.json',
    ]);
    expect(archiveRecords(entries, 'posts/posts_1.json')).toHaveLength(400);
    expect(archiveRecords(entries, 'posts/posts_2.json').length).toBeGreaterThan(100);
  });

  test('contains deleted, system, edited and file-only posts', () => {
    const entries = archive();
    const posts = [...archiveRecords<PostJson>(entries, 'posts/posts_1.json'), ...archiveRecords<PostJson>(entries, 'posts/posts_2.json')];
    const ids = posts.map((post) => post.id);
    expect(posts.filter((post) => post.deleted).length).toBeGreaterThan(5);
    expect(new Set(posts.map((post) => post.type))).toEqual(new Set(['TextMessage', 'PersonsAdded', 'PersonJoined']));
    expect(ids.length - new Set(ids).size).toBeGreaterThan(3);
    expect(posts.filter((post) => post.text === '' && post.attachments.length > 0 && !post.deleted).length).toBeGreaterThan(5);
  });

  test('chats cover every type', () => {
    const types = archiveRecords<{ type: string }>(archive(), 'chats/chats_1.json').map((chat) => chat.type);
    expect(new Set(types)).toEqual(new Set(['Everyone', 'Team', 'Group', 'Direct', 'Personal']));
  });

  test('loads as the generator planned', async () => {
    const plan = planMessaging();
    const messages = plan.posts.filter(isMessage);

    await loadSample('messaging-export.zip', 'ringcentral-messaging-export-zip');

    expect(count(`SELECT count(*) AS n FROM events WHERE channel = 'message'`)).toBe(messages.length);
    expect(count(`SELECT count(*) AS n FROM events WHERE attachments > 0`)).toBe(messages.filter((post) => post.attachments.length > 0).length);
    expect(count(`SELECT count(DISTINCT session_id) AS n FROM events`)).toBe(new Set(messages.map((post) => post.chat.id)).size);
    expect(count(`SELECT count(*) AS n FROM identities`)).toBe(plan.members.length);
    expect(count(`SELECT count(*) AS n FROM events WHERE action IS NULL`)).toBe(0);
  });

  test('messages match the facts file', async () => {
    const facts = new TextDecoder().decode(generated('expected/message-facts.md'));
    const messages = /^- Messages: (\d+)\. Files shared \(messages with at least one attachment\): (\d+),/m.exec(facts);
    const conversations = /^- Conversations with messages \(distinct chats\): (\d+) of/m.exec(facts)?.[1];
    await loadSample('messaging-export.zip', 'ringcentral-messaging-export-zip');

    expect(count(`SELECT count(*) AS n FROM events`)).toBe(Number(messages?.[1]));
    expect(count(`SELECT count(*) AS n FROM events WHERE attachments > 0`)).toBe(Number(messages?.[2]));
    expect(count(`SELECT count(DISTINCT session_id) AS n FROM events`)).toBe(Number(conversations));
  });

  test('messages per creator match the plan', async () => {
    const plan = planMessaging();
    await loadSample('messaging-export.zip', 'ringcentral-messaging-export-zip');

    const perCreator = db.query<{ id: string; n: bigint }>(`SELECT user_platform_id AS id, count(*) AS n FROM events GROUP BY 1 ORDER BY 1`);
    const expected = new Map<string, number>();
    for (const post of plan.posts.filter(isMessage)) expected.set(post.creator.id, (expected.get(post.creator.id) ?? 0) + 1);
    expect(perCreator.map((row) => [row.id, Number(row.n)])).toEqual([...expected].sort(([a], [b]) => a.localeCompare(b)));
  });
});
