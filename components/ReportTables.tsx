import type { BreakdownRow, Channel, WeekRow } from '../lib/engine/types';
import { VOLUME_NAMES, formatCount, formatDateRange } from './format';

/** Renders the weekly trend: one row per week of the period, Monday to Sunday, clipped to the period. */
export function TrendTable({ weeks, channel }: { weeks: WeekRow[]; channel: Channel }) {
  return (
    <section class="report-block" aria-labelledby="trend-heading">
      <h3 id="trend-heading">Weekly trend</h3>
      {weeks.length === 0 ? (
        <p class="hint">No weeks in this period.</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table" id="weekly-trend">
            <thead>
              <tr>
                <th scope="col">Week</th>
                <th scope="col" class="numeric">
                  Active users
                </th>
                <th scope="col" class="numeric">
                  {VOLUME_NAMES[channel]}
                </th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => (
                <tr key={week.weekStart}>
                  <th scope="row" class="nowrap">
                    {formatDateRange(week.weekStart, week.weekEnd)}
                  </th>
                  <td class="numeric">{formatCount(week.activeUsers)}</td>
                  <td class="numeric">{formatCount(week.volume)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

interface BreakdownProps {
  id: string;
  title: string;
  /** Header of the first column, such as "Department". */
  nameHeader: string;
  rows: BreakdownRow[];
  channel: Channel;
}

/** Renders active users and volume by one attribute, such as Department. */
export function BreakdownTable({ id, title, nameHeader, rows, channel }: BreakdownProps) {
  return (
    <section class="report-block breakdown" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{title}</h3>
      {rows.length === 0 ? (
        <p class="hint">No rows in this period.</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table" id={id}>
            <thead>
              <tr>
                <th scope="col">{nameHeader}</th>
                <th scope="col" class="numeric">
                  Active users
                </th>
                <th scope="col" class="numeric">
                  {VOLUME_NAMES[channel]}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.name}>
                  <th scope="row">{row.name || '(none)'}</th>
                  <td class="numeric">{formatCount(row.activeUsers)}</td>
                  <td class="numeric">{formatCount(row.volume)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
