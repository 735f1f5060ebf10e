import { describe, expect, it } from 'vitest';
import { MAX_SHEET_NAME_LENGTH, partSheetName, uniqueSheetName } from '../../lib/workbook/sheet-names';

describe('uniqueSheetName', () => {
  it.each([
    ['plain name', 'KPIs', [], 'KPIs'],
    ['forbidden characters', 'a:b\\c/d?e*f[g]h', [], 'a_b_c_d_e_f_g_h'],
    ['apostrophes at the ends', "'Quoted'", [], 'Quoted'],
    ['empty name', '', [], 'Sheet'],
    ['only apostrophes', "''", [], 'Sheet'],
    ['reserved name', 'History', [], 'History (2)'],
    ['taken name', 'KPIs', ['KPIs'], 'KPIs (2)'],
    ['taken in another case', 'kpis', ['KPIs', 'KPIS (2)'], 'kpis (3)'],
    ['long name', 'A'.repeat(40), [], 'A'.repeat(31)],
    ['long taken name', 'A'.repeat(40), ['A'.repeat(31)], `${'A'.repeat(27)} (2)`],
    ['cut before a space', `${'A'.repeat(30)} B`, [], 'A'.repeat(30)],
  ])('%s', (_case, requested, existing, expected) => {
    expect(uniqueSheetName(requested, existing)).toBe(expected);
  });
});

describe('partSheetName', () => {
  it('numbers parts after the first', () => {
    expect(partSheetName('User Table', 1)).toBe('User Table');
    expect(partSheetName('User Table', 2)).toBe('User Table (2)');
    expect(partSheetName('Message User Table', 12)).toBe('Message User Table (12)');
  });

  it('keeps the part number within 31 characters', () => {
    const name = partSheetName('B'.repeat(40), 3);
    expect(name).toHaveLength(MAX_SHEET_NAME_LENGTH);
    expect(name.endsWith(' (3)')).toBe(true);
  });
});
