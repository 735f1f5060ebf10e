import { describe, expect, test } from 'vitest';
import { virtualWindow } from '../../components/virtual-window';

const base = { rowCount: 100_000, rowHeight: 32, viewportHeight: 320, overscan: 5 };

describe('virtualWindow', () => {
  test('starts at the top', () => {
    expect(virtualWindow({ ...base, scrollTop: 0 })).toEqual({ start: 0, end: 16, paddingTop: 0, paddingBottom: (100_000 - 16) * 32 });
  });

  test('follows the scroll position', () => {
    // Row 1000 is the first visible one; 11 rows fit (10 and a part), plus 5 above and below.
    expect(virtualWindow({ ...base, scrollTop: 32_000 })).toEqual({
      start: 995,
      end: 1016,
      paddingTop: 995 * 32,
      paddingBottom: (100_000 - 1016) * 32,
    });
  });

  test('stops at the last row', () => {
    const window = virtualWindow({ ...base, scrollTop: 100_000 * 32 });
    expect(window.end).toBe(100_000);
    expect(window.paddingBottom).toBe(0);
    expect(window.start).toBeLessThanOrEqual(window.end);
  });

  test('keeps the total height constant', () => {
    for (const scrollTop of [0, 17, 32_000, 1_234_567, 3_199_680]) {
      const window = virtualWindow({ ...base, scrollTop });
      expect(window.paddingTop + (window.end - window.start) * 32 + window.paddingBottom).toBe(100_000 * 32);
    }
  });

  test('renders a short list whole', () => {
    expect(virtualWindow({ ...base, rowCount: 3, scrollTop: 0 })).toEqual({ start: 0, end: 3, paddingTop: 0, paddingBottom: 0 });
  });

  test('handles an empty list', () => {
    expect(virtualWindow({ ...base, rowCount: 0, scrollTop: 50 })).toEqual({ start: 0, end: 0, paddingTop: 0, paddingBottom: 0 });
  });
});
