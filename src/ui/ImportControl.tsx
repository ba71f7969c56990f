/**
 * Import your own data: CSV, WAV or JSON signals, or an image for 2D. A file that cannot be
 * used leaves everything as it was and says why, naming the file.
 */
import { useId, useState } from 'react';
import { NOTICE } from '../app/notices';
import { ImportError, importFile, importImagePixels, type ImportedData } from '../io/import';
import { useAppState } from './app-context';

/** Images are decoded by the browser; the importer gets their RGBA pixels. */
async function readImage(file: File): Promise<ImportedData> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new ImportError(file.name, 'the browser could not decode this image');
  }
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new ImportError(file.name, 'no 2D canvas to read the pixels with');
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return importImagePixels(file.name, pixels.width, pixels.height, pixels.data);
}

async function readFile(file: File): Promise<ImportedData> {
  if (file.type.startsWith('image/')) return readImage(file);
  return importFile(file.name, await file.arrayBuffer());
}

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
  const [busy, setBusy] = useState(false);
  const id = useId();

  const onFile = async (file: File): Promise<void> => {
    setBusy(true);
    try {
      const data = await readFile(file);
      setImported(data);
      dismiss(NOTICE.import);
    } catch (error) {
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
      setBusy(false);
    }
  };

  return (
    <fieldset className="section">
      <legend>Your own data</legend>
      {imported && <ImportedSummary imported={imported} />}
      <label htmlFor={id} className="file-label">
        Import CSV, WAV, JSON or an image{busy ? ' — reading…' : ''}
      </label>
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
