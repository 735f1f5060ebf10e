import { describe, expect, test } from 'vitest';
import { type ForgottenItems, describeForgotten } from '../../components/forget-summary';

const SETTINGS = 'your settings (report author, Status thresholds, time zone, endpoint mappings)';
const LAST_REPORT = "the last report's KPIs kept for the popup";

describe('describeForgotten', () => {
  test.each<[string, ForgottenItems, string]>([
    [
      'nothing at all',
      { fileCount: 0, storedItems: [] },
      'There was nothing to forget: no files were loaded and nothing was stored.',
    ],
    [
      'one file only',
      { fileCount: 1, storedItems: [] },
      'Forgotten: 1 loaded file and its report. The extension now stores nothing in this browser.',
    ],
    [
      'stored settings only',
      { fileCount: 0, storedItems: [SETTINGS] },
      `Forgotten: ${SETTINGS}. The extension now stores nothing in this browser.`,
    ],
    [
      'files and one stored item',
      { fileCount: 5, storedItems: [LAST_REPORT] },
      `Forgotten: 5 loaded files and their reports and ${LAST_REPORT}. The extension now stores nothing in this browser.`,
    ],
    [
      'files and two stored items',
      { fileCount: 5, storedItems: [LAST_REPORT, SETTINGS] },
      `Forgotten: 5 loaded files and their reports; ${LAST_REPORT}; and ${SETTINGS}. The extension now stores nothing in this browser.`,
    ],
  ])('message for %s', (_case, items, expected) => {
    expect(describeForgotten(items)).toBe(expected);
  });
});
