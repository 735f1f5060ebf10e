import { useEffect, useRef, useState } from 'preact/hooks';
import type { ColumnMapping, ImportSummary } from '../lib/engine/types';
import { UnrecognisedFileError, type UnrecognisedTable } from '../lib/errors';
import { mappingFits } from '../lib/formats/mapping-rules';
import { type CancellableEngine, CancelledError, type EngineCrash, EngineCrashedError } from './cancellable-engine';
import { crashFailure, crashNotice } from './engine-crash';
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
  /** Saves a mapping made in the form for its header. */
  saveMapping(mapping: ColumnMapping): Promise<void>;
}

/** A file that no format recognised, waiting for the user to map its columns. */
export interface UnmappedFile {
  key: number;
  file: File;
  table: UnrecognisedTable;
  error: Error;
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
      if (outcome.error instanceof UnrecognisedFileError && file !== undefined) {
        waiting.push({ key: ++failureKey.current, file, table: outcome.error.table, error: outcome.error });
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

  async function loadFiles(files: File[], replace = false) {
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
    try {
      setNotice(null);
      if (replace) await engine.reset();
      const mappings = await loadMappings();
      let bytesDone = 0;
      let rowsRead = 0;
      for (const [index, file] of files.entries()) {
        current = file.name;
        activity.update(id, { fileName: file.name, filesDone: index, bytesDone, rowsRead });
        const outcomes = await loadCrashSafe(file, mappings, () => activity.update(id, { step: reloadStep(engine.retainedFiles().length) }));
        activity.update(id, { step: 'Loading files' });
        recordFailures(outcomes, [file]);
        for (const outcome of outcomes) if (outcome.ok) rowsRead += outcome.summary.rowsRead;
        bytesDone += file.size;
      }
      activity.update(id, { step: 'Listing what was read', fileName: undefined, filesDone: files.length, bytesDone, rowsRead });
      onLoaded(await refreshFiles());
    } catch (error) {
      if (error instanceof CancelledError) {
        setNotice(`Loading was cancelled while reading ${current}. That file and the ones after it were not loaded.`);
      } else {
        onProblem('Loading the files failed', asError(error));
      }
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
   * Saves the mapping made for an unrecognised file and loads, with it, that file and every other
   * waiting file with the same header.
   */
  async function applyMapping(key: number, mapping: ColumnMapping) {
    if (!unmapped.some((entry) => entry.key === key)) return;
    try {
      await saveMapping(mapping);
    } catch (error) {
      onProblem('Saving the column mapping failed', asError(error));
      return;
    }
    const fitting = unmapped.filter((entry) => entry.key === key || mappingFits(mapping, entry.table.columns));
    const keys = new Set(fitting.map((entry) => entry.key));
    setUnmapped((previous) => previous.filter((entry) => !keys.has(entry.key)));
    await loadFiles(fitting.map((entry) => entry.file));
  }

  /** Gives up mapping a file's columns: it shows as failed with the engine's message. */
  function skipMapping(key: number) {
    const waiting = unmapped.find((entry) => entry.key === key);
    if (waiting === undefined) return;
    setUnmapped((previous) => previous.filter((entry) => entry.key !== key));
    setFailures((previous) => [...previous, { key: waiting.key, fileName: waiting.file.name, error: waiting.error }]);
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
    await loadFiles(files, true);
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
