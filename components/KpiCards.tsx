import type { Kpi } from '../lib/engine/types';
import { formatKpiValue, isPercentUnit } from './format';

interface Props {
  kpis: Kpi[];
  /** False when no users list is loaded, which is the usual reason a people KPI has no value. */
  hasDirectory: boolean;
}

/** Renders one card per KPI: label, formatted value and unit, and the KPI's definition. */
export function KpiCards({ kpis, hasDirectory }: Props) {
  // A KPI carries no reason for a missing value; without a users list that is the usual one.
  const missingReason = hasDirectory
    ? 'No data in this period to compute it.'
    : 'Unknown without a users list, or no data in this period.';
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
              <span class="kpi-card__unit"> {kpi.unit}</span>
            )}
          </span>
          {kpi.value === null && <span class="kpi-card__missing">{missingReason}</span>}
          <span class="kpi-card__definition">{kpi.definition}</span>
        </li>
      ))}
    </ul>
  );
}
