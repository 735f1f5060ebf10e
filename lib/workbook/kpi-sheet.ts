import type { Worksheet } from 'exceljs';
import type { BreakdownRow, ChannelReport, ChartImage, Kpi, WeekRow } from '../engine/types';
import { dayCell, formattedNumberCell, numberCell, percentCell, textCell, type CellSpec } from './cells';
import { CHANNEL_LABELS } from './channel-labels';
import { addChartImages } from './chart-images';
import { kpiNumberFormat } from './kpi-formats';
import { addBlankRow, addRow, addTable, applyColumnWidths, createSheetWriter, freezeAndFilter } from './sheet-writer';

export const KPI_HEADERS = ['KPI', 'Value', 'Unit', 'Definition'];

/** The row below the empty weekly trend of a report built from downloaded workbooks. */
export const NO_TREND_FROM_DOWNLOADS =
  'No weekly trend: downloaded workbooks hold totals over their whole period, not uses by day.';

/** The KPI unit that marks a value as a fraction (0.25), shown with a percent format (25.0%). */
export const PERCENT_UNIT = '%';

/**
 * Writes the KPIs sheet: the KPI table (frozen and filterable), the weekly trend, and the
 * breakdowns by department, site and endpoint, each after a blank row. The charts go to the right
 * of the tables, after one empty column.
 */
export function writeKpiSheet(worksheet: Worksheet, report: ChannelReport, charts: readonly ChartImage[] = []): void {
  const writer = createSheetWriter(worksheet);
  const volume = CHANNEL_LABELS[report.channel].volume;

  const kpiTable = addTable(writer, KPI_HEADERS, report.kpis.map(kpiCells), { filterable: true });
  freezeAndFilter(writer, kpiTable);

  addBlankRow(writer);
  addTable(writer, ['Week start', 'Week end', 'Active users', volume], report.weekly.map(weekCells));
  if (report.basis === 'downloads') addRow(writer, [textCell(NO_TREND_FROM_DOWNLOADS)], { measure: false });

  const breakdowns: [string, BreakdownRow[]][] = [
    ['By Department', report.byDepartment],
    ['By Site', report.bySite],
    ['By Endpoint', report.byEndpoint],
  ];
  for (const [title, rows] of breakdowns) {
    addBlankRow(writer);
    addRow(writer, [textCell(title)], { bold: true });
    addTable(writer, ['Name', 'Active users', volume], rows.map(breakdownCells));
  }
  applyColumnWidths(writer);
  addChartImages(worksheet, charts, KPI_HEADERS.length + 1);
}

// A KPI without a value leaves its Value cell empty (never 0), and the reason follows its definition.
function kpiCells(kpi: Kpi): CellSpec[] {
  const definition = kpi.unavailable === undefined ? kpi.definition : `${kpi.definition} ${kpi.unavailable}`;
  return [textCell(kpi.label), kpiValueCell(kpi), textCell(kpi.unit), textCell(definition)];
}

function kpiValueCell(kpi: Kpi): CellSpec {
  if (typeof kpi.value === 'string') return textCell(kpi.value);
  if (kpi.unit === PERCENT_UNIT) return percentCell(kpi.value);
  return kpi.value === null ? { value: null } : formattedNumberCell(kpi.value, kpiNumberFormat(kpi, kpi.value));
}

function weekCells(week: WeekRow): CellSpec[] {
  return [dayCell(week.weekStart), dayCell(week.weekEnd), numberCell(week.activeUsers), numberCell(week.volume)];
}

function breakdownCells(row: BreakdownRow): CellSpec[] {
  return [textCell(row.name), numberCell(row.activeUsers), numberCell(row.volume)];
}
