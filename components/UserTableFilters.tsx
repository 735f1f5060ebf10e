import type { UserRow } from '../lib/engine/types';
import { formatCount } from './format';
import { FILTER_FIELDS, FILTER_LABELS, type FilterField, type UserFilters, userFilterOptions } from './user-table-model';

/** Option values carry a prefix so that the empty Department of a row differs from "All". */
const VALUE_PREFIX = '=';

interface Props {
  users: UserRow[];
  filters: UserFilters;
  onChange(filters: UserFilters): void;
}

/** Renders one select per filterable column, with the values found in the rows and their row counts. */
export function UserTableFilters({ users, filters, onChange }: Props) {
  const options = userFilterOptions(users);

  function select(field: FilterField, encoded: string) {
    const next = { ...filters };
    if (encoded === '') delete next[field];
    else next[field] = encoded.slice(VALUE_PREFIX.length);
    onChange(next);
  }

  return (
    <div class="table-filters" role="group" aria-label="Filter the User Table">
      {FILTER_FIELDS.map((field) => {
        const selected = filters[field];
        return (
          <label class="field" key={field}>
            <span class="field__label">{FILTER_LABELS[field]}</span>
            <select
              id={`filter-${field}`}
              value={selected === undefined ? '' : VALUE_PREFIX + selected}
              onChange={(event) => select(field, event.currentTarget.value)}
            >
              <option value="">All ({formatCount(users.length)})</option>
              {options[field].map(({ value, rows }) => (
                <option key={value} value={VALUE_PREFIX + value}>
                  {value || '(none)'} ({formatCount(rows)})
                </option>
              ))}
            </select>
          </label>
        );
      })}
      {Object.keys(filters).length > 0 && (
        <button type="button" class="button button--small" id="clear-filters" onClick={() => onChange({})}>
          Clear filters
        </button>
      )}
    </div>
  );
}
