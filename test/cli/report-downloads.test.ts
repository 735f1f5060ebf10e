import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { half } from '../support/adoption-workbooks';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `npm run report` (which builds the CLI first) with `args`, from the project folder. */
function runReport(args: string[]) {
  return spawnSync('npm', ['run', '--silent', 'report', '--', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
}

describe('npm run report with downloaded workbooks', () => {
  let folder: string;
  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'adoption-downloads-'));
    for (const [name, from, to] of [
      ['h1.xlsx', '2026-01-01', '2026-06-30'],
      ['h2.xlsx', '2026-07-01', '2026-12-31'],
      ['q2.xlsx', '2026-04-01', '2026-06-30'],
    ] as const) {
      writeFileSync(path.join(folder, name), (await half(name, from, to)).bytes);
    }
  });
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  test('merges two half-years into one year', async () => {
    const out = path.join(folder, 'out');
    const run = runReport(['--tz', 'America/New_York', '--out', out, path.join(folder, 'h1.xlsx'), path.join(folder, 'h2.xlsx')]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Phone, 2026-01-01 to 2026-12-31 (America/New_York)');
    expect(run.stdout).toContain('  Calls: not available from downloaded workbooks');
    expect(run.stdout).toContain('  Active users: 1 user');
    expect(run.stdout).not.toContain('Last Used times in');

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(path.join(out, 'Phone_Adoption_and_Usage_2026-01-01_to_2026-12-31.xlsx')) as unknown as ExcelJS.Buffer);
    const users = book.getWorksheet('User Table')!;
    // Alice's two endpoints, each summed over both halves, then inactive Bob.
    expect(users.getRow(2).getCell(8).value).toBe('Desk phone');
    expect(users.getRow(2).getCell(11).value).toBe(6);
    expect(users.getRow(2).getCell(12).value).toBe(8);
    expect(users.getRow(3).getCell(11).value).toBe(2);
    expect(users.getRow(4).getCell(5).value).toBe('Inactive');
    expect(users.rowCount).toBe(4);
  });

  test('rejects an overlapping download', () => {
    const run = runReport(['--tz', 'America/New_York', '--out', path.join(folder, 'none'), path.join(folder, 'h1.xlsx'), path.join(folder, 'q2.xlsx')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Not loaded: q2.xlsx: its Phone period 2026-04-01 to 2026-06-30 overlaps h1.xlsx (2026-01-01 to 2026-06-30)');
    expect(run.stderr).toContain('No workbook was written.');
  });
});
