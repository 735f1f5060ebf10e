import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Channel, ImportSummary, Period } from '../lib/engine/types';
import { CHANNELS, ChannelTabs } from './ChannelTabs';
import { ChannelReportView } from './ChannelReportView';
import { DownloadPanel, type DownloadState } from './DownloadPanel';
import { createEngineClient } from './engine-client';
import { FilePicker } from './FilePicker';
import { type FailedFile, ImportSummaryList } from './ImportSummaryList';
import { isDownloadRequest, type DownloadResponse } from './messages';
import { type PresetId, checkPeriod, presetPeriod } from './period';
import { PeriodPicker } from './PeriodPicker';
import { fetchSampleFiles } from './sample-files';
import { saveWorkbook } from './save-file';
import { DEFAULT_SETTINGS, type Settings, loadSettings, saveLastReport, saveSettings } from './settings-store';
import { SettingsPanel } from './SettingsPanel';
import { browserTimeZone } from './time-zones';
import { type ShownReport, asError, useDataRange, useReport } from './use-report';
import './workspace.css';

/** Renders the options page, where the user loads exports, picks a period, reads a channel's report and downloads it. */
export function Workspace() {
  const engine = useMemo(createEngineClient, []);
  const [engineState, setEngineState] = useState<'starting' | 'ready' | Error>('starting');
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [summaries, setSummaries] = useState<ImportSummary[]>([]);
  const [dataVersion, setDataVersion] = useState(0);
  const [failures, setFailures] = useState<FailedFile[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [channel, setChannel] = useState<Channel>('phone');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [preset, setPreset] = useState<PresetId | 'custom'>('all');
  const [customPeriod, setCustomPeriod] = useState<Period | null>(null);
  /** A failed action other than start-up, such as loading files, until the user dismisses it. */
  const [problem, setProblem] = useState<{ action: string; error: Error } | null>(null);
  const [download, setDownload] = useState<DownloadState>({ kind: 'idle' });
  const failureKey = useRef(0);

  useEffect(() => {
    // The first call starts DuckDB, so a broken engine shows up before the user picks a file.
    engine.listFiles().then(
      () => setEngineState('ready'),
      (error: unknown) => setEngineState(asError(error)),
    );
    loadSettings().then(
      (stored) => {
        setSettings(stored);
        if (stored.timeZone) setTimeZone(stored.timeZone);
      },
      (error: unknown) => console.warn('[Adoption Lens] Stored settings could not be read; using defaults.', error),
    );
  }, [engine]);

  const channelsWithData = useMemo(() => new Set(summaries.flatMap((summary) => summary.channels)), [summaries]);
  const hasData = channelsWithData.has(channel);
  const range = useDataRange(engine, channel, timeZone, dataVersion, hasData);

  const rangeValue = range.value;
  const period =
    preset === 'custom'
      ? customPeriod
      : rangeValue?.first && rangeValue.last
        ? presetPeriod(preset, { first: rangeValue.first, last: rangeValue.last })
        : null;
  const periodProblem = period ? checkPeriod(period) : null;

  const rememberReport = useCallback(({ request, report }: ShownReport) => {
    const aggregates = { ...request, kpis: report.kpis, generatedAt: Date.now() };
    saveLastReport(aggregates).catch((error: unknown) =>
      console.warn('[Adoption Lens] The last report could not be stored for the popup.', error),
    );
  }, []);
  const report = useReport(
    engine,
    rangeValue,
    periodProblem ? null : period,
    settings.thresholds,
    rememberReport,
  );
  // While another channel's report is being computed, the previous one must not show under this tab.
  const visibleReport = report.value?.request.channel === channel ? report.value : null;

  async function refreshFiles(): Promise<ImportSummary[]> {
    const list = await engine.listFiles();
    setSummaries(list);
    setDataVersion((version) => version + 1);
    return list;
  }

  async function loadFiles(files: File[], replace = false) {
    setBusy(`Reading ${files.length === 1 ? files[0]?.name : `${files.length} files`}…`);
    try {
      if (replace) await engine.reset();
      const outcomes = await engine.loadFiles({ files });
      const failed = outcomes.flatMap((outcome) =>
        outcome.ok ? [] : [{ key: ++failureKey.current, fileName: outcome.fileName, error: outcome.error }],
      );
      setFailures((previous) => [...previous, ...failed]);
      const list = await refreshFiles();
      setPreset('all');
      const present = new Set(list.flatMap((summary) => summary.channels));
      if (!present.has(channel)) setChannel(CHANNELS.find((candidate) => present.has(candidate)) ?? channel);
    } catch (error) {
      setProblem({ action: 'Loading the files failed', error: asError(error) });
    } finally {
      setBusy(null);
    }
  }

  async function loadSamples() {
    setBusy('Reading the sample data…');
    try {
      const files = await fetchSampleFiles();
      await loadFiles(files, true);
    } catch (error) {
      setProblem({ action: 'Loading the sample data failed', error: asError(error) });
      setBusy(null);
    }
  }

  async function removeFile(fileId: number) {
    setBusy('Removing the file…');
    try {
      await engine.removeFile({ fileId });
      await refreshFiles();
    } catch (error) {
      setProblem({ action: 'Removing the file failed', error: asError(error) });
    } finally {
      setBusy(null);
    }
  }

  async function downloadWorkbook() {
    if (!visibleReport) return;
    setDownload({ kind: 'building' });
    try {
      const workbook = await engine.workbook({ ...visibleReport.request, author: settings.author, generatedAt: Date.now() });
      saveWorkbook(workbook);
      setDownload({ kind: 'done', fileName: workbook.fileName });
    } catch (error) {
      setDownload({ kind: 'failed', error: asError(error) });
    }
  }

  async function storeSettings(next: Settings) {
    await saveSettings(next);
    setSettings(next);
    if (next.timeZone) setTimeZone(next.timeZone);
  }

  // The popup's "Download last workbook" sends a request to every open workspace, and only one with a report responds.
  const downloadRef = useRef({ canDownload: false, start: downloadWorkbook });
  downloadRef.current = { canDownload: visibleReport !== null, start: downloadWorkbook };
  useEffect(() => {
    const listener = (message: unknown, _sender: unknown, sendResponse: (response: DownloadResponse) => void) => {
      if (!isDownloadRequest(message) || !downloadRef.current.canDownload) return false;
      void downloadRef.current.start();
      sendResponse({ started: true });
      return false;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, []);

  return (
    <div class="workspace">
      <header class="page-header">
        <h1>Adoption Lens</h1>
        <p>Your exports are read in this browser and never uploaded.</p>
      </header>
      <main>
        <EngineStatus state={engineState} busy={busy} />
        {problem && (
          <div class="error-panel" role="alert">
            <h2 class="error-panel__title">{problem.action}</h2>
            <p class="error-panel__message">{problem.error.message}</p>
            <button type="button" class="button" onClick={() => setProblem(null)}>
              Dismiss
            </button>
          </div>
        )}
        <FilePicker busy={busy !== null} onFiles={(files) => void loadFiles(files)} onSamples={() => void loadSamples()} />
        <ImportSummaryList
          summaries={summaries}
          failures={failures}
          busy={busy !== null}
          onRemove={(fileId) => void removeFile(fileId)}
          onDismiss={(key) => setFailures((previous) => previous.filter((failure) => failure.key !== key))}
        />
        <PeriodPicker
          preset={preset}
          period={period}
          timeZone={timeZone}
          problem={periodProblem ?? range.error?.message ?? null}
          disabled={!hasData}
          onPreset={setPreset}
          onPeriod={(next) => {
            setPreset('custom');
            setCustomPeriod(next);
          }}
          onTimeZone={setTimeZone}
        />
        <ChannelTabs selected={channel} onSelect={setChannel}>
          <ChannelReportView
            channel={channel}
            hasData={hasData}
            report={visibleReport?.report ?? null}
            loading={report.loading || range.loading}
            error={report.error}
          />
        </ChannelTabs>
        <DownloadPanel channel={channel} enabled={visibleReport !== null} state={download} onDownload={() => void downloadWorkbook()} />
        <SettingsPanel settings={settings} onSave={storeSettings} />
      </main>
    </div>
  );
}

function EngineStatus({ state, busy }: { state: 'starting' | 'ready' | Error; busy: string | null }) {
  if (state instanceof Error) {
    return (
      <div class="error-panel" role="alert">
        <h2 class="error-panel__title">The report engine did not start</h2>
        <p class="error-panel__message">{state.message}</p>
      </div>
    );
  }
  const text = busy ?? (state === 'starting' ? 'Starting the report engine…' : '');
  return (
    <p class="status" role="status" aria-live="polite">
      {text}
    </p>
  );
}
