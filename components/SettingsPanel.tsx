import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ColumnMapping, UnmappedEndpoint } from '../lib/engine/types';
import { checkRules } from './endpoint-rules';
import { EndpointRulesEditor } from './EndpointRulesEditor';
import { ForgetEverything } from './ForgetEverything';
import { SavedColumnMappings } from './SavedColumnMappings';
import { type Settings, checkThresholds } from './settings-store';
import { browserTimeZone, timeZoneNames } from './time-zones';

interface Props {
  settings: Settings;
  onSave(settings: Settings): Promise<void>;
  /** Drops the loaded files and clears the page for Forget everything; resolves to the number of files dropped. */
  onForget(): Promise<number>;
  /** Client names of the report on screen that matched no endpoint rule. */
  unmappedEndpoints: UnmappedEndpoint[];
  columnMappings: ColumnMapping[];
  onForgetMapping(header: string[]): void;
}

/**
 * Renders the collapsible settings form (report author, Status thresholds, default time zone, endpoint
 * rules), the saved column mappings and Forget everything.
 */
export function SettingsPanel({ settings, onSave, onForget, unmappedEndpoints, columnMappings, onForgetMapping }: Props) {
  const [draft, setDraft] = useState(settings);
  const [status, setStatus] = useState<string | null>(null);
  const zones = useMemo(() => timeZoneNames(draft.timeZone ?? browserTimeZone()), [draft.timeZone]);
  const rulesInvalid = draft.endpointRules !== null && checkRules(draft.endpointRules).some((message) => message !== null);
  const problem =
    checkThresholds(draft.thresholds) ?? (rulesInvalid ? 'Correct the endpoint rules marked above, then save.' : null);

  useEffect(() => setDraft(settings), [settings]);

  function update(change: Partial<Settings>) {
    setDraft({ ...draft, ...change });
    setStatus(null);
  }

  async function handleSubmit(event: Event) {
    event.preventDefault();
    if (problem) return;
    try {
      await onSave(draft);
      setStatus('Settings saved.');
    } catch (error) {
      setStatus(`Settings could not be saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return (
    <details class="panel settings" id="settings">
      <summary>
        <h2>Settings</h2>
      </summary>
      <form onSubmit={handleSubmit}>
        <fieldset>
          <legend>Report author (written to the General metrics sheet)</legend>
          <label class="field">
            <span class="field__label">Administrator name</span>
            <input
              type="text"
              id="author-name"
              autocomplete="name"
              value={draft.author.name}
              onInput={(event) => update({ author: { ...draft.author, name: event.currentTarget.value } })}
            />
          </label>
          <label class="field">
            <span class="field__label">Administrator extension</span>
            <input
              type="text"
              id="author-extension"
              inputMode="numeric"
              value={draft.author.extension}
              onInput={(event) => update({ author: { ...draft.author, extension: event.currentTarget.value } })}
            />
          </label>
        </fieldset>
        <fieldset>
          <legend>Status thresholds (share of the period's working days with a use)</legend>
          <label class="field">
            <span class="field__label">Frequent at or above (%)</span>
            <input
              type="number"
              id="threshold-frequent"
              min={0}
              max={100}
              step="any"
              value={draft.thresholds.frequentPercent}
              onInput={(event) =>
                update({ thresholds: { ...draft.thresholds, frequentPercent: event.currentTarget.valueAsNumber } })
              }
            />
          </label>
          <label class="field">
            <span class="field__label">Regular at or above (%)</span>
            <input
              type="number"
              id="threshold-regular"
              min={0}
              max={100}
              step="any"
              value={draft.thresholds.regularPercent}
              onInput={(event) =>
                update({ thresholds: { ...draft.thresholds, regularPercent: event.currentTarget.valueAsNumber } })
              }
            />
          </label>
          <p class="hint">Below Regular but above 0 is Occasional; no use at all is Never.</p>
        </fieldset>
        <fieldset>
          <legend>Time zone</legend>
          <label class="field">
            <span class="field__label">Default report time zone</span>
            <select
              id="default-time-zone"
              value={draft.timeZone ?? ''}
              onChange={(event) => update({ timeZone: event.currentTarget.value || null })}
            >
              <option value="">This browser's zone ({browserTimeZone()})</option>
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <EndpointRulesEditor
          rules={draft.endpointRules}
          unmapped={unmappedEndpoints}
          onChange={(endpointRules) => update({ endpointRules })}
        />
        {problem && (
          <p class="field-error" role="alert">
            {problem}
          </p>
        )}
        <div class="form-actions">
          <button type="submit" class="button button--primary" disabled={problem !== null}>
            Save settings
          </button>
          <p class="hint" role="status">
            {status}
          </p>
        </div>
      </form>
      <SavedColumnMappings mappings={columnMappings} onForget={onForgetMapping} />
      <ForgetEverything onForget={onForget} />
    </details>
  );
}

/** Opens the settings and moves the focus to the endpoint rules, for "Map them in Settings". */
export function openEndpointRules(): void {
  const settings = document.getElementById('settings');
  if (settings instanceof HTMLDetailsElement) settings.open = true;
  const rules = document.getElementById('endpoint-rules');
  rules?.scrollIntoView({ block: 'start' });
  rules?.querySelector<HTMLElement>('input, select, button')?.focus();
}
