import type { Channel } from '../engine/types';
import { hasSqlFile, sqlFile, sqlFolder } from './sql-files';

/**
 * A KPI as its SQL file declares it. Each file under `kpis/common/` (every channel) or
 * `kpis/<channel>/` is named by the KPI's identifier, opens with `-- label:`, `-- unit:`, `-- order:`
 * and `-- definition:` lines, and selects one row with one column, `value`.
 *
 * A report built from downloaded workbooks runs `downloads/kpis/<id>.sql` when it exists, or the
 * KPI's own query when the file declares `-- downloads: same` (it reads only tables that the downloads
 * fill too: population, person_stats, report_params). Any other KPI has no value from downloads.
 */
export interface KpiFile {
  id: string;
  label: string;
  unit: string;
  order: number;
  definition: string;
  sql: string;
  /** The query when the report is built from downloads; null when totals cannot feed the KPI. */
  downloadsSql: string | null;
}

export function parseKpiFile(path: string, sql: string): KpiFile {
  const field = (name: string): string => {
    const match = new RegExp(`^-- ${name}: (.+)$`, 'm').exec(sql);
    if (match?.[1] === undefined) throw new Error(`lib/report/${path}.sql lacks its "-- ${name}:" line`);
    return match[1].trim();
  };
  const order = Number(field('order'));
  if (!Number.isInteger(order)) throw new Error(`lib/report/${path}.sql: "-- order:" must be a whole number`);
  const id = path.slice(path.lastIndexOf('/') + 1);
  const downloadsPath = `downloads/kpis/${id}`;
  const downloadsSql = hasSqlFile(downloadsPath) ? sqlFile(downloadsPath) : /^-- downloads: same$/m.test(sql) ? sql : null;
  return {
    id,
    label: field('label'),
    unit: field('unit'),
    order,
    definition: field('definition'),
    sql,
    downloadsSql,
  };
}

/** Returns the channel's KPIs, the common ones included, in their declared order. */
export function channelKpis(channel: Channel): KpiFile[] {
  return [...sqlFolder('kpis/common'), ...sqlFolder(`kpis/${channel}`)]
    .map((path) => parseKpiFile(path, sqlFile(path)))
    .sort((a, b) => a.order - b.order);
}
