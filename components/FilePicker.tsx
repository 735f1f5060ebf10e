import { useState } from 'preact/hooks';

interface Props {
  busy: boolean;
  onFiles(files: File[]): void;
  onSamples(): void;
}

const ACCEPTED = '.csv,.tsv,.txt,.xlsx,.json,.zip';

/** Renders the drop zone, the file picker and the sample-data button. */
export function FilePicker({ busy, onFiles, onSamples }: Props) {
  const [dragging, setDragging] = useState(false);

  function handleDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const files = Array.from(event.dataTransfer?.files ?? []);
    if (files.length > 0 && !busy) onFiles(files);
  }

  function handleChange(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    // Clearing the value lets the same file be picked again after it was removed.
    input.value = '';
    if (files.length > 0) onFiles(files);
  }

  return (
    <section class="panel" aria-labelledby="files-heading">
      <h2 id="files-heading">Your exports</h2>
      <div
        class={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
        onDragEnter={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => event.preventDefault()}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={handleDrop}
      >
        <p class="drop-zone__lead">Drop CSV, XLSX, JSON or ZIP exports here, or</p>
        <div class="drop-zone__actions">
          <input
            type="file"
            multiple
            id="file-input"
            class="visually-hidden"
            accept={ACCEPTED}
            disabled={busy}
            aria-describedby="file-input-hint"
            onChange={handleChange}
          />
          <label for="file-input" class={`button button--primary${busy ? ' button--disabled' : ''}`}>
            Choose files
          </label>
          <button type="button" class="button" id="load-samples" disabled={busy} onClick={onSamples}>
            Try the sample data
          </button>
        </div>
        <p id="file-input-hint" class="hint">
          Users list, extension list, call log, meeting history, messaging export, usage events or downloaded
          Adoption and Usage workbooks. The format
          is recognised from each file's content. The sample data replaces any files already loaded.
        </p>
      </div>
    </section>
  );
}
