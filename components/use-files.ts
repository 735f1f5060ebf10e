import { useEffect, useRef, useState } from 'preact/hooks';
import type { ColumnMapping, ImportSummary } from '../lib/engine/types';
import { MappedFileError, UnrecognisedFileError, type UnrecognisedTable } from '../lib/errors';
import { mappingFits } from '../lib/formats/mapping-rules';
import { type CancellableEngine, CancelledError, type EngineCrash, EngineCrashedError } from './cancellable-engine';
import { crashFailure, crashNotice } from './engine-crash';
import { loadThenSaveMapping } from './mapping-save';
import type { FileOutcome } from './engine-client';
import type { FailedFile } from './ImportSummaryList';
import { fetchSampleFiles } from './sample-files';
import type { ActivityControl } from './use-activity';
import { asError } from './use-report';

interface Options {
  engine: CancellableEngine;
  activity: ActivityControl;
  /** Runs after a load with the files now loaded. */
  onLoaded(summaries: ImportSummary[]): void;
  /** Shows a failure that is not one file's, such as the engine stopping. */
  onProblem(action: string, error: Error): void;
  /** Returns the column mappings saved for files that no format recognises. */
  loadMappings(): Promise<ColumnMapping[]>;
  /** Saves a mapping made in the form for its header, once a file has loaded with it. */
  saveMapping(mapping: ColumnMapping): Promise<void>;
}

/** A file that no format recognised, waiting for the user to map its columns. */
export interface UnmappedFile {
  key: number;
  file: File;
  table: UnrecognisedTable;
  error: Error;
  /** The mapping the file failed to load with, which the form starts from; absent for a new mapping. */
  mapping?: ColumnMapping;
}

/**
 * Loads, removes and reloads the user's files, one file per engine call so that the page can count
 * files and bytes as they finish, and keeps the import summaries and the per-file failures.
 */
