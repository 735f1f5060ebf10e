import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeCallLog, type CallLogStats } from '../../bench/generate/call-log';
import { benchUsers, writeUsersList } from '../../bench/generate/users';
import { openNodeDatabase } from '../../lib/engine/duckdb-node';
import { createEngine } from '../../lib/engine/engine';
import { pathSource } from '../../lib/engine/source-node';
import { DEFAULT_THRESHOLDS, type ChannelReport, type ImportSummary } from '../../lib/engine/types';

const MASTERS = 3000;
const USERS = 400;

let folder: string;
let callLog: string;
let usersList: string;
let stats: CallLogStats;
const users = benchUsers(USERS);

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'bench-files-test-'));
  callLog = path.join(folder, 'call-log.csv');
  usersList = path.join(folder, 'users.csv');
  stats = await writeCallLog(callLog, { masters: MASTERS, users, year: 2025 });
  await writeUsersList(usersList, users);
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('benchmark call log', () => {
  test('same options give the same bytes', async () => {
    const again = path.join(folder, 'again.csv');
    await writeCallLog(again, { masters: MASTERS, users, year: 2025 });
    const digest = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');
    expect(await digest(again)).toBe(await digest(callLog));
  });

  test('rows have the portal shape', async () => {
    const lines = (await readFile(callLog, 'utf8')).split('\r\n').filter((line) => line !== '');
    expect(lines[0]).toMatch(/^Call Log - .+ - 01\/01\/2025 to 12\/31\/2025$/);
    expect(lines[1]).toBe(
      'Type,CallId,SessionId,Leg,Direction,From,To,Extension,Forwarded To,Name,Date,Time,Action,Action Result,Result Description,Duration,Included,Purchased,Site',
    );
    const masters = lines.slice(2).filter((line) => !line.startsWith(',,,'));
    const legs = lines.slice(2).filter((line) => line.startsWith(',,,'));
    expect(masters).toHaveLength(MASTERS);
    expect(legs).toHaveLength(stats.legs);
    expect(stats.legs / MASTERS).toBeGreaterThan(0.9);
    expect(stats.legs / MASTERS).toBeLessThan(1.1);
    for (const line of masters) {
      expect(line).toMatch(/,(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2}\/\d{1,2}\/2025,\d{1,2}:\d{2}:\d{2} [AP]M,/);
      expect(line).toMatch(/,\d+:\d{2}:\d{2},\$0\.00,\$0\.00,/);
    }
  });

  test('dates are newest first', async () => {
    const lines = (await readFile(callLog, 'utf8')).split('\r\n').slice(2);
    const dates = lines.flatMap((line) => {
      const match = /,\w{3} (\d{1,2})\/(\d{1,2})\/(\d{4}),/.exec(line);
      return match ? [Date.UTC(Number(match[3]), Number(match[1]) - 1, Number(match[2]))] : [];
    });
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });
});

describe('benchmark files in the engine', () => {
  let summaries: ImportSummary[];
  let report: ChannelReport;

  beforeAll(async () => {
    const engine = createEngine({ database: openNodeDatabase(), toSource: pathSource, productVersion: 'test' });
    const outcomes = await engine.loadFiles({ files: [usersList, callLog] });
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([]);
    summaries = await engine.listFiles();
    report = await engine.report({
      channel: 'phone',
      period: { from: stats.firstDate, to: stats.lastDate },
      timeZone: 'America/New_York',
      thresholds: DEFAULT_THRESHOLDS,
    });
  });

  test('users list loads every user', () => {
    expect(summaries[0]?.formatId).toBe('ringcentral-users-list');
    expect(summaries[0]?.rowsUsed).toBe(USERS);
  });

  test('call log loads masters as calls', () => {
    expect(summaries[1]?.formatId).toBe('ringcentral-call-log-csv');
    expect(summaries[1]?.rowsRead).toBe(MASTERS + stats.legs);
    expect(summaries[1]?.rowsUsed).toBe(MASTERS - stats.faxes);
  });

  test('report counts every call and user', () => {
    const population = users.filter((user) => user.status !== 'Disabled' && user.type === 'User').length;
    const calls = report.kpis.find((kpi) => kpi.id === 'calls')?.value;
    expect(calls).toBe(MASTERS - stats.faxes);
    expect(report.kpis.find((kpi) => kpi.id === 'users')?.value).toBe(population);
  });
});
