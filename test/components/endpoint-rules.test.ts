import { describe, expect, test } from 'vitest';
import { checkPattern, checkRules, defaultRules, literalPattern, moveRule } from '../../components/endpoint-rules';
import { DEFAULT_ENDPOINT_RULES } from '../../lib/report/endpoints';

describe('checkPattern', () => {
  test.each(['zoiper', '\\bsoft ?phone\\b', '^rc(app)?$', '[(]beta[)]', '\\(?=literal', 'v\\d+\\.\\d+'])('accepts %j', (pattern) => {
    expect(checkPattern(pattern)).toBeNull();
  });

  test.each([
    ['', 'Enter a pattern'],
    ['   ', 'Enter a pattern'],
    ['(?<=rc )app', 'Lookbehind'],
    ['(?<!web)phone', 'Lookbehind'],
    ['phone(?=s)', 'Lookahead'],
    ['phone(?!s)', 'Lookahead'],
    ['(a)\\1', 'The backreference \\1'],
    ['a\\k<n>', 'A named backreference'],
    ['(?<n>a)', 'A named group'],
    ['(unclosed', 'Invalid pattern'],
    ['a{2,1}', 'Invalid pattern'],
  ])('rejects %j', (pattern, message) => {
    expect(checkPattern(pattern)).toContain(message);
  });

  test('every built-in rule passes', () => {
    expect(DEFAULT_ENDPOINT_RULES.map((rule) => checkPattern(rule.pattern))).toEqual(DEFAULT_ENDPOINT_RULES.map(() => null));
  });
});

describe('checkRules', () => {
  test('flags an unknown endpoint', () => {
    expect(checkRules([{ pattern: 'x', endpoint: 'Fax machine' }, { pattern: 'y', endpoint: 'Room' }])).toEqual([
      'Pick an endpoint from the list ("Fax machine" is not one).',
      null,
    ]);
  });
});

describe('literalPattern', () => {
  test.each([
    ['Zoiper 5.2', 'zoiper 5\\.2'],
    ['RC (Beta) [x64]', 'rc \\(beta\\) \\[x64\\]'],
    ['a+b*c?', 'a\\+b\\*c\\?'],
  ])('%j becomes %j', (raw, pattern) => {
    expect(literalPattern(raw)).toBe(pattern);
    expect(new RegExp(pattern).test(raw.toLowerCase())).toBe(true);
  });
});

describe('moveRule', () => {
  const rules = [
    { pattern: 'a', endpoint: 'Room' },
    { pattern: 'b', endpoint: 'Room' },
    { pattern: 'c', endpoint: 'Room' },
  ];

  test.each([
    [0, 1, ['b', 'a', 'c']],
    [2, 0, ['c', 'a', 'b']],
    [0, -1, ['a', 'b', 'c']],
    [2, 3, ['a', 'b', 'c']],
  ])('from %i to %i gives %j', (from, to, patterns) => {
    expect(moveRule(rules, from, to).map((rule) => rule.pattern)).toEqual(patterns);
  });

  test('leaves the input unchanged', () => {
    moveRule(rules, 0, 2);
    expect(rules.map((rule) => rule.pattern)).toEqual(['a', 'b', 'c']);
  });
});

describe('defaultRules', () => {
  test('copies the built-in rules', () => {
    const copy = defaultRules();
    expect(copy).toEqual(DEFAULT_ENDPOINT_RULES);
    copy[0]!.pattern = 'changed';
    expect(DEFAULT_ENDPOINT_RULES[0]?.pattern).not.toBe('changed');
  });
});
