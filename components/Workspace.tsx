import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Channel, ColumnMapping, ImportSummary, Period } from '../lib/engine/types';
import { CHANNELS, ChannelTabs } from './ChannelTabs';
import { previousFigures } from './comparison';
import { ChannelReportView } from './ChannelReportView';
import { ColumnMappingForm } from './ColumnMappingForm';
import { DownloadPanel } from './DownloadPanel';
import { createEngineClient } from './engine-client';
import { FilePicker } from './FilePicker';
import { FirstRunGuide } from './FirstRunGuide';
import { CHANNEL_NAMES } from './format';
import { ImportSummaryList } from './ImportSummaryList';
import { isDownloadRequest, type DownloadResponse } from './messages';
import { type PresetId, checkPeriod, presetPeriod, previousPeriod } from './period';
import { PeriodPicker } from './PeriodPicker';
import { prepareReportView } from './prepare-report';
import { ProgressPanel } from './ProgressPanel';
import {
  DEFAULT_SETTINGS,
  type Settings,
  forgetColumnMapping,
  loadColumnMappings,
  loadSettings,
  saveColumnMapping,
  saveLastReport,
  saveSettings,
} from './settings-store';
import { SettingsPanel, openEndpointRules } from './SettingsPanel';
import { browserTimeZone } from './time-zones';
import { useActivity } from './use-activity';
import { combinedPeriod, useChannelRanges } from './use-combined-period';
import { useDownloads } from './use-downloads';
import { useFiles } from './use-files';
import { useZonedSummaries } from './use-zoned-summaries';
import { type ShownReport, asError, useDataRange, useReport } from './use-report';
import './workspace.css';

