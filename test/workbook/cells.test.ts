import { describe, expect, it } from 'vitest';
import {
  cleanText,
  CUT_NOTE,
  DECIMAL_FORMAT,
  formattedNumberCell,
  identifierCell,
  MAX_CELL_TEXT_LENGTH,
  numberCell,
  percentCell,
  TEXT_FORMAT,
  textCell,
} from '../../lib/workbook/cells';

describe('cleanText', () => {
  it.each([
    ['plain text', 'Alice Archer', 'Alice Archer'],
    ['formula-like text', '=SUM(A1)', '=SUM(A1)'],
    ['plus sign', '+49 30 1234', '+49 30 1234'],
    ['minus sign', '-2+3', '-2+3'],
    ['at sign', '@cmd', '@cmd'],
    ['leading tab', '\tx', '\tx'],
    ['line feed', 'a\nb', 'a\nb'],
    ['carriage return', '\rx\r\n', 'x\n'],
    ['NUL and bell', 'a\u0000b\u0007c', 'abc'],
    ['escape and unit separator', '\u001B[31m\u001F', '[31m'],
    ['DEL', 'a\u007Fb', 'ab'],
    ['XML non-characters', 'a\uFFFEb\uFFFF', 'ab'],
    ['non-Latin text', 'Zoë 日本 😀', 'Zoë 日本 😀'],
    ['lone high surrogate', 'a\uD83Db', 'a\uFFFDb'],
    ['lone low surrogate', '\uDE00a', '\uFFFDa'],
  ])('%s', (_case, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('keeps text at the cell limit whole', () => {
    const text = 'x'.repeat(MAX_CELL_TEXT_LENGTH);
    expect(cleanText(text)).toBe(text);
  });

  it('cuts text one character over the limit', () => {
    const cut = cleanText('x'.repeat(MAX_CELL_TEXT_LENGTH + 1));
    expect(cut).toHaveLength(MAX_CELL_TEXT_LENGTH);
    expect(cut.endsWith(`x${CUT_NOTE}`)).toBe(true);
  });

  it('never splits a surrogate pair when cutting', () => {
    const keep = MAX_CELL_TEXT_LENGTH - CUT_NOTE.length;
    const cut = cleanText(`${'x'.repeat(keep - 1)}😀${'x'.repeat(10)}`);
    expect(cut).toBe(`${'x'.repeat(keep - 1)}${CUT_NOTE}`);
  });

  it('measures the limit after removing control characters', () => {
    const text = `${'x'.repeat(MAX_CELL_TEXT_LENGTH)}\u0000\u0000`;
    expect(cleanText(text)).toBe('x'.repeat(MAX_CELL_TEXT_LENGTH));
  });
});

describe('cell values', () => {
  it('textCell leaves empty text empty', () => {
    expect(textCell('')).toEqual({ value: null });
    expect(textCell('\u0007')).toEqual({ value: null });
  });

  it('identifierCell uses the Text format', () => {
    expect(identifierCell('0042')).toEqual({ value: '0042', numFmt: TEXT_FORMAT });
    expect(identifierCell('')).toEqual({ value: null });
  });

  it('numberCell formats fractions only', () => {
    expect(numberCell(12)).toEqual({ value: 12, numFmt: undefined });
    expect(numberCell(2.345)).toEqual({ value: 2.345, numFmt: DECIMAL_FORMAT });
    expect(numberCell(null)).toEqual({ value: null });
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('numberCell rejects %s', (value) => {
    expect(() => numberCell(value)).toThrow(/Excel stores only finite numbers/);
    expect(() => percentCell(value)).toThrow(/Excel stores only finite numbers/);
  });
});

describe('formattedNumberCell', () => {
  it('keeps the given format for whole numbers', () => {
    expect(formattedNumberCell(12, '#,##0')).toEqual({ value: 12, numFmt: '#,##0' });
  });

  it('leaves null empty', () => {
    expect(formattedNumberCell(null, '#,##0')).toEqual({ value: null });
  });

  it('rejects a number Excel cannot store', () => {
    expect(() => formattedNumberCell(Number.NaN, '#,##0')).toThrow(/finite/);
  });
});
