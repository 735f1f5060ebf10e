import { useEffect, useRef, useState } from 'preact/hooks';
import type { EndpointRule, UnmappedEndpoint } from '../lib/engine/types';
import { ENDPOINTS } from '../lib/report/endpoints';
import { checkRules, defaultRules, literalPattern, moveRule } from './endpoint-rules';
import { formatCountOf } from './format';

interface Props {
  /** The administrator's rules; null shows and keeps the built-in ones. */
  rules: EndpointRule[] | null;
  onChange(rules: EndpointRule[] | null): void;
  /** Client names of the report on screen that matched no rule. */
  unmapped: UnmappedEndpoint[];
}

/**
 * Renders the endpoint mapping table: one row per rule (pattern → endpoint) in the order they are
 * tried, with controls to edit, reorder, delete and add rules and to go back to the built-in ones.
 */
export function EndpointRulesEditor({ rules, onChange, unmapped }: Props) {
  const currentRules = rules ?? defaultRules();
  const problems = checkRules(currentRules);
  const patternInputs = useRef<Array<HTMLInputElement | null>>([]);
  const [focusRow, setFocusRow] = useState<number | null>(null);

  useEffect(() => {
    if (focusRow === null) return;
    patternInputs.current[focusRow]?.focus();
    setFocusRow(null);
  }, [focusRow]);

  function edit(index: number, change: Partial<EndpointRule>) {
    onChange(currentRules.map((rule, position) => (position === index ? { ...rule, ...change } : rule)));
  }

  function add(rule: EndpointRule) {
    onChange([...currentRules, rule]);
    setFocusRow(currentRules.length);
  }

  const mappedPatterns = new Set(currentRules.map((rule) => rule.pattern));
  const pending = unmapped.filter((item) => !mappedPatterns.has(literalPattern(item.raw)));

  return (
    <fieldset id="endpoint-rules">
      <legend>Endpoint rules</legend>
      <p class="hint" id="endpoint-rules-hint">
        Each client name in your data is lower-cased and tested against the patterns (regular expressions, RE2
        syntax) from the top; the first match gives the endpoint. A name no rule matches counts as Other.
        {rules === null && ' These are the built-in rules.'}
      </p>
      <div class="table-scroll">
        <table class="data-table rules-table">
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Pattern</th>
              <th scope="col">Endpoint</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {currentRules.map((rule, index) => {
              const problem = problems[index];
              const problemId = `rule-${index}-problem`;
              return (
                <tr key={index} class="rule-row">
                  <td class="numeric">{index + 1}</td>
                  <td>
                    <input
                      type="text"
                      class="rule-pattern"
                      spellcheck={false}
                      aria-label={`Pattern of rule ${index + 1}`}
                      aria-invalid={problem ? true : undefined}
                      aria-describedby={problem ? problemId : 'endpoint-rules-hint'}
                      ref={(element) => {
                        patternInputs.current[index] = element;
                      }}
                      value={rule.pattern}
                      onInput={(event) => edit(index, { pattern: event.currentTarget.value })}
                    />
                    {problem && (
                      <p class="field-error" id={problemId}>
                        {problem}
                      </p>
                    )}
                  </td>
                  <td>
                    <select
                      class="rule-endpoint"
                      aria-label={`Endpoint of rule ${index + 1}`}
                      value={rule.endpoint}
                      onChange={(event) => edit(index, { endpoint: event.currentTarget.value })}
                    >
                      {ENDPOINTS.map((endpoint) => (
                        <option key={endpoint} value={endpoint}>
                          {endpoint}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td class="nowrap">
                    <button
                      type="button"
                      class="button button--small"
                      aria-label={`Move rule ${index + 1} up`}
                      disabled={index === 0}
                      onClick={() => onChange(moveRule(currentRules, index, index - 1))}
                    >
                      ↑
                    </button>{' '}
                    <button
                      type="button"
                      class="button button--small"
                      aria-label={`Move rule ${index + 1} down`}
                      disabled={index === currentRules.length - 1}
                      onClick={() => onChange(moveRule(currentRules, index, index + 1))}
                    >
                      ↓
                    </button>{' '}
                    <button
                      type="button"
                      class="button button--small"
                      aria-label={`Delete rule ${index + 1}`}
                      onClick={() => onChange(currentRules.filter((_, position) => position !== index))}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div class="form-actions">
        <button type="button" class="button" id="add-rule" onClick={() => add({ pattern: '', endpoint: ENDPOINTS[0] })}>
          Add a rule
        </button>
        <button type="button" class="button" id="reset-rules" disabled={rules === null} onClick={() => onChange(null)}>
          Reset to the built-in rules
        </button>
      </div>
      {pending.length > 0 && (
        <div class="unmapped">
          <h3>Client names counted as Other in the report on screen</h3>
          <ul class="unmapped__list">
            {pending.map((item) => (
              <li key={item.raw}>
                <span class="file-name">{item.raw}</span> ({formatCountOf(item.uses, 'use')}){' '}
                <button
                  type="button"
                  class="button button--small"
                  aria-label={`Add a rule for ${item.raw}`}
                  onClick={() => add({ pattern: literalPattern(item.raw), endpoint: ENDPOINTS[0] })}
                >
                  Add a rule
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}
