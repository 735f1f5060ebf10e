import { useMemo } from 'preact/hooks';
import type { Period } from '../lib/engine/types';
import { formatDateRange } from './format';
import { PRESETS, type PresetId, previousPeriod } from './period';
import { timeZoneNames } from './time-zones';

interface Props {
  preset: PresetId | 'custom';
  /** The period shown in the date inputs; null until the channel has data. */
  period: Period | null;
  timeZone: string;
  /** The reason the period cannot be used, shown under the inputs. */
  problem: string | null;
  disabled: boolean;
  /** Whether the KPIs are compared with the previous period of the same length. */
  compare: boolean;
  onCompare(compare: boolean): void;
  onPreset(preset: PresetId): void;
  onPeriod(period: Period): void;
  onTimeZone(timeZone: string): void;
}

/** Renders the preset buttons, the From/To date inputs, the report time zone and the comparison switch. */
export function PeriodPicker(props: Props) {
  const { preset, period, timeZone, problem, disabled, compare, onCompare, onPreset, onPeriod, onTimeZone } = props;
  const zones = useMemo(() => timeZoneNames(timeZone), [timeZone]);
  const from = period?.from ?? '';
  const to = period?.to ?? '';

  return (
    <section class="panel" aria-labelledby="period-heading">
      <h2 id="period-heading">Period and time zone</h2>
      <div class="presets" role="group" aria-label="Period presets">
        {PRESETS.map(({ id, label }) => (
          <button
            type="button"
            key={id}
            class="button button--toggle"
            aria-pressed={preset === id}
            disabled={disabled}
            onClick={() => onPreset(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <p class="hint">
        “Last …” periods end on the last day found in your exports, not today, because an export covers the
        past.
      </p>
      <div class="period-fields">
        <label class="field">
          <span class="field__label">From</span>
          <input
            type="date"
            id="period-from"
            value={from}
            disabled={disabled}
            aria-describedby={problem ? 'period-problem' : undefined}
            onChange={(event) => onPeriod({ from: event.currentTarget.value, to })}
          />
        </label>
        <label class="field">
          <span class="field__label">To</span>
          <input
            type="date"
            id="period-to"
            value={to}
            disabled={disabled}
            aria-describedby={problem ? 'period-problem' : undefined}
            onChange={(event) => onPeriod({ from, to: event.currentTarget.value })}
          />
        </label>
        <label class="field">
          <span class="field__label">Time zone</span>
          <select id="time-zone" value={timeZone} onChange={(event) => onTimeZone(event.currentTarget.value)}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label class="checkbox">
        <input
          type="checkbox"
          id="compare-previous"
          checked={compare}
          disabled={disabled}
          aria-describedby="compare-hint"
          onChange={(event) => onCompare(event.currentTarget.checked)}
        />
        Compare with the previous period
      </label>
      <p class="hint" id="compare-hint">
        {period && !problem
          ? `The KPI cards show the change from ${formatDateRange(previousPeriod(period).from, previousPeriod(period).to)}, the same number of days just before.`
          : 'The KPI cards show the change from the same number of days just before the period.'}
      </p>
      {problem && (
        <p id="period-problem" class="field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
