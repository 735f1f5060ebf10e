import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Channel, Period, UserRow } from '../lib/engine/types';
import { formatCount, formatCountOf } from './format';
import { saveCsv } from './save-file';
import { csvFileName, toCsv } from './user-table-csv';
import { type SortOrder, type UserFilters, matchUsers, orderUsers, userColumns } from './user-table-model';
import { UserTableFilters } from './UserTableFilters';
import { virtualWindow } from './virtual-window';

/** Height of every body row in pixels; workspace.css gives `.user-row` the same height. */
export const ROW_HEIGHT = 33;
/** Rows rendered above and below the visible ones. */
const OVERSCAN = 10;

const SORT_ARROWS = { ascending: '▲', descending: '▼' } as const;

interface Props {
  channel: Channel;
  period: Period;
  users: UserRow[];
}

/**
 * Renders the User Table: search, filters, sortable headers, a count of the rows shown, and a CSV
 * download of the view. Only the rows in the scroll window are in the DOM, so 100,000 rows scroll
 * smoothly. Spacer rows above and below keep the scroll bar's size.
 */
export function UserTable({ channel, period, users }: Props) {
  const columns = useMemo(() => userColumns(channel), [channel]);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<UserFilters>({});
  const [order, setOrder] = useState<SortOrder | null>(null);

  const ordered = useMemo(() => orderUsers(users, columns, order), [users, columns, order]);
  const rows = useMemo(() => matchUsers(ordered, query, filters), [ordered, query, filters]);

  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 600, headHeight: ROW_HEIGHT });

  function measure() {
    const element = scroller.current;
    if (!element) return;
    setScroll({ top: element.scrollTop, height: element.clientHeight, headHeight: head.current?.offsetHeight ?? ROW_HEIGHT });
  }

  // The observer's first notification comes after the browser's own layout and before the first paint.
  // Measuring here instead would force a layout of the whole new page inside the task that renders it.
  useLayoutEffect(() => {
    const observer = new ResizeObserver(measure);
    if (scroller.current) observer.observe(scroller.current);
    return () => observer.disconnect();
  }, []);

  // A new report, search, filter or order shows the view from its first row.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    measure();
  }, [rows]);

  const frame = useRef(0);
  function handleScroll() {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(measure);
  }

  const visible = virtualWindow({
    rowCount: rows.length,
    rowHeight: ROW_HEIGHT,
    scrollTop: scroll.top - scroll.headHeight,
    viewportHeight: scroll.height,
    overscan: OVERSCAN,
  });

  function toggleSort(columnId: string) {
    setOrder((current) =>
      current?.columnId === columnId && current.direction === 'ascending'
        ? { columnId, direction: 'descending' }
        : { columnId, direction: 'ascending' },
    );
  }

  const filtered = rows.length !== users.length;
  return (
    <section class="report-block" aria-labelledby="user-table-heading">
      <h3 id="user-table-heading">User Table</h3>
      <div class="table-toolbar">
        <label class="field field--inline">
          <span class="field__label">Search users</span>
          <input
            type="search"
            id="user-search"
            placeholder="Name, e-mail or extension"
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
          />
        </label>
        <button
          type="button"
          class="button"
          id="download-csv"
          disabled={rows.length === 0}
          onClick={() => saveCsv(toCsv(rows, columns), csvFileName(channel, period))}
        >
          Download this view (CSV)
        </button>
      </div>
      <UserTableFilters users={users} filters={filters} onChange={setFilters} />
      <p class="hint" id="user-count" aria-live="polite">
        {filtered
          ? `${formatCount(rows.length)} of ${formatCountOf(users.length, 'row')} match`
          : formatCountOf(users.length, 'row')}
      </p>
      <div
        class="table-scroll table-scroll--tall"
        id="user-table-scroll"
        ref={scroller}
        onScroll={handleScroll}
        tabIndex={0}
        role="region"
        aria-label="User Table rows (scroll with the arrow keys)"
      >
        <table class="data-table user-table" id="user-table" aria-rowcount={rows.length + 1}>
          <thead ref={head}>
            <tr aria-rowindex={1}>
              {columns.map((column) => {
                const sorted = order?.columnId === column.id ? order.direction : undefined;
                return (
                  <th scope="col" key={column.id} aria-sort={sorted} class={column.numeric ? 'numeric' : undefined}>
                    <button type="button" class="sort-button" onClick={() => toggleSort(column.id)}>
                      {column.header}
                      <span class="sort-indicator" aria-hidden="true">
                        {sorted ? SORT_ARROWS[sorted] : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {visible.paddingTop > 0 && <SpacerRow height={visible.paddingTop} columns={columns.length} />}
            {rows.slice(visible.start, visible.end).map((row, offset) => (
              <tr class="user-row" key={visible.start + offset} aria-rowindex={visible.start + offset + 2}>
                {columns.map((column) => (
                  <td key={column.id} class={column.numeric ? 'numeric' : undefined}>
                    {column.display(row)}
                  </td>
                ))}
              </tr>
            ))}
            {visible.paddingBottom > 0 && <SpacerRow height={visible.paddingBottom} columns={columns.length} />}
          </tbody>
        </table>
      </div>
      {users.length === 0 && <p class="hint">No users in this report.</p>}
      {users.length > 0 && rows.length === 0 && <p class="hint">No user matches this search and these filters.</p>}
    </section>
  );
}

/** Stands in for the rows outside the scroll window, hidden from assistive technology. */
function SpacerRow({ height, columns }: { height: number; columns: number }) {
  return (
    <tr class="spacer-row" aria-hidden="true" style={{ height: `${height}px` }}>
      <td colSpan={columns} />
    </tr>
  );
}
