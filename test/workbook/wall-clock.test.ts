import { describe, expect, it } from 'vitest';
import { dayEnd, dayStart, toWallClock } from '../../lib/workbook/wall-clock';

const utc = (text: string): number => Date.parse(`${text}Z`);

describe('toWallClock', () => {
  it.each([
    ['New York before spring forward', '2026-03-08T06:59:59', 'America/New_York', '2026-03-08T01:59:59'],
    ['New York after spring forward', '2026-03-08T07:00:00', 'America/New_York', '2026-03-08T03:00:00'],
    ['New York first 01:30 in autumn', '2026-11-01T05:30:00', 'America/New_York', '2026-11-01T01:30:00'],
    ['New York second 01:30 in autumn', '2026-11-01T06:30:00', 'America/New_York', '2026-11-01T01:30:00'],
    ['Berlin before spring forward', '2026-03-29T00:59:59', 'Europe/Berlin', '2026-03-29T01:59:59'],
    ['Berlin after spring forward', '2026-03-29T01:00:00', 'Europe/Berlin', '2026-03-29T03:00:00'],
    ['Berlin first 02:30 in autumn', '2026-10-25T00:30:00', 'Europe/Berlin', '2026-10-25T02:30:00'],
    ['Berlin second 02:30 in autumn', '2026-10-25T01:30:00', 'Europe/Berlin', '2026-10-25T02:30:00'],
    ['Kolkata half-hour offset', '2026-05-08T18:30:00', 'Asia/Kolkata', '2026-05-09T00:00:00'],
    ['St Johns half-hour offset', '2026-01-15T12:00:00', 'America/St_Johns', '2026-01-15T08:30:00'],
    ['Lord Howe half-hour DST', '2026-01-15T12:00:00', 'Australia/Lord_Howe', '2026-01-15T23:00:00'],
    ['UTC midnight', '2026-05-08T00:00:00', 'UTC', '2026-05-08T00:00:00'],
  ])('%s', (_case, instant, timeZone, expected) => {
    expect(new Date(toWallClock(utc(instant), timeZone)).toISOString()).toBe(`${expected}.000Z`);
  });

  it('keeps milliseconds', () => {
    expect(toWallClock(utc('2026-05-08T10:00:00.250'), 'Asia/Kolkata')).toBe(utc('2026-05-08T15:30:00.250'));
  });

  it('rejects an unknown time zone', () => {
    expect(() => toWallClock(0, 'Mars/Olympus_Mons')).toThrow(/Invalid time zone "Mars\/Olympus_Mons"/);
  });
});

describe('dayStart and dayEnd', () => {
  it('return the first and last second of a day', () => {
    expect(new Date(dayStart('2026-05-08')).toISOString()).toBe('2026-05-08T00:00:00.000Z');
    expect(new Date(dayEnd('2026-05-14')).toISOString()).toBe('2026-05-14T23:59:59.000Z');
  });

  it('accepts a leap day', () => {
    expect(new Date(dayStart('2028-02-29')).toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });

  it.each(['2026-02-29', '2026-13-01', '2026-5-8', '08.05.2026', '', '2026-05-08T00:00'])('rejects "%s"', (day) => {
    expect(() => dayStart(day)).toThrow(/expected a calendar date as YYYY-MM-DD/);
  });
});
