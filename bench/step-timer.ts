import type { Database } from '../lib/engine/database';
import schemaSql from '../lib/engine/schema.sql?raw';
import { appendingSql } from '../lib/report/report-parts';
import { sqlFile, sqlFolder } from '../lib/report/sql-files';
import { placedSql } from '../lib/report/table-place';
import macrosSql from '../lib/time/macros.sql?raw';

/** The benchmark's phases, which tell what the engine was doing when a statement ran. */
export type Phase = 'start' | 'load' | 'query' | 'workbook';

/** Time spent in the statements of one label within one phase. */
export interface StepTotal {
  phase: Phase;
  /** The statement's source file (`lib/report/tables/user-table.sql`) or the start of its text. */
  label: string;
  ms: number;
  calls: number;
}

/**
 * Adds up the time of every statement the engine runs, by phase and by statement label, so a run
 * shows which SQL step takes the time. A statement read from one of the product's .sql files is
 * labelled with that file. Any other is labelled with its first 70 characters, table numbers replaced by `N`.
 */
export class StepTimer {
  phase: Phase = 'start';
  readonly #totals = new Map<string, StepTotal>();
  readonly #labels = knownSqlLabels();

  record(sql: string, ms: number): void {
    const label = this.#labels.get(sql) ?? shortLabel(sql);
    const key = `${this.phase}\u0000${label}`;
    const total = this.#totals.get(key) ?? { phase: this.phase, label, ms: 0, calls: 0 };
    total.ms += ms;
    total.calls += 1;
    this.#totals.set(key, total);
  }

  totals(): StepTotal[] {
    return [...this.#totals.values()].sort((a, b) => b.ms - a.ms);
  }
}

/** Wraps `db` so that each `query` and `run` call is timed into `timer`; everything else passes through. */
export function timedDatabase(db: Database, timer: StepTimer): Database {
  const timed = (method: 'query' | 'run') => (sql: string, params?: readonly unknown[]) => {
    const start = performance.now();
    try {
      return db[method](sql, params);
    } finally {
      timer.record(sql, performance.now() - start);
    }
  };
  const query = timed('query');
  const run = timed('run');
  return new Proxy(db, {
    get(target, property) {
      if (property === 'query') return query;
      if (property === 'run') return run;
      // Methods read private fields, so they must run with the real object as `this`.
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function knownSqlLabels(): Map<string, string> {
  const labels = new Map<string, string>([
    [schemaSql, 'lib/engine/schema.sql'],
    [macrosSql, 'lib/time/macros.sql'],
  ]);
  for (const folder of ['prepare', 'tables', 'phone', 'kpis/common', 'kpis/phone']) {
    for (const path of sqlFolder(folder)) {
      // The report runs its files as `placedSql` rewrites them, with drops of the other place's tables first.
      // A file run in parts adds the later parts' rows with `appendingSql`.
      const texts = [sqlFile(path), placedSql(sqlFile(path), 'temp'), placedSql(sqlFile(path), 'store'), appendingSql(sqlFile(path))];
      for (const text of texts) {
        labels.set(text, `lib/report/${path}.sql`);
      }
    }
  }
  return labels;
}

function shortLabel(sql: string): string {
  return sql
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/_\d+\b/g, '_N')
    .slice(0, 70);
}