/** Renders the options page, where the user loads exports, picks a period, reads a channel's report and downloads it. */
export function Workspace() {
  const engine = useMemo(createEngineClient, []);
  const [engineState, setEngineState] = useState<'starting' | 'ready' | Error>('starting');
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [channel, setChannel] = useState<Channel>('phone');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [preset, setPreset] = useState<PresetId | 'custom'>('all');
  const [customPeriod, setCustomPeriod] = useState<Period | null>(null);
  const [compare, setCompare] = useState(false);
  /** True after the user cancelled a report, until they ask for it again or change what it shows. */
  const [reportPaused, setReportPaused] = useState(false);
  /** A failed action other than start-up, such as loading files, until the user dismisses it. */
  const [problem, setProblem] = useState<{ action: string; error: Error } | null>(null);
  const [columnMappings, setColumnMappings] = useState<ColumnMapping[]>([]);
  const activity = useActivity();

  const { summaries, setSummaries, dataVersion, setDataVersion, failures, setFailures, ...files } = useFiles({
    engine,
    activity,
    onLoaded: (list: ImportSummary[]) => {
      setPreset('all');
      setReportPaused(false);
      const present = new Set(list.flatMap((summary) => summary.channels));
      if (!present.has(channel)) setChannel(CHANNELS.find((candidate) => present.has(candidate)) ?? channel);
    },
    onProblem: (action, error) => setProblem({ action, error }),
    loadMappings: async () => {
      const saved = await loadColumnMappings();
      setColumnMappings(saved);
      return saved;
    },
    saveMapping: async (mapping) => {
      await saveColumnMapping(mapping);
      setColumnMappings(await loadColumnMappings());
    },
  });

  async function forgetMapping(header: string[]) {
    try {
      await forgetColumnMapping(header);
      setColumnMappings(await loadColumnMappings());
    } catch (error) {
      setProblem({ action: 'Forgetting the column mapping failed', error: asError(error) });
    }
  }

  useEffect(() => {
    // The first call starts DuckDB, so a broken engine shows up before the user picks a file.
    engine.listFiles().then(
      () => setEngineState('ready'),
      (error: unknown) => setEngineState(asError(error)),
    );
    loadColumnMappings().then(setColumnMappings, (error: unknown) =>
      console.warn('[Adoption Lens] Saved column mappings could not be read.', error),
    );
    loadSettings().then(
      (stored) => {
        setSettings(stored);
        if (stored.timeZone) setTimeZone(stored.timeZone);
      },
      (error: unknown) => console.warn('[Adoption Lens] Stored settings could not be read; using defaults.', error),
    );
  }, [engine]);

  const zonedSummaries = useZonedSummaries(engine, summaries, timeZone);
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
  const reportPeriod = periodProblem || reportPaused ? null : period;
  const comparedPeriod = compare && reportPeriod ? previousPeriod(reportPeriod) : null;

  const rememberReport = useCallback(({ request, report }: ShownReport) => {
    const aggregates = { ...request, kpis: report.kpis, generatedAt: Date.now() };
    saveLastReport(aggregates).catch((error: unknown) =>
      console.warn('[Adoption Lens] The last report could not be stored for the popup.', error),
    );
  }, []);
  const report = useReport(
    engine,
    rangeValue,
    reportPeriod,
    settings.thresholds,
    settings.endpointRules,
    rememberReport,
    prepareReportView,
  );
  const previous = useReport(engine, rangeValue, comparedPeriod, settings.thresholds, settings.endpointRules, ignoreReport);
  // While another channel's report is being computed, the previous one must not show under this tab.
  const visibleReport = report.value?.request.channel === channel ? report.value : null;
  const previousValue = previous.value;
  const visiblePrevious =
    comparedPeriod && previousValue?.request.channel === channel && previousValue.request.period.from === comparedPeriod.from
      ? previousFigures(comparedPeriod, previousValue.report)
      : null;

  // The report runs on its own when its inputs change, so its progress is shown from its loading state.
  const computing = report.loading || previous.loading;
  useEffect(() => {
    if (!computing) return;
    const id = activity.start({ kind: 'report', step: `Computing the ${CHANNEL_NAMES[channel]} report`, cancellable: true });
    return () => activity.finish(id);
  }, [computing]);

  const orderedChannels = CHANNELS.filter((candidate) => channelsWithData.has(candidate));
  const channelRanges = useChannelRanges(engine, orderedChannels, timeZone, dataVersion);
  const combined = combinedPeriod(preset, reportPeriod, channelRanges);
  const { state: download, setState: setDownload, downloadWorkbook, downloadAll } = useDownloads({
    engine,
    activity,
    author: settings.author,
    screenReport: visibleReport,
    channels: orderedChannels,
    combinedPeriod: combined,
  });

  async function cancelActivity() {
    if (activity.activity?.kind === 'report') setReportPaused(true);
    await files.cancelAndReload();
  }

  const fileBusy = activity.activity?.kind === 'files' || activity.activity?.kind === 'reload';
  const loaded = summaries.length > 0;

  async function storeSettings(next: Settings) {
    await saveSettings(next);
    setSettings(next);
    if (next.timeZone) setTimeZone(next.timeZone);
  }

  /** Empties the engine and puts the page back as it opens with nothing loaded; returns the number of files dropped. */
  async function forgetEverything(): Promise<number> {
    const fileCount = summaries.length;
    await engine.reset();
    setSummaries([]);
    setFailures([]);
    files.setUnmapped([]);
    setColumnMappings([]);
    setDataVersion((version) => version + 1);
    setProblem(null);
    setDownload({ kind: 'idle' });
    setPreset('all');
    setCustomPeriod(null);
    setChannel('phone');
    setSettings(DEFAULT_SETTINGS);
    setTimeZone(browserTimeZone());
    return fileCount;
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
        <EngineStatus state={engineState} />
        {activity.activity && <ProgressPanel activity={activity.activity} onCancel={() => void cancelActivity()} />}
        {problem && (
          <div class="error-panel" role="alert">
            <h2 class="error-panel__title">{problem.action}</h2>
            <p class="error-panel__message">{problem.error.message}</p>
            <button type="button" class="button" onClick={() => setProblem(null)}>
              Dismiss
            </button>
          </div>
        )}
        {files.notice && (
          <div class="notice notice--dismissable" role="status">
            <p>{files.notice}</p>
            <button type="button" class="button button--small" onClick={() => files.setNotice(null)}>
              Dismiss
            </button>
          </div>
        )}
        {files.unmapped[0] && (
          <ColumnMappingForm
            key={files.unmapped[0].key}
            unmapped={files.unmapped[0]}
            today={localToday()}
            busy={fileBusy}
            onApply={(mapping) => void files.applyMapping(files.unmapped[0]!.key, mapping)}
            onSkip={() => files.skipMapping(files.unmapped[0]!.key)}
          />
        )}
        <FilePicker busy={fileBusy} onFiles={(picked) => void files.loadFiles(picked)} onSamples={() => void files.loadSamples()} />
        {!loaded && <FirstRunGuide />}
        <ImportSummaryList
          summaries={zonedSummaries}
          failures={failures}
          busy={fileBusy}
          onRemove={(fileId) => void files.removeFile(fileId)}
          onDismiss={(key) => setFailures((previousFailures) => previousFailures.filter((failure) => failure.key !== key))}
          onCorrectMapping={(key) => files.correctMapping(key)}
        />
        {loaded && (
          <>
            <PeriodPicker
              preset={preset}
              period={period}
              timeZone={timeZone}
              problem={periodProblem ?? range.error?.message ?? null}
              disabled={!hasData}
              compare={compare}
              onCompare={setCompare}
              onPreset={(next) => {
                setPreset(next);
                setReportPaused(false);
              }}
              onPeriod={(next) => {
                setPreset('custom');
                setCustomPeriod(next);
                setReportPaused(false);
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
                previous={visiblePrevious}
                paused={reportPaused}
                onResume={() => setReportPaused(false)}
                onMapEndpoints={openEndpointRules}
                range={rangeValue}
                onShowAllData={() => {
                  setPreset('all');
                  setReportPaused(false);
                }}
              />
            </ChannelTabs>
            <DownloadPanel
              channel={channel}
              enabled={visibleReport !== null}
              allChannels={orderedChannels}
              combinedPeriod={combined}
              allData={preset === 'all'}
              state={download}
              onDownload={() => void downloadWorkbook()}
              onDownloadAll={() => void downloadAll()}
            />
          </>
        )}
        <SettingsPanel
          settings={settings}
          onSave={storeSettings}
          onForget={forgetEverything}
          unmappedEndpoints={visibleReport?.report.unmappedEndpoints ?? []}
          columnMappings={columnMappings}
          onForgetMapping={(header) => void forgetMapping(header)}
        />
      </main>
    </div>
  );
}

function ignoreReport(): void {}

/** Today's date in this browser's zone, as `YYYY-MM-DD`. */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function EngineStatus({ state }: { state: 'starting' | 'ready' | Error }) {
  if (state instanceof Error) {
    return (
      <div class="error-panel" role="alert">
        <h2 class="error-panel__title">The report engine did not start</h2>
        <p class="error-panel__message">{state.message}</p>
      </div>
    );
  }
  return (
    <p class="status" role="status" aria-live="polite">
      {state === 'starting' ? 'Starting the report engine…' : ''}
    </p>
  );
}
