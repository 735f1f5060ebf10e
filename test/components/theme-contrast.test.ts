import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { EXPORT_PALETTE } from '../../components/chart-palette';

const css = readFileSync(new URL('../../components/workspace.css', import.meta.url), 'utf8');

/** Reads the `--name: #rrggbb` custom properties of the first block that follows `selector`. */
function themeColors(selector: string): Record<string, string> {
  const start = css.indexOf(selector);
  if (start < 0) throw new Error(`workspace.css has no ${selector} block`);
  const block = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((match) => [match[1], match[2]]));
}

/** WCAG 2.x relative luminance of an sRGB colour written `#rrggbb`. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((offset) => Number.parseInt(hex.slice(offset, offset + 2), 16) / 255);
  const [red, green, blue] = channels.map((value) => (value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Text needs 4.5:1 (WCAG 1.4.3); bars, lines and focus rings need 3:1 against their background (WCAG 1.4.11). */
const TEXT_PAIRS: Array<[string, string]> = [
  ['text', 'bg'],
  ['text', 'surface'],
  ['muted', 'bg'],
  ['muted', 'surface'],
  ['accent', 'surface'],
  ['accent-text', 'accent'],
  ['error', 'error-soft'],
  ['error', 'surface'],
  ['text', 'notice-soft'],
  ['text', 'accent-soft'],
  ['up', 'surface'],
  ['down', 'surface'],
];
const GRAPHIC_PAIRS: Array<[string, string]> = [
  ['chart-1', 'surface'],
  ['chart-2', 'surface'],
  ['chart-3', 'surface'],
  ['focus', 'surface'],
  ['focus', 'bg'],
];

describe.each([
  ['light theme', ':root {'],
  ['dark theme', '@media (prefers-color-scheme: dark)'],
])('%s', (_name, selector) => {
  const colors = themeColors(selector);

  test.each(TEXT_PAIRS)('%s on %s reaches 4.5:1', (foreground, background) => {
    expect(colors[foreground], `--${foreground}`).toBeDefined();
    expect(colors[background], `--${background}`).toBeDefined();
    expect(contrast(colors[foreground]!, colors[background]!)).toBeGreaterThanOrEqual(4.5);
  });

  test.each(GRAPHIC_PAIRS)('%s on %s reaches 3:1', (foreground, background) => {
    expect(contrast(colors[foreground]!, colors[background]!)).toBeGreaterThanOrEqual(3);
  });

  test('chart series differ from each other', () => {
    expect(contrast(colors['chart-1']!, colors['chart-3']!)).toBeGreaterThanOrEqual(1.3);
  });
});

describe('exported chart palette', () => {
  test.each([
    ['text', 4.5],
    ['muted', 4.5],
    ['primary', 3],
    ['secondary', 3],
    ['tertiary', 3],
  ] as const)('%s on white reaches %d:1', (key, ratio) => {
    expect(contrast(EXPORT_PALETTE[key], EXPORT_PALETTE.background)).toBeGreaterThanOrEqual(ratio);
  });
});
