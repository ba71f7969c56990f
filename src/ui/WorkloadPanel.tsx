/** The workload panel: run controls, signal source, filter, import, share and export. */
import { FilterSection } from './FilterSection';
import { ImportControl } from './ImportControl';
import { RunControls } from './RunControls';
import { ShareExport } from './ShareExport';
import { SourceSection } from './SourceSection';

export function WorkloadPanel() {
  return (
    <section className="card panel" aria-label="Workload">
      <h2>Workload</h2>
      <RunControls />
      <FilterSection />
      <SourceSection />
      <ImportControl />
      <ShareExport />
    </section>
  );
}
