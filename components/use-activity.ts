import { useCallback, useRef, useState } from 'preact/hooks';

/**
 * A long operation as the page shows it. DuckDB runs synchronously inside the worker, so the worker
 * cannot report progress while it works. The page therefore shows the step it started and the time
 * elapsed, and counts files and bytes as each file finishes loading.
 */
export interface Activity {
  /** Kind of work. The page disables the file controls while files load or reload. */
  kind: 'files' | 'reload' | 'report' | 'workbook';
  /** Step that runs, such as "Loading files" or "Computing the Phone report". */
  step: string;
  /** The file being read, while loading. */
  fileName?: string;
  /** Files finished and files in all. */
  filesDone?: number;
  filesTotal?: number;
  /** Bytes of the finished files and of all the files. */
  bytesDone?: number;
  bytesTotal?: number;
  /** Rows read from the files finished so far. */
  rowsRead?: number;
  /** When the step started, as `performance.now()` milliseconds. */
  startedAt: number;
  cancellable: boolean;
}

export interface ActivityControl {
  activity: Activity | null;
  /** Shows a new activity, replacing any other, and returns its id for `update` and `finish`. */
  start(activity: Omit<Activity, 'startedAt'>): number;
  /** Changes the activity `id` if it is still the one shown. */
  update(id: number, change: Partial<Activity>): void;
  /** Hides the activity `id` if it is still the one shown, so a late finish cannot hide a newer one. */
  finish(id: number): void;
}

export function useActivity(): ActivityControl {
  const [activity, setActivity] = useState<Activity | null>(null);
  const currentId = useRef(0);

  const start = useCallback((next: Omit<Activity, 'startedAt'>) => {
    currentId.current += 1;
    setActivity({ ...next, startedAt: performance.now() });
    return currentId.current;
  }, []);

  const update = useCallback((id: number, change: Partial<Activity>) => {
    if (id === currentId.current) setActivity((previous) => previous && { ...previous, ...change });
  }, []);

  const finish = useCallback((id: number) => {
    if (id === currentId.current) setActivity(null);
  }, []);

  return { activity, start, update, finish };
}
