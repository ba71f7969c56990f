/** Copy the permalink; export what the current kind shows (history, signals, ψ) as JSON or CSV. */
import { NOTICE } from '../app/notices';
import { useAppState, useAppStore } from './app-context';
import { ExportButtons } from './ExportButtons';
import { QuantumExportButtons, WalshExportButtons } from './KindExportButtons';

export function ShareExport() {
  const notify = useAppState((s) => s.notify);
  const store = useAppStore();
  const kind = useAppState((s) => s.config.kind);
  const copy = async (): Promise<void> => {
    const link = window.location.href;
    const imported = store.getState().imported !== null;
    const lines = [link];
    if (imported) lines.push('Imported data is not part of the link: it opens on the generator.');
    try {
      await navigator.clipboard.writeText(link);
      notify({ id: NOTICE.copied, level: 'info', title: 'Link copied to the clipboard.', lines });
    } catch {
      // Clipboard access can be refused (permissions, insecure context): show the link instead.
      notify({
        id: NOTICE.copied,
        level: 'info',
        title: 'The clipboard is not available here; copy the link by hand:',
        lines,
      });
    }
  };
  return (
    <fieldset className="section">
      <legend>Share and export</legend>
      <div className="row wrap">
        <button type="button" data-testid="copy-link" onClick={() => void copy()}>
          Copy link
        </button>
        {kind === 'resolvent' && <ExportButtons />}
        {kind === 'walsh' && <WalshExportButtons />}
        {kind === 'quantum' && <QuantumExportButtons />}
      </div>
      <p className="hint">
        The whole configuration lives in the URL and is remembered in this browser.
      </p>
    </fieldset>
  );
}
