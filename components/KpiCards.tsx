import type { Kpi, Period } from '../lib/engine/types';
import { formatDateRange, formatKpiUnit, formatKpiValue, isPercentUnit } from './format';
import { formatDelta, kpiDelta } from './kpi-delta';

interface Props {
  kpis: Kpi[];
  /** False when no users list is loaded, which is the usual reason a people KPI has no value. */
  hasDirectory: boolean;
  /** The KPIs of the previous period of the same length, when the comparison is on. */
  previous?: { period: Period; kpis: Kpi[] } | null;
}

/** Renders one card per KPI: label, formatted value and unit, the change against the previous period, and the definition. */
export function KpiCards({ kpis, hasDirectory, previous }: Props) {
  // Without a reason from the KPI itself, a missing users list is the usual one.
  const missingReason = hasDirectory
    ? 'No data in this period to compute it.'
    : 'Unknown without a users list, or no data in this period.';
  const previousById = new Map(previous?.kpis.map((kpi) => [kpi.id, kpi]));
  return (
    <ul class="kpi-cards" id="kpi-cards" aria-label="Key figures">
      {kpis.map((kpi) => (
        <li
          class={typeof kpi.value === 'string' ? 'kpi-card kpi-card--text' : 'kpi-card'}
          key={kpi.id}
          data-kpi-id={kpi.id}
          data-value={JSON.stringify(kpi.value)}
        >
          <span class="kpi-card__label">{kpi.label}</span>
          <span class="kpi-card__value">
            {formatKpiValue(kpi)}
            {kpi.value !== null && typeof kpi.value === 'number' && kpi.unit && !isPercentUnit(kpi.unit) && (
              <span class="kpi-card__unit"> {formatKpiUnit(kpi)}</span>
            )}
          </span>
          {kpi.value === null && <span class="kpi-card__missing">{kpi.unavailable ?? missingReason}</span>}
          {previous && <DeltaLine kpi={kpi} previous={previousById.get(kpi.id)} period={previous.period} />}
          <span class="kpi-card__definition">{kpi.definition}</span>
        </li>
      ))}
    </ul>
  );
}

/** Shows the change as an arrow and a word (for screen readers) with the amount, so colour is never the only cue. */
function DeltaLine({ kpi, previous, period }: { kpi: Kpi; previous: Kpi | undefined; period: Period }) {
  if (typeof kpi.value === 'string') return null;
  const delta = kpiDelta(kpi, previous);
  const title = `Previous period: ${formatDateRange(period.from, period.to)}`;
  if (delta === null) {
    return (
      <span class="kpi-card__delta" title={title}>
        No value to compare in the previous period
      </span>
    );
  }
  const { symbol, word, amount } = formatDelta(delta);
  return (
    <span class={`kpi-card__delta kpi-card__delta--${delta.direction}`} title={title} data-delta={delta.difference}>
      <span aria-hidden="true">{symbol} </span>
      <span class={delta.direction === 'same' ? undefined : 'visually-hidden'}>{word} </span>
      {amount}
      <span class="kpi-card__delta-note"> vs previous period</span>
    </span>
  );
}
