/**
 * The playground view: workload and adapter panels on the left, the kind's readouts and plots on
 * the right. The DOM order is the phone's single column: readouts and the first two plots,
 * then the controls, then the other plots (app.css places the parts in two columns when wide).
 */
import { AdapterPanel } from './AdapterPanel';
import { AudioPanel } from './audio/AudioPanel';
import { Spectrogram } from './audio/Spectrogram';
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
import { ButterflyView } from './teaching/ButterflyView';
import { WalshMetrics } from './WalshMetrics';
import { WorkloadPanel } from './WorkloadPanel';

/** The kind's readouts and first two plots (`head`), or the plots after them (`rest`). */
function KindContent({ part }: { part: 'head' | 'rest' }) {
  const kind = useAppState((s) => s.config.kind);
  switch (kind) {
    case 'resolvent':
      return part === 'head' ? (
        <>
          <MetricsBar />
          <TimeDomainPlot />
          <SpectrumPlot />
        </>
      ) : (
        <>
          <HighKPlot />
          <CoherencePlot />
          <CoherenceDistribution />
          <ThroughputPlot />
          <ButterflyView />
        </>
      );
    case 'walsh':
      return part === 'head' ? (
        <>
          <WalshMetrics />
          <WalshSpectraPlot />
          <WalshSignalPlot />
        </>
      ) : null;
    case 'quantum':
      return part === 'head' ? (
        <>
          <QuantumMetrics />
          <PacketPlot />
          <QuantumHistoryPlot />
        </>
      ) : (
        <MomentumPlot />
      );
  }
}

export function Playground() {
  return (
    <div className="playground">
      <div className="content content-head">
        <KindContent part="head" />
      </div>
      <aside className="sidebar">
        <WorkloadPanel />
        <AudioPanel />
        <AdapterPanel />
      </aside>
      <div className="content content-rest">
        <Spectrogram />
        <KindContent part="rest" />
      </div>
    </div>
  );
}
