import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Channel, Kpi } from '../lib/engine/types';
import { CHANNEL_NAMES, formatDateRange, formatKpiValue } from './format';
import { DOWNLOAD_REQUEST, type DownloadRequest, type DownloadResponse } from './messages';
import { type LastReport, type LastReports, loadLastReports } from './settings-store';
import './popup.css';

const CHANNEL_ORDER: Channel[] = ['phone', 'video', 'message'];

/** The KPIs of each channel's headline: the people KPIs, then the channel's main volume. */
export const HEADLINE_KPI_IDS: Record<Channel, string[]> = {
  phone: ['users', 'active_users', 'active_rate', 'calls'],
  video: ['users', 'active_users', 'active_rate', 'meetings'],
  message: ['users', 'active_users', 'active_rate', 'messages_sent'],
};

const NO_DATA_MESSAGE = 'Open the workspace and load your exports first.';

/** Renders the toolbar popup: each channel's last headline numbers and shortcuts to the workspace. */
export function Popup() {
  const [lastReports, setLastReports] = useState<LastReports | undefined>(undefined);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    loadLastReports().then(setLastReports, (error: unknown) => {
      setLastReports({});
      setStatus(`The last reports could not be read: ${error instanceof Error ? error.message : String(error)}`);
    });
  }, []);

  async function openWorkspace() {
    await browser.runtime.openOptionsPage();
    window.close();
  }

  async function downloadLastWorkbook() {
    setStatus('Asking the workspace…');
    const request: DownloadRequest = { type: DOWNLOAD_REQUEST };
    let response: DownloadResponse | undefined;
    try {
      response = (await browser.runtime.sendMessage(request)) as DownloadResponse | undefined;
    } catch {
      // sendMessage rejects when no open workspace responds ("Receiving end does not exist").
      response = undefined;
    }
    if (!response?.started) {
      setStatus(NO_DATA_MESSAGE);
      return;
    }
    await openWorkspace();
  }

  const reports = CHANNEL_ORDER.flatMap((channel) => {
    const report = lastReports?.[channel];
    return report ? [report] : [];
  });
  return (
    <main class="popup">
      <h1>Adoption Lens</h1>
      {lastReports === undefined ? null : reports.length === 0 ? (
        <p class="popup__empty">No report yet.</p>
      ) : (
        reports.map((report) => <ChannelHeadline key={report.channel} report={report} />)
      )}
      <div class="popup__actions">
        <button type="button" class="button button--primary" id="open-workspace" onClick={() => void openWorkspace()}>
          Open workspace
        </button>
        <button type="button" class="button" id="download-last" onClick={() => void downloadLastWorkbook()}>
          Download last workbook
        </button>
      </div>
      <p class="popup__status" role="status" aria-live="polite">
        {status}
      </p>
    </main>
  );
}

function ChannelHeadline({ report }: { report: LastReport }) {
  const headingId = `last-${report.channel}-heading`;
  const kpis = HEADLINE_KPI_IDS[report.channel]
    .map((id) => report.kpis.find((kpi) => kpi.id === id))
    .filter((kpi): kpi is Kpi => kpi !== undefined);
  return (
    <section class="popup__channel" data-channel={report.channel} aria-labelledby={headingId}>
      <h2 id={headingId}>{CHANNEL_NAMES[report.channel]}</h2>
      <p class="popup__meta">
        {formatDateRange(report.period.from, report.period.to)} · {report.timeZone}
      </p>
      <dl class="popup__kpis">
        {kpis.map((kpi) => (
          <div key={kpi.id} class="popup__kpi" title={kpi.definition} data-kpi-id={kpi.id}>
            <dt>{kpi.label}</dt>
            <dd>{formatKpiValue(kpi)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
