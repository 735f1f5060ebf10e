import { useEffect, useState } from 'preact/hooks';
import { formatBytes, formatCountOf, formatElapsed } from './format';
import type { Activity } from './use-activity';

/** How often the elapsed time is redrawn, in milliseconds. */
const TICK_MS = 250;

interface Props {
  activity: Activity;
  onCancel(): void;
}

/** Shows the running step, the file and the counts known so far, the time elapsed, and a Cancel button. */
export function ProgressPanel({ activity, onCancel }: Props) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);

  const { filesDone, filesTotal, bytesDone, bytesTotal, rowsRead } = activity;
  const details: string[] = [];
  if (filesTotal !== undefined && filesTotal > 1) details.push(`file ${Math.min((filesDone ?? 0) + 1, filesTotal)} of ${filesTotal}`);
  if (bytesTotal !== undefined) details.push(`${formatBytes(bytesDone ?? 0)} of ${formatBytes(bytesTotal)} done`);
  if (rowsRead !== undefined && rowsRead > 0) details.push(`${formatCountOf(rowsRead, 'row')} read`);
  let fraction: number | null = null;
  if (bytesTotal) fraction = (bytesDone ?? 0) / bytesTotal;
  else if (filesTotal) fraction = (filesDone ?? 0) / filesTotal;

  return (
    <div class="progress-panel" id="progress" role="status" aria-live="polite">
      <div class="progress-panel__text">
        <p class="progress-panel__step">
          {activity.step}
          {activity.fileName && (
            <>
              : <span class="file-name">{activity.fileName}</span>
            </>
          )}
          …
        </p>
        <p class="hint">
          {details.length > 0 && `${details.join(', ')} · `}
          <span class="progress-panel__elapsed">{formatElapsed(now - activity.startedAt)} elapsed</span>
        </p>
      </div>
      {fraction !== null && (
        <progress class="progress-panel__bar" max={1} value={fraction} aria-label="Share of the files loaded" />
      )}
      {activity.cancellable && (
        <button type="button" class="button" id="cancel-activity" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
