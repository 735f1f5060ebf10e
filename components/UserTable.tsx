import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Channel, UserRow } from '../lib/engine/types';
import { formatCount } from './format';
import { type SortOrder, filterUsers, sortUsers, userColumns } from './user-table-model';

/** Rows rendered per step; the whole table can hold tens of thousands of rows. */
export const PAGE_SIZE = 200;

const SORT_ARROWS = { ascending: '▲', descending: '▼' } as const;

interface Props {
  channel: Channel;
  users: UserRow[];
}

/** Renders the User Table with sortable headers, a search box and "Show more" paging. */
export function UserTable({ channel, users }: Props) {
  const columns = useMemo(() => userColumns(channel), [channel]);
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<SortOrder | null>(null);
  const [shown, setShown] = useState(PAGE_SIZE);

  const rows = useMemo(() => {
    const matching = filterUsers(users, query);
    const column = order && columns.find((candidate) => candidate.id === order.columnId);
    return column && order ? sortUsers(matching, column, order.direction) : matching;
  }, [users, query, order, columns]);

  // A new report, search or order starts again from the first page.
  useEffect(() => setShown(PAGE_SIZE), [users, query, order]);

  function toggleSort(columnId: string) {
    setOrder((current) =>
      current?.columnId === columnId && current.direction === 'ascending'
        ? { columnId, direction: 'descending' }
        : { columnId, direction: 'ascending' },
    );
  }

  const visible = rows.slice(0, shown);
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
        <p class="hint" id="user-count" aria-live="polite">
          Showing {formatCount(visible.length)} of {formatCount(rows.length)} rows
          {rows.length !== users.length && ` (${formatCount(users.length)} in total)`}
        </p>
      </div>
      <div class="table-scroll table-scroll--tall">
        <table class="data-table user-table" id="user-table">
          <thead>
            <tr>
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
            {visible.map((row, index) => (
              <tr key={index}>
                {columns.map((column) => (
                  <td key={column.id} class={column.numeric ? 'numeric' : undefined}>
                    {column.display(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {users.length === 0 && <p class="hint">No users in this report.</p>}
      {users.length > 0 && rows.length === 0 && <p class="hint">No user matches “{query}”.</p>}
      {visible.length < rows.length && (
        <button type="button" class="button" id="show-more" onClick={() => setShown(shown + PAGE_SIZE)}>
          Show {formatCount(Math.min(PAGE_SIZE, rows.length - visible.length))} more
        </button>
      )}
    </section>
  );
}
