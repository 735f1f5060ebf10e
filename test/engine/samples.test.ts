import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { EngineApi } from '../../lib/engine/api';
import { openNodeDatabase } from '../../lib/engine/duckdb-node';
import { createEngine } from '../../lib/engine/engine';
import { pathSource } from '../../lib/engine/source-node';
import { DEFAULT_THRESHOLDS, type ChannelReport, type ReportRequest } from '../../lib/engine/types';
import { renderReport } from '../support/golden';
import { sampleFilePaths } from '../support/samples';

// Expected values below come from samples/expected/phone-facts.md, which the sample generator counts
// from its own plan of the calls, not from the product.
const request: ReportRequest = {
  channel: 'phone',
  period: { from: '2026-05-04', to: '2026-05-24' },
  timeZone: 'America/New_York',
  thresholds: DEFAULT_THRESHOLDS,
};
const expectedFile = new URL('../expected/sample-phone.txt', import.meta.url);

async function loadedEngine(paths: string[]): Promise<EngineApi<string>> {
  const engine = createEngine({ database: openNodeDatabase(), toSource: pathSource, productVersion: 'test' });
  const outcomes = await engine.loadFiles({ files: paths });
  expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([]);
  return engine;
}

const kpi = (report: ChannelReport, id: string) => report.kpis.find((item) => item.id === id)?.value;

