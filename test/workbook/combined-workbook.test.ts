import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { WorkbookRequest } from '../../lib/engine/types';
import { buildCombinedWorkbook } from '../../lib/workbook/combined-workbook';
import { NO_DIRECTORY_NOTE } from '../../lib/workbook/general-sheet';
import { channelReport, GENERATED_AT, source, workbookRequest } from './fixtures';
import { readBack, rowValues, sheet, sheetNames } from './read-back';

const { ValueType } = ExcelJS;

function combinedRequest(): Omit<WorkbookRequest, 'channel'> {
  const { channel: _channel, ...request } = workbookRequest('phone');
  return request;
}

function reports() {
  return [channelReport('phone'), channelReport('video'), channelReport('message')];
}

describe('buildCombinedWorkbook', () => {
  it('names the file after the period', async () => {
    const built = await buildCombinedWorkbook({ reports: reports(), request: combinedRequest(), productVersion: '0.1.0' });
    expect(built.fileName).toBe('Adoption_and_Usage_2026-03-02_to_2026-03-08.xlsx');
  });

  it('writes General metrics then sheets per channel', async () => {
    const built = await buildCombinedWorkbook({ reports: reports(), request: combinedRequest(), productVersion: '0.1.0' });
    const workbook = await readBack(built.bytes);
    // Message, Video, Phone whatever the order of the reports passed in.
    expect(sheetNames(workbook)).toEqual([
      'General metrics',
      'Message KPIs',
      'Message User Table',
      'Video KPIs',
      'Video User Table',
      'Phone KPIs',
      'Phone User Table',
    ]);
    expect(workbook.created.getTime()).toBe(GENERATED_AT);
  });

  it('names the page All channels', async () => {
    const built = await buildCombinedWorkbook({ reports: reports(), request: combinedRequest(), productVersion: '0.1.0' });
    const general = sheet(await readBack(built.bytes), 'General metrics');
    expect(rowValues(general, 3)).toEqual(['Download page name', 'All channels']);
    expect(general.getCell('B4').type).toBe(ValueType.Date);
  });

  it('lists each source file once', async () => {
    const built = await buildCombinedWorkbook({ reports: reports(), request: combinedRequest(), productVersion: '0.1.0' });
    const general = sheet(await readBack(built.bytes), 'General metrics');
    const fileNames = [11, 12, 13, 14].map((row) => general.getCell(row, 1).value);
    expect(fileNames).toEqual(['users.csv', 'phone-log.csv', 'video-log.csv', 'message-log.csv']);
    expect(general.rowCount).toBe(14);
  });

  it('writes each channel with its own headers', async () => {
    const built = await buildCombinedWorkbook({ reports: reports(), request: combinedRequest(), productVersion: '0.1.0' });
    const workbook = await readBack(built.bytes);
    expect(sheet(workbook, 'Phone User Table').getCell('L1').value).toBe('Number of Calls');
    expect(sheet(workbook, 'Video User Table').getCell('O1').value).toBe('Participant Count');
    expect(sheet(workbook, 'Message User Table').getCell('M1').value).toBe('Percent of Messages');
    expect(sheet(workbook, 'Video KPIs').getCell('D8').value).toBe('Meets');
    expect(sheet(workbook, 'Message KPIs').views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet(workbook, 'Message User Table').autoFilter).toBe('A1:M6');
    expect(sheet(workbook, 'Phone User Table').getCell('B2').value).toBe('0042');
  });

  it('continues channel user tables past the row limit', async () => {
    const built = await buildCombinedWorkbook({
      reports: [channelReport('phone'), channelReport('message')],
      request: combinedRequest(),
      productVersion: '0.1.0',
      maxRowsPerSheet: 4,
    });
    expect(sheetNames(await readBack(built.bytes))).toEqual([
      'General metrics',
      'Message KPIs',
      'Message User Table',
      'Message User Table (2)',
      'Phone KPIs',
      'Phone User Table',
      'Phone User Table (2)',
    ]);
  });

  it('notes unknown inactive users when a report lacks a directory', async () => {
    const withoutDirectory = [channelReport('phone'), channelReport('video', { hasDirectory: false })];
    const built = await buildCombinedWorkbook({ reports: withoutDirectory, request: combinedRequest(), productVersion: '0.1.0' });
    const general = sheet(await readBack(built.bytes), 'General metrics');
    expect(general.getCell(general.rowCount, 1).value).toBe(NO_DIRECTORY_NOTE);
  });

  it('writes only General metrics without reports', async () => {
    const built = await buildCombinedWorkbook({ reports: [], request: combinedRequest(), productVersion: '0.1.0' });
    expect(sheetNames(await readBack(built.bytes))).toEqual(['General metrics']);
  });

  it('rejects two reports of one channel', async () => {
    const attempt = buildCombinedWorkbook({
      reports: [channelReport('phone'), channelReport('phone', { sources: [source(9, 'other.csv', ['phone'])] })],
      request: combinedRequest(),
      productVersion: '0.1.0',
    });
    await expect(attempt).rejects.toThrow(/The phone report is given twice/);
  });

  it('rejects a report in another time zone', async () => {
    const attempt = buildCombinedWorkbook({
      reports: [channelReport('video', { timeZone: 'Asia/Kolkata' })],
      request: combinedRequest(),
      productVersion: '0.1.0',
    });
    await expect(attempt).rejects.toThrow(/uses time zone Asia\/Kolkata, but the workbook request uses Europe\/Berlin/);
  });
});
