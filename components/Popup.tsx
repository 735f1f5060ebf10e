import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CHANNEL_NAMES, formatDateRange, formatKpiValue } from './format';
import { DOWNLOAD_REQUEST, type DownloadRequest, type DownloadResponse } from './messages';
import { type LastReport, loadLastReport } from './settings-store';
import './popup.css';

/** KPIs shown in the popup: the first ones of the report, which are the people KPIs. */
const HEADLINE_COUNT = 6;

const NO_DATA_MESSAGE = 'Open the workspace and load your exports first.';

/** Renders the toolbar popup: the last report's headline KPIs and shortcuts to the workspace. */
export function Popup() {
  const [lastReport, setLastReport] = useState<LastReport | null | undefined>(undefined);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    loadLastReport().then(setLastReport, (error: unknown) => {
      setLastReport(null);
      setStatus(`The last report could not be read: ${error instanceof Error ? error.message : String(error)}`);
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

  return (
    <main class="popup">
      <h1>Adoption Lens</h1>
      {lastReport === undefined ? null : lastReport === null ? (
        <p class="popup__empty">No report yet.</p>
      ) : (
        <section aria-labelledby="last-report-heading">
          <h2 id="last-report-heading">
            Last {CHANNEL_NAMES[lastReport.channel]} report
          </h2>
          <p class="popup__meta">
            {formatDateRange(lastReport.period.from, lastReport.period.to)} · {lastReport.timeZone}
          </p>
          <dl class="popup__kpis">
            {lastReport.kpis.slice(0, HEADLINE_COUNT).map((kpi) => (
              <div key={kpi.id} class="popup__kpi" title={kpi.definition}>
                <dt>{kpi.label}</dt>
                <dd>{formatKpiValue(kpi)}</dd>
              </div>
            ))}
          </dl>
        </section>
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
