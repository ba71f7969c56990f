/** The workload panel: run controls, the kind, its inputs, import, share and export. */
import { useAppState } from './app-context';
import { FilterSection } from './FilterSection';
import { ImportControl } from './ImportControl';
import { KindSection } from './KindSection';
import { QuantumSection } from './QuantumSection';
import { RunControls } from './RunControls';
import { ShareExport } from './ShareExport';
import { SourceSection } from './SourceSection';

export function WorkloadPanel() {
  const kind = useAppState((s) => s.config.kind);
  return (
    <section className="card panel" aria-label="Workload">
      <h2>Workload</h2>
      <RunControls />
      <KindSection />
      {kind === 'resolvent' && <FilterSection />}
      {kind === 'quantum' ? (
        <QuantumSection />
      ) : (
        <>
          <SourceSection />
          <ImportControl />
        </>
      )}
      <ShareExport />
    </section>
  );
}
