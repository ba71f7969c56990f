/**
 * The workload panel: the tour and the presets first (a newcomer's way in), run controls and
 * live mode, the kind, its inputs, import, share and export, and the formulas behind it all.
 * `data-tour` names mark what the tour points at.
 */
import { useAppState } from './app-context';
import { FilterSection } from './FilterSection';
import { ImportControl } from './ImportControl';
import { KindSection } from './KindSection';
import { QuantumSection } from './QuantumSection';
import { RunControls } from './RunControls';
import { ShareExport } from './ShareExport';
import { SourceSection } from './SourceSection';
import { Explainer } from './teaching/Explainer';
import { LiveControls } from './teaching/LiveControls';
import { PresetBar } from './teaching/PresetBar';
import { TourLauncher } from './teaching/Tour';

export function WorkloadPanel() {
  const kind = useAppState((s) => s.config.kind);
  return (
    <section className="card panel" aria-label="Workload">
      <h2>Workload</h2>
      <div className="teaching">
        <TourLauncher />
        <PresetBar />
      </div>
      <RunControls />
      {/* A wave packet moves by itself; live mode renews the generator's signals. */}
      {kind !== 'quantum' && <LiveControls />}
      <KindSection />
      {kind === 'resolvent' && (
        <div data-tour="filter">
          <FilterSection />
        </div>
      )}
      {kind === 'quantum' ? (
        <QuantumSection />
      ) : (
        <>
          <SourceSection />
          <ImportControl />
        </>
      )}
      <ShareExport />
      <Explainer />
    </section>
  );
}
