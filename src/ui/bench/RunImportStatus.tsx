/**
 * A benchmark-run import in progress: what is being read and how far, with Cancel; afterwards,
 * the notice that a cancelled import changed nothing. Its own component, subscribed to the
 * import state only, so each progress report re-renders this line and not the results below.
 */
import { useStore } from 'zustand';
import type { BenchStore } from './bench-store';

const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);

export function RunImportStatus({ store }: { store: BenchStore }) {
  const importing = useStore(store, (s) => s.importing);
  const notice = useStore(store, (s) => s.importNotice);
  if (!importing) {
    return notice ? <span data-testid="bench-import-notice">{notice}</span> : null;
  }
  const { file, progress } = importing;
  return (
    <>
      {/* max stays above 0: an empty file would otherwise show an indeterminate bar. */}
      <progress
        data-testid="bench-import-progress"
        max={Math.max(1, progress.total)}
        value={progress.done}
      />
      <span>
        {progress.phase === 'parsing' ? 'parsing' : 'reading'} {file}: {mib(progress.done)} /{' '}
        {mib(progress.total)} MiB
      </span>
      <button
        type="button"
        data-testid="bench-import-cancel"
        onClick={() => store.getState().cancelImport()}
      >
        Cancel
      </button>
    </>
  );
}
