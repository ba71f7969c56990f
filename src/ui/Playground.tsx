/** The playground view: workload and adapter panels on the left, the kind's readouts and plots on the right. */
import { AdapterPanel } from './AdapterPanel';
import { useAppState } from './app-context';
import { MetricsBar } from './MetricsBar';
import { CoherenceDistribution, CoherencePlot, HighKPlot } from './plots/HistoryPlots';
import { MomentumPlot, PacketPlot } from './plots/QuantumPlots';
import { QuantumHistoryPlot } from './plots/QuantumHistoryPlot';
import { ThroughputPlot } from './plots/ThroughputPlot';
import { SpectrumPlot } from './plots/SpectrumPlot';
import { TimeDomainPlot } from './plots/TimeDomainPlot';
import { WalshSignalPlot, WalshSpectraPlot } from './plots/WalshPlots';
import { QuantumMetrics } from './QuantumMetrics';
import { WalshMetrics } from './WalshMetrics';
import { WorkloadPanel } from './WorkloadPanel';

function KindContent() {
  const kind = useAppState((s) => s.config.kind);
  switch (kind) {
    case 'resolvent':
      return (
        <>
          <MetricsBar />
          <TimeDomainPlot />
          <SpectrumPlot />
          <HighKPlot />
          <CoherencePlot />
          <CoherenceDistribution />
          <ThroughputPlot />
        </>
      );
    case 'walsh':
      return (
        <>
          <WalshMetrics />
          <WalshSpectraPlot />
          <WalshSignalPlot />
        </>
      );
    case 'quantum':
      return (
        <>
          <QuantumMetrics />
          <PacketPlot />
          <QuantumHistoryPlot />
          <MomentumPlot />
        </>
      );
  }
}

export function Playground() {
  return (
    <div className="playground">
      <aside className="sidebar">
        <WorkloadPanel />
        <AdapterPanel />
      </aside>
      <div className="content">
        <KindContent />
      </div>
    </div>
  );
}
