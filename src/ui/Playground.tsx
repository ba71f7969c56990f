/** The playground view: workload and adapter panels on the left, readouts and plots on the right. */
import { AdapterPanel } from './AdapterPanel';
import { MetricsBar } from './MetricsBar';
import { CoherenceDistribution, CoherencePlot, HighKPlot } from './plots/HistoryPlots';
import { ThroughputPlot } from './plots/ThroughputPlot';
import { SpectrumPlot } from './plots/SpectrumPlot';
import { TimeDomainPlot } from './plots/TimeDomainPlot';
import { WorkloadPanel } from './WorkloadPanel';

export function Playground() {
  return (
    <div className="playground">
      <aside className="sidebar">
        <WorkloadPanel />
        <AdapterPanel />
      </aside>
      <div className="content">
        <MetricsBar />
        <TimeDomainPlot />
        <SpectrumPlot />
        <HighKPlot />
        <CoherencePlot />
        <CoherenceDistribution />
        <ThroughputPlot />
      </div>
    </div>
  );
}
