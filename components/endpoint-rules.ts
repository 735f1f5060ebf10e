import type { EndpointRule } from '../lib/engine/types';
import { DEFAULT_ENDPOINT_RULES, ENDPOINTS } from '../lib/report/endpoints';

/**
 * Checks an endpoint rule's pattern before the report runs it. DuckDB matches rules with RE2, and a
 * JavaScript RegExp is close enough for a first syntax check, except for the lookaround,
 * backreferences and `(?<name>…)` groups that RegExp accepts and RE2 rejects. Returns null for a
 * usable pattern, else a sentence saying what to change.
 */
export function checkPattern(pattern: string): string | null {
  if (pattern.trim() === '') return 'Enter a pattern, such as zoiper or \\bsoftphone\\b.';
  const unsupported = findUnsupported(pattern);
  if (unsupported) return `${unsupported} is not supported by the report's regular expressions (RE2). Rewrite the pattern without it.`;
  try {
    new RegExp(pattern);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
    return `Invalid pattern: ${reason}.`;
  }
  return null;
}

/**
 * Names the first construct that RegExp accepts and DuckDB's RE2 rejects (lookahead, lookbehind,
 * backreferences, `(?<name>…)` groups), or returns null.
 */
function findUnsupported(pattern: string): string | null {
  let inClass = false;
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index];
    if (char === '\\') {
      const next = pattern[index + 1] ?? '';
      if (!inClass && /[1-9]/.test(next)) return `The backreference \\${next}`;
      if (!inClass && next === 'k' && pattern[index + 2] === '<') return 'A named backreference (\\k<…>)';
      index += 1;
    } else if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') {
      inClass = true;
    } else if (char === '(') {
      const head = pattern.slice(index, index + 4);
      if (head.startsWith('(?<=') || head.startsWith('(?<!')) return 'Lookbehind (?<= or (?<!';
      if (head.startsWith('(?=') || head.startsWith('(?!')) return 'Lookahead (?= or (?!';
      if (head.startsWith('(?<')) return 'A named group (?<name>…)';
    }
  }
  return null;
}

/** Checks every rule, returning one message (or null) per rule, in order. */
export function checkRules(rules: readonly EndpointRule[]): Array<string | null> {
  return rules.map((rule) => {
    const problem = checkPattern(rule.pattern);
    if (problem) return problem;
    return isEndpoint(rule.endpoint) ? null : `Pick an endpoint from the list ("${rule.endpoint}" is not one).`;
  });
}

export function isEndpoint(value: string): boolean {
  return (ENDPOINTS as readonly string[]).includes(value);
}

/**
 * Builds a pattern that matches a raw client name literally. Rules are tested against the
 * lower-cased name, so the pattern is lower case too.
 */
export function literalPattern(raw: string): string {
  return raw.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Returns a copy of the built-in rules, which the editor may change in place. */
export function defaultRules(): EndpointRule[] {
  return DEFAULT_ENDPOINT_RULES.map((rule) => ({ ...rule }));
}

/** Moves the rule at `from` to `to`, returning a new array. Order matters because the first matching rule wins. */
export function moveRule(rules: readonly EndpointRule[], from: number, to: number): EndpointRule[] {
  if (to < 0 || to >= rules.length || from === to) return [...rules];
  const moved = [...rules];
  const [rule] = moved.splice(from, 1);
  if (rule) moved.splice(to, 0, rule);
  return moved;
}