describe('engine on the sample exports', () => {
  let engine: EngineApi<string>;
  let report: ChannelReport;

  beforeAll(async () => {
    engine = await loadedEngine(sampleFilePaths());
    report = await engine.report(request);
  });

  test('counts calls as the generator planned them', () => {
    // JSON 413 calls + CSV 145 + 20 usage rows of their own.
    expect(kpi(report, 'calls')).toBe(578);
    // Inbound: JSON 158 + CSV 54 + 10 own inbound rows; answered inbound: 118 + 40 + 10.
    expect(kpi(report, 'inbound_calls')).toBe(222);
    expect(kpi(report, 'answered_inbound_calls')).toBe(168);
    expect(kpi(report, 'outbound_calls')).toBe(238);
    expect(kpi(report, 'internal_calls')).toBe(118);
    expect(kpi(report, 'missed_inbound_calls')).toBe(13);
    expect(kpi(report, 'voicemail_calls')).toBe(35);
    expect(kpi(report, 'abandoned_calls')).toBe(5);
    expect(kpi(report, 'other_result_calls')).toBe(1);
    // 117243 s + 48419 s + 4183 s of talk.
    expect(kpi(report, 'talk_minutes')).toBeCloseTo(169_845 / 60, 9);
  });

  test('counts the population from the users lists', () => {
    expect(kpi(report, 'users')).toBe(33);
    // Six people of the population never place or answer a call.
    expect(kpi(report, 'active_users')).toBe(27);
    expect(kpi(report, 'inactive_users')).toBe(6);
  });

  test('counts each person as the generator planned', () => {
    const calls = (name: string) => report.users.find((user) => user.userName === name)?.channelCount;
    // JSON uses + CSV uses + usage rows of their own.
    expect(calls('Avery Lindqvist')).toBe(44 + 8 + 1);
    expect(calls('Yusuf Karim')).toBe(4 + 2 + 4);
    // Matched by extension 012 alone in the usage events.
    expect(calls('José Ramírez')).toBe(15 + 7);
    // Disabled: not in the User Table although she made calls.
    expect(calls('Margaret Ashdown')).toBeUndefined();
    expect(report.users.find((user) => user.userName === 'Tobias Ferreira')?.userStatus).toBe('Inactive');
  });

  test('counts meetings as the generator planned them', async () => {
    // From samples/expected/video-facts.md.
    const video = await engine.report({ ...request, channel: 'video' });
    expect(kpi(video, 'meetings')).toBe(82);
    expect(kpi(video, 'meeting_minutes')).toBeCloseTo(175_928 / 60, 9);
    expect(kpi(video, 'participants')).toBe(368);
    expect(kpi(video, 'active_hosts')).toBe(23);
    expect(kpi(video, 'active_users')).toBe(27);
    const avery = video.users.find((user) => user.userName === 'Avery Lindqvist');
    expect([avery?.channelCount, avery?.hostCount, avery?.participantCount]).toEqual([31, 8, 23]);
  });

  test('counts messages as the generator planned them', async () => {
    // From samples/expected/message-facts.md.
    const message = await engine.report({ ...request, channel: 'message' });
    expect(kpi(message, 'messages_sent')).toBe(593);
    expect(kpi(message, 'files_shared')).toBe(44);
    expect(kpi(message, 'conversations_with_messages')).toBe(25);
    expect(kpi(message, 'active_users')).toBe(27);
    expect(message.users.find((user) => user.userName === 'Marcus Oyelaran')?.channelCount).toBe(46);
  });

  test('keeps the latest version of an endpoint', () => {
    const avery = report.users.find((user) => user.userName === 'Avery Lindqvist' && user.endpoint === 'RingCentral app for Windows');
    expect(avery?.version).toBe('25.1.10');
  });

  test('matches the expected report file', () => {
    const rendered = renderReport(report);
    if (process.env.UPDATE_EXPECTED === '1') writeFileSync(expectedFile, rendered);
    expect(rendered).toBe(readFileSync(expectedFile, 'utf8'));
  });

  test('gives the same report for reversed and repeated files', async () => {
    const paths = sampleFilePaths();
    const again = await loadedEngine([...paths].reverse().concat(paths));
    expect(renderReport(await again.report(request))).toBe(renderReport(report));

    const repeated = (await again.listFiles()).slice(paths.length);
    expect(repeated.map((summary) => summary.notes.at(-1))).toEqual(
      paths.map((path) => `This file has the same content as ${path.split('/').at(-1)}, loaded before: what both hold counts once.`),
    );
  });

  test.each(['phone', 'video', 'message'] as const)('matches the expected %s KPIs for all the data', async (channel) => {
    // The workspace and the CLI default to the data's own range; the e2e tests check the cards and the
    // combined workbook against the same files.
    const range = await engine.dataRange({ channel, timeZone: request.timeZone });
    expect(range).toEqual({ channel, first: '2026-05-04', last: '2026-05-22' });
    const full = await engine.report({ ...request, channel, period: { from: range.first!, to: range.last! } });
    const values = Object.fromEntries(full.kpis.map((item) => [item.id, item.value]));
    const file = new URL(`../expected/sample-${channel}-kpis.json`, import.meta.url);
    if (process.env.UPDATE_EXPECTED === '1') writeFileSync(file, `${JSON.stringify(values, null, 2)}\n`);
    expect(values).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });

  test('writes a workbook that matches the expected files', async () => {
    const workbook = await engine.workbook({ ...request, author: { name: '', extension: '' }, generatedAt: 0 });
    expect(workbook.fileName).toBe('Phone_Adoption_and_Usage_2026-05-04_to_2026-05-24.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(workbook.bytes) as unknown as ExcelJS.Buffer);

    const expected = readFileSync(expectedFile, 'utf8');
    const section = (name: string) => expected.split(`# ${name}\n`)[1]!.split('\n#')[0]!.trim().split('\n');

    // The KPIs sheet lists the KPIs in the expected order with the expected values.
    const kpiSheet = book.getWorksheet('KPIs')!;
    const labels = new Map(report.kpis.map((item) => [item.label, item.id]));
    const kpiLines = section('kpis').map((line) => line.split(': ')[0]);
    const sheetKpis: string[] = [];
    kpiSheet.eachRow((row, number) => {
      const id = labels.get(String(row.getCell(1).value));
      if (number > 1 && id !== undefined && sheetKpis.length < kpiLines.length) {
        const value = row.getCell(2).value;
        sheetKpis.push(`${id}: ${typeof value === 'number' ? Number(value.toFixed(6)) : String(value)}`);
      }
    });
    expect(sheetKpis).toEqual(section('kpis'));

    // The User Table sheet contains the expected rows, cell by cell.
    const userRows: string[] = [];
    book.getWorksheet('User Table')!.eachRow((row, number) => {
      if (number === 1) return;
      const cells = Array.from({ length: 13 }, (_, index) => row.getCell(index + 1).value);
      const lastUsed = cells[9] instanceof Date ? cells[9].toISOString().slice(0, 19).replace('T', ' ') : '';
      const share = Number((cells[12] as number).toFixed(6));
      userRows.push([...cells.slice(0, 9).map((cell) => cell ?? ''), lastUsed, cells[10], cells[11], share].join(' | '));
    });
    expect(userRows).toEqual(section('users'));
  });

  test('leaves loaded data intact when a file fails', async () => {
    const outcomes = await engine.loadFiles({ files: [new URL('../expected/sample-phone.txt', import.meta.url).pathname] });
    expect(outcomes[0]?.ok).toBe(false);
    expect(renderReport(await engine.report(request))).toBe(renderReport(report));
  });
});