export function useFiles({ engine, activity, onLoaded, onProblem, loadMappings, saveMapping }: Options) {
  const [summaries, setSummaries] = useState<ImportSummary[]>([]);
  /** Counter incremented on every change of the loaded data, so that the report hooks fetch again. */
  const [dataVersion, setDataVersion] = useState(0);
  const [failures, setFailures] = useState<FailedFile[]>([]);
  /** A sentence about a cancelled step, until the user dismisses it. */
  const [notice, setNotice] = useState<string | null>(null);
  const [unmapped, setUnmapped] = useState<UnmappedFile[]>([]);
  const failureKey = useRef(0);
  /** The file whose load is running, named when the engine crashes. */
  const loading = useRef<File | null>(null);
  /** The reload after the last crash, which a running load waits for before it goes on. */
  const lastCrash = useRef<EngineCrash | null>(null);

  useEffect(
    () =>
      engine.onCrash((crash) => {
        lastCrash.current = crash;
        void reloadAfterCrash(crash, loading.current);
      }),
    [engine],
  );

  async function refreshFiles(): Promise<ImportSummary[]> {
    const list = await engine.listFiles();
    setSummaries(list);
    setDataVersion((version) => version + 1);
    return list;
  }

  /**
   * Records failed outcomes. A file that no format recognises waits for its column mapping instead,
   * when `files` has its `File`.
   */
  function recordFailures(outcomes: readonly FileOutcome[], files: readonly File[] = []) {
    const failed: FailedFile[] = [];
    const waiting: UnmappedFile[] = [];
    outcomes.forEach((outcome, index) => {
      if (outcome.ok) return;
      const file = files[index];
      const { error } = outcome;
      if (error instanceof UnrecognisedFileError && file !== undefined) {
        waiting.push({ key: ++failureKey.current, file, table: error.table, error });
      } else if (error instanceof MappedFileError && file !== undefined) {
        const key = ++failureKey.current;
        const remap = { key, file, table: error.table, error, mapping: error.mapping };
        failed.push({ key, fileName: outcome.fileName, error, remap });
      } else {
        failed.push({ key: ++failureKey.current, fileName: outcome.fileName, error: outcome.error });
      }
    });
    if (failed.length > 0) setFailures((previous) => [...previous, ...failed]);
    if (waiting.length > 0) setUnmapped((previous) => [...previous, ...waiting]);
  }

  function recordCrashFailure(file: File, error: Error) {
    setFailures((previous) => [...previous, { key: ++failureKey.current, fileName: file.name, error: crashFailure(file, error) }]);
  }

  /** Shows what happened and the reload of the files loaded before, which the engine has started. */
  async function reloadAfterCrash(crash: EngineCrash, file: File | null) {
    setNotice(crashNotice(crash, file?.name ?? null));
    if (file === null) {
      const id = activity.start({ kind: 'reload', step: reloadStep(crash.reloading.length), filesTotal: crash.reloading.length, cancellable: false });
      try {
        recordFailures(await crash.reloaded);
        await refreshFiles();
      } catch (error) {
        if (!(error instanceof CancelledError)) onProblem('Reloading the files after the engine stopped failed', asError(error));
      } finally {
        activity.finish(id);
      }
    }
  }

  /**
   * Loads `files` one after another and returns their outcomes, or none when the load was cancelled or
   * failed as a whole. `mapping`, when given, reads the files with its header instead of a saved mapping.
   */
  async function loadFiles(files: File[], { replace = false, mapping }: { replace?: boolean; mapping?: ColumnMapping } = {}): Promise<FileOutcome[]> {
    const bytesTotal = files.reduce((sum, file) => sum + file.size, 0);
    const id = activity.start({
      kind: 'files',
      step: 'Loading files',
      filesDone: 0,
      filesTotal: files.length,
      bytesDone: 0,
      bytesTotal,
      rowsRead: 0,
      cancellable: true,
    });
    let current = files[0]?.name ?? '';
    const loaded: FileOutcome[] = [];
    try {
      setNotice(null);
      if (replace) await engine.reset();
      const saved = await loadMappings();
      const mappings = mapping === undefined ? saved : [mapping, ...saved.filter((other) => !mappingFits(other, mapping.header))];
      let bytesDone = 0;
      let rowsRead = 0;
      for (const [index, file] of files.entries()) {
        current = file.name;
        activity.update(id, { fileName: file.name, filesDone: index, bytesDone, rowsRead });
        const outcomes = await loadCrashSafe(file, mappings, () => activity.update(id, { step: reloadStep(engine.retainedFiles().length) }));
        activity.update(id, { step: 'Loading files' });
        recordFailures(outcomes, [file]);
        loaded.push(...outcomes);
        for (const outcome of outcomes) if (outcome.ok) rowsRead += outcome.summary.rowsRead;
        bytesDone += file.size;
      }
      activity.update(id, { step: 'Listing what was read', fileName: undefined, filesDone: files.length, bytesDone, rowsRead });
      onLoaded(await refreshFiles());
      return loaded;
    } catch (error) {
      if (error instanceof CancelledError) {
        setNotice(`Loading was cancelled while reading ${current}. That file and the ones after it were not loaded.`);
      } else {
        onProblem('Loading the files failed', asError(error));
      }
      return [];
    } finally {
      activity.finish(id);
    }
  }

  /**
   * Loads one file. When the engine crashes on it, records the file as failed, waits for the files
   * loaded before to be reloaded into the new engine, and returns their outcomes' failures only.
   */
  async function loadCrashSafe(file: File, mappings: ColumnMapping[], onReload: () => void): Promise<FileOutcome[]> {
    lastCrash.current = null;
    loading.current = file;
    let outcomes: FileOutcome[];
    try {
      outcomes = await engine.loadFiles({ files: [file], mappings });
    } catch (error) {
      if (!(error instanceof EngineCrashedError)) throw error;
      outcomes = [{ ok: false, fileName: file.name, error }];
    } finally {
      loading.current = null;
    }
    // An out-of-memory outcome replaces the engine a moment after the outcome arrives.
    await Promise.resolve();
    const crash = lastCrash.current as EngineCrash | null;
    if (crash === null) return outcomes;

    const failed = outcomes.find((outcome) => !outcome.ok);
    recordCrashFailure(file, failed && !failed.ok ? failed.error : crash.error);
    onReload();
    return (await crash.reloaded).filter((outcome) => !outcome.ok);
  }

  /**
   * Loads, with the mapping made for an unrecognised file, that file and every other waiting file with
   * the same header, and saves the mapping only when one of them loaded.
   */
  async function applyMapping(key: number, mapping: ColumnMapping) {
    if (!unmapped.some((entry) => entry.key === key)) return;
    const fitting = unmapped.filter((entry) => entry.key === key || mappingFits(mapping, entry.table.columns));
    const keys = new Set(fitting.map((entry) => entry.key));
    setUnmapped((previous) => previous.filter((entry) => !keys.has(entry.key)));
    try {
      await loadThenSaveMapping({
        mapping,
        load: (given) => loadFiles(fitting.map((entry) => entry.file), { mapping: given }),
        save: saveMapping,
      });
    } catch (error) {
      onProblem('Saving the column mapping failed', asError(error));
    }
  }

  /** Reopens the mapping form for a file that failed to load with a mapping, starting from that mapping. */
  function correctMapping(key: number) {
    const failure = failures.find((entry) => entry.key === key);
    if (failure?.remap === undefined) return;
    const { remap } = failure;
    setFailures((previous) => previous.filter((entry) => entry.key !== key));
    setUnmapped((previous) => [remap, ...previous]);
  }

  /**
   * Gives up mapping a file's columns: it shows as failed with the engine's message, and a file that
   * failed with a mapping keeps its way back to the form.
   */
  function skipMapping(key: number) {
    const waiting = unmapped.find((entry) => entry.key === key);
    if (waiting === undefined) return;
    setUnmapped((previous) => previous.filter((entry) => entry.key !== key));
    const remap = waiting.mapping === undefined ? {} : { remap: waiting };
    setFailures((previous) => [...previous, { key: waiting.key, fileName: waiting.file.name, error: waiting.error, ...remap }]);
  }

  async function loadSamples() {
    const id = activity.start({ kind: 'files', step: 'Reading the sample data', cancellable: false });
    let files: File[];
    try {
      files = await fetchSampleFiles();
    } catch (error) {
      onProblem('Loading the sample data failed', asError(error));
      activity.finish(id);
      return;
    }
    await loadFiles(files, { replace: true });
  }

  async function removeFile(fileId: number) {
    const id = activity.start({ kind: 'files', step: 'Removing the file', cancellable: false });
    try {
      await engine.removeFile({ fileId });
      await refreshFiles();
    } catch (error) {
      if (!(error instanceof CancelledError)) onProblem('Removing the file failed', asError(error));
    } finally {
      activity.finish(id);
    }
  }

  /** Stops the running call through the engine, then loads the files kept from before it into the new engine. */
  async function cancelAndReload() {
    const count = engine.retainedFiles().length;
    const id = activity.start({ kind: 'reload', step: reloadStep(count), filesTotal: count, cancellable: false });
    try {
      recordFailures(await engine.cancel());
      await refreshFiles();
    } catch (error) {
      onProblem('Reloading the files after the cancel failed', asError(error));
    } finally {
      activity.finish(id);
    }
  }

  return {
    summaries,
    setSummaries,
    dataVersion,
    setDataVersion,
    failures,
    setFailures,
    notice,
    setNotice,
    unmapped,
    setUnmapped,
    applyMapping,
    correctMapping,
    skipMapping,
    loadFiles,
    loadSamples,
    removeFile,
    cancelAndReload,
  };
}

function reloadStep(count: number): string {
  return count === 0 ? 'Restarting the report engine' : `Reloading ${count} ${count === 1 ? 'file' : 'files'}`;
}
