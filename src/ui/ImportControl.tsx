/**
 * Import your own data: CSV, WAV or JSON signals, or an image for 2D. A file that cannot be
 * used leaves everything as it was and says why, naming the file.
 */
import { useId, useRef, useState } from 'react';
import { NOTICE } from '../app/notices';
import { ImportError, type ImportedData } from '../io/import';
import { ImportCancelledError, importInWorker } from '../io/import-client';
import type { ImportProgress } from '../io/import-job';
import { useAppState } from './app-context';

/** Files above this size show a progress bar and a Cancel button while they are read. */
const SHOW_PROGRESS_BYTES = 2 * 2 ** 20;

function ImportedSummary({ imported }: { imported: ImportedData }) {
  const setImported = useAppState((s) => s.setImported);
  return (
    <div className="imported" data-testid="imported">
      <p>
        Running on <strong>{imported.name}</strong> ({imported.kind}): {imported.batch} signal
        {imported.batch === 1 ? '' : 's'} of [{imported.shape.join(' × ')}]. The generator settings
        are paused, and imported data is not part of the link.
      </p>
      {imported.notes.length > 0 && (
        <ul className="muted small">
          {imported.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => setImported(null)} data-testid="use-generator">
        Back to the generator
      </button>
    </div>
  );
}

export function ImportControl() {
  const imported = useAppState((s) => s.imported);
  const setImported = useAppState((s) => s.setImported);
  const notify = useAppState((s) => s.notify);
  const dismiss = useAppState((s) => s.dismiss);
  const [busy, setBusy] = useState<{ name: string; size: number } | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const cancel = useRef<AbortController | null>(null);
  const id = useId();

  const onFile = async (file: File): Promise<void> => {
    cancel.current?.abort();
    const controller = new AbortController();
    cancel.current = controller;
    setBusy({ name: file.name, size: file.size });
    setProgress(null);
    try {
      // Read and parsed in a worker: the page keeps answering whatever the file holds.
      const data = await importInWorker(file, {
        onProgress: setProgress,
        signal: controller.signal,
      });
      setImported(data);
      dismiss(NOTICE.import);
    } catch (error) {
      if (error instanceof ImportCancelledError) {
        notify({
          id: NOTICE.import,
          level: 'info',
          title: `Import of “${file.name}” cancelled; nothing was changed.`,
          lines: [],
        });
        return;
      }
      const detail =
        error instanceof ImportError
          ? `${error.file}: ${error.problem}`
          : `${file.name}: ${error instanceof Error ? error.message : String(error)}`;
      notify({
        id: NOTICE.import,
        level: 'error',
        title: `Could not import “${file.name}”; nothing was changed.`,
        lines: [detail],
      });
    } finally {
      if (cancel.current === controller) {
        cancel.current = null;
        setBusy(null);
        setProgress(null);
      }
    }
  };

  return (
    <fieldset className="section">
      <legend>Your own data</legend>
      {imported && <ImportedSummary imported={imported} />}
      <label htmlFor={id} className="file-label">
        Import CSV, WAV, JSON or an image{busy ? ' — reading…' : ''}
      </label>
      {busy && busy.size > SHOW_PROGRESS_BYTES && (
        <div className="import-progress" data-testid="import-progress" aria-live="polite">
          <progress max={progress?.total ?? busy.size} value={progress?.loaded ?? 0} />
          <span>
            {progress?.phase === 'parsing' ? 'parsing' : 'reading'} {busy.name}:{' '}
            {((progress?.loaded ?? 0) / 2 ** 20).toFixed(1)} / {(busy.size / 2 ** 20).toFixed(1)}{' '}
            MiB
          </span>
          <button type="button" data-testid="import-cancel" onClick={() => cancel.current?.abort()}>
            Cancel
          </button>
        </div>
      )}
      <input
        id={id}
        type="file"
        data-testid="import-file"
        accept=".csv,.txt,.wav,.json,image/*"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Clear the input so choosing the same file again is another import.
          e.target.value = '';
          if (file) void onFile(file);
        }}
      />
      <p className="hint">
        CSV: one signal per row or column. WAV: mono, or one signal per channel. JSON: an array of
        numbers or of arrays. Images become one 2D signal (luminance).
      </p>
    </fieldset>
  );
}
