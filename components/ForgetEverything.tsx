import { useState } from 'preact/hooks';
import { describeForgotten } from './forget-summary';
import { clearStoredData } from './settings-store';

interface Props {
  /** Drops the loaded files from the engine and clears the page; resolves to the number of files dropped. */
  onForget(): Promise<number>;
}

type ForgetState =
  | { kind: 'idle' }
  | { kind: 'confirming' }
  | { kind: 'working' }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string };

/** Renders the Forget everything control, which requires one confirmation before it clears anything. */
export function ForgetEverything({ onForget }: Props) {
  const [state, setState] = useState<ForgetState>({ kind: 'idle' });

  async function forget() {
    setState({ kind: 'working' });
    try {
      // The engine goes first, because a report still being computed would otherwise store its KPIs
      // again after the storage was cleared.
      const fileCount = await onForget();
      const storedItems = await clearStoredData();
      setState({ kind: 'done', message: describeForgotten({ fileCount, storedItems }) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setState({
        kind: 'failed',
        message: `Forgetting failed: ${reason}. Reload the page and try again; removing the extension also deletes everything it stored.`,
      });
    }
  }

  return (
    <section class="forget-everything" aria-labelledby="forget-heading">
      <h3 id="forget-heading">Forget everything</h3>
      <p class="hint">
        Removes the loaded files and their reports from this page, and everything the extension stored in this
        browser: settings, endpoint mappings and the last report's KPIs. Your export files and the workbooks you
        downloaded are not touched.
      </p>
      <div class="form-actions">
        {state.kind === 'confirming' ? (
          <>
            <button type="button" class="button button--primary" id="forget-confirm" onClick={() => void forget()}>
              Yes, forget everything
            </button>
            <button type="button" class="button" onClick={() => setState({ kind: 'idle' })}>
              Cancel
            </button>
          </>
        ) : (
          <button
            type="button"
            class="button"
            id="forget-everything"
            disabled={state.kind === 'working'}
            onClick={() => setState({ kind: 'confirming' })}
          >
            Forget everything…
          </button>
        )}
        <p class="hint" role="status" id="forget-status">
          {state.kind === 'working' && 'Forgetting…'}
          {state.kind === 'done' && state.message}
        </p>
      </div>
      {state.kind === 'failed' && (
        <p class="field-error" role="alert">
          {state.message}
        </p>
      )}
    </section>
  );
}
