import { describe, expect, test } from 'vitest';
import { formatBytes, formatElapsed } from '../../components/format';

describe('formatBytes', () => {
  test.each([
    [0, '0 bytes'],
    [512, '512 bytes'],
    [1536, '1.5 KB'],
    [39_000_000, '37.2 MB'],
    [3 * 1024 ** 3, '3 GB'],
    [5 * 1024 ** 4, '5,120 GB'],
  ])('%d bytes read %j', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('formatElapsed', () => {
  test.each([
    [0, '0 s'],
    [999, '0 s'],
    [59_999, '59 s'],
    [60_000, '1 min 00 s'],
    [125_400, '2 min 05 s'],
    [-20, '0 s'],
  ])('%d ms read %j', (milliseconds, text) => {
    expect(formatElapsed(milliseconds)).toBe(text);
  });
});
