import { useRef, useState } from 'preact/hooks';
import type { ImportSummary } from '../lib/engine/types';
import { type CancellableEngine, CancelledError } from './cancellable-engine';
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
}

/**
 * Loads, removes and reloads the user's files, one file per engine call so that the page can count
 * files and bytes as they finish, and keeps the import summaries and the per-file failures.
 */
export function useFiles({ engine, activity, onLoaded, onProblem }: Options) {
  const [summaries, setSummaries] = useState<ImportSummary[]>([]);
  /** Counter incremented on every change of the loaded data, so that the report hooks fetch again. */
  const [dataVersion, setDataVersion] = useState(0);
  const [failures, setFailures] = useState<FailedFile[]>([]);
  /** A sentence about a cancelled step, until the user dismisses it. */
  const [notice, setNotice] = useState<string | null>(null);
  const failureKey = useRef(0);

  async function refreshFiles(): Promise<ImportSummary[]> {
    const list = await engine.listFiles();
    setSummaries(list);
    setDataVersion((version) => version + 1);
    return list;
  }

  function recordFailures(outcomes: readonly FileOutcome[]) {
    const failed = outcomes.flatMap((outcome) =>
      outcome.ok ? [] : [{ key: ++failureKey.current, fileName: outcome.fileName, error: outcome.error }],
    );
    if (failed.length > 0) setFailures((previous) => [...previous, ...failed]);
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
      let bytesDone = 0;
      let rowsRead = 0;
      for (const [index, file] of files.entries()) {
        current = file.name;
        activity.update(id, { fileName: file.name, filesDone: index, bytesDone, rowsRead });
        const outcomes = await engine.loadFiles({ files: [file] });
        recordFailures(outcomes);
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
    const step = count === 0 ? 'Restarting the report engine' : `Reloading ${count} ${count === 1 ? 'file' : 'files'}`;
    const id = activity.start({ kind: 'reload', step, filesTotal: count, cancellable: false });
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
    loadFiles,
    loadSamples,
    removeFile,
    cancelAndReload,
  };
}
