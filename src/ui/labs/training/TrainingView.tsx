/**
 * The Training tab: data set, model, workers, batch size, interval and regularizer controls; a
 * run on Web Workers with progress and cancel; live loss and accuracy (each worker and merged);
 * where the spectral step ran (GPU or CPU); the adaptive worker count and memory budget with
 * their decisions; the worker timeline; a "kill a worker" button whose restart shows in the
 * timeline and log; export JSON and a permalink; and the claim experiment (ExperimentPanel).
 */
import { useEffect, useMemo, useState } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useStore } from 'zustand';
import { browserRunnerFactory } from '../../../app/labs/training/browser-runner';
import {
  DEFAULT_TRAINING_CONFIG,
  MAX_WORKERS,
  trainingConfigFromSearch,
  trainingSearchOf,
  type TrainingLabConfig,
} from '../../../app/labs/training/lab-config';
import { createTrainingLab, type TrainingLabState } from '../../../app/labs/training/session';
import { DATASETS, type DatasetName } from '../../../train/datasets';
import { REGULARIZERS, type RegularizerKind } from '../../../train/local-steps';
import { download } from '../../download';
import { AXIS_TICK, COLORS, LEGEND, LINE, MARGIN } from '../../plots/chart-style';
import { epochRows, roundRows, slotColor } from './chart-data';
import { ExperimentPanel } from './ExperimentPanel';
import { InsightPanels } from './InsightPanels';
import { NumberField } from './NumberField';
import { DecisionLog, RunControls, SpectralBackendNote } from './RunControls';
import { TrainLog } from './TrainLog';
import { WorkerTimeline } from './WorkerTimeline';
import './training.css';

function parseHidden(text: string): number[] | null {
  const xs = text.split(',').map((s) => Number(s.trim()));
  return xs.length >= 1 &&
    xs.length <= 4 &&
    xs.every((v) => Number.isInteger(v) && v >= 1 && v <= 512)
    ? xs
    : null;
}

export function TrainingView() {
  const lab = useMemo(
    () =>
      createTrainingLab(
        browserRunnerFactory,
        trainingConfigFromSearch(window.location.search) ?? DEFAULT_TRAINING_CONFIG,
      ),
    [],
  );
  useEffect(() => () => void lab.dispose(), [lab]);
  const s = useStore(lab.store);
  const c = s.config;
  const [hiddenText, setHiddenText] = useState(c.hidden.join(','));
  const [killNote, setKillNote] = useState<string | null>(null);
  const set = (patch: Partial<TrainingLabConfig>) => lab.setConfig(patch);
  const busy = s.running;
  const [roundMetric, setRoundMetric] = useState<'loss' | 'accuracy'>('loss');
  const rows = useMemo(() => roundRows(s.batches, roundMetric, 300), [s.batches, roundMetric]);
  const perEpoch = useMemo(() => epochRows(s.epochs), [s.epochs]);
  const slots = Math.max(0, ...s.batches.map((b) => b.slot));
  const restarted = s.batches.filter((b) => b.restarted);
  const fraction = s.progress.epochs > 0 ? s.progress.epoch / s.progress.epochs : 0;

  return (
    <section className="train-lab" data-testid="train-lab">
      <h2>Training lab</h2>
      <p className="muted">
        Local SGD on Web Workers: each round, every worker takes its shard of the next batches, runs{' '}
        <em>interval</em> local steps on its own copy of the network, and the copies are merged by
        example-weighted averaging. Regularizers: the φ-resolvent as a penalty on the first hidden
        layer, as gradient smoothing (R(k) = 1/(1 + φk²)), or Grokfast&apos;s gradient average.
      </p>
      <div className="train-controls">
        <label>
          data set{' '}
          <select
            data-testid="train-dataset"
            value={c.dataset}
            disabled={busy}
            onChange={(e) => set({ dataset: e.target.value as DatasetName })}
          >
            {DATASETS.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </label>
        <label>
          hidden{' '}
          <input
            data-testid="train-hidden"
            value={hiddenText}
            disabled={busy}
            aria-invalid={parseHidden(hiddenText) === null}
            onChange={(e) => {
              setHiddenText(e.target.value);
              const v = parseHidden(e.target.value);
              if (v) set({ hidden: v });
            }}
          />
        </label>
        <label>
          optimizer{' '}
          <select
            data-testid="train-optimizer"
            value={c.optimizer}
            disabled={busy}
            onChange={(e) => set({ optimizer: e.target.value as 'sgd' | 'adam' })}
          >
            <option>sgd</option>
            <option>adam</option>
          </select>
        </label>
        <NumberField
          id="lr"
          label="lr"
          value={c.lr}
          min={1e-6}
          max={10}
          disabled={busy}
          onChange={(lr) => set({ lr })}
        />
        <NumberField
          id="weight-decay"
          label="weight decay"
          value={c.weightDecay}
          min={0}
          max={100}
          disabled={busy}
          onChange={(weightDecay) => set({ weightDecay })}
        />
        <NumberField
          id="workers"
          label="workers"
          value={c.workers}
          min={1}
          max={MAX_WORKERS}
          integer
          disabled={busy}
          onChange={(workers) => set({ workers })}
        />
        <NumberField
          id="batch"
          label="batch size"
          value={c.batchSize}
          min={1}
          max={1024}
          integer
          disabled={busy}
          onChange={(batchSize) => set({ batchSize })}
        />
        <NumberField
          id="interval"
          label="interval"
          value={c.updateInterval}
          min={1}
          max={64}
          integer
          disabled={busy}
          onChange={(updateInterval) => set({ updateInterval })}
        />
        <NumberField
          id="epochs"
          label="epochs"
          value={c.epochs}
          min={1}
          max={1000}
          integer
          disabled={busy}
          onChange={(epochs) => set({ epochs })}
        />
        <NumberField
          id="seed"
          label="seed"
          value={c.seed}
          min={0}
          integer
          disabled={busy}
          onChange={(seed) => set({ seed })}
        />
        <label>
          regularizer{' '}
          <select
            data-testid="train-regularizer"
            value={c.regularizer}
            disabled={busy}
            onChange={(e) => set({ regularizer: e.target.value as RegularizerKind })}
          >
            {REGULARIZERS.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <NumberField
          id="phi"
          label="φ"
          value={c.phi}
          min={1e-6}
          disabled={busy}
          onChange={(phi) => set({ phi })}
        />
        <NumberField
          id="lambda"
          label="λ"
          value={c.lambda}
          min={0}
          disabled={busy}
          onChange={(lambda) => set({ lambda })}
        />
      </div>
      <RunControls config={c} running={busy} set={set} />
      <div className="train-controls">
        {busy ? (
          <button type="button" data-testid="train-cancel" onClick={() => lab.cancel()}>
            cancel
          </button>
        ) : (
          <button type="button" data-testid="train-start" onClick={() => void lab.start()}>
            train
          </button>
        )}
        <button
          type="button"
          data-testid="train-kill"
          disabled={!busy}
          onClick={() =>
            setKillNote(
              lab.killWorker()
                ? 'killed a busy worker'
                : 'no worker was busy at that instant; try again',
            )
          }
        >
          kill a worker
        </button>
        <button
          type="button"
          data-testid="train-export"
          disabled={!s.report}
          onClick={() => download('training.json', 'application/json', lab.exportJson())}
        >
          export JSON
        </button>
        <button
          type="button"
          data-testid="train-link"
          onClick={() =>
            void navigator.clipboard?.writeText(
              `${window.location.origin}${window.location.pathname}${trainingSearchOf(c)}`,
            )
          }
        >
          copy link
        </button>
        <progress data-testid="train-progress" max={1} value={fraction} />
        <span data-testid="train-status" data-epoch={s.progress.epoch}>
          {busy
            ? `epoch ${s.progress.epoch} of ${s.progress.epochs}, round ${s.progress.round}`
            : s.cancelled
              ? `cancelled at epoch ${s.progress.epoch}`
              : s.report
                ? `done: ${s.epochs.length} epochs`
                : 'idle'}
        </span>
        <span data-testid="train-worker-counts" data-restarted={s.workers.restarted}>
          workers started {s.workers.started}, restarted {s.workers.restarted}
        </span>
      </div>
      {killNote && <p className="muted">{killNote}</p>}
      <SpectralBackendNote s={s} />
      {s.error && (
        <p className="train-error" role="alert" data-testid="train-error">
          {s.error}
        </p>
      )}
      <div className="train-charts">
        <div>
          <h3>
            <select
              data-testid="train-round-metric"
              value={roundMetric}
              aria-label="figure per round"
              onChange={(e) => setRoundMetric(e.target.value as 'loss' | 'accuracy')}
            >
              <option value="loss">Loss</option>
              <option value="accuracy">Accuracy</option>
            </select>{' '}
            per round: each worker&apos;s local steps and merged
          </h3>
          <ResponsiveContainer width="100%" height={220}>
            <LineChart data={rows} margin={MARGIN}>
              <CartesianGrid stroke={COLORS.grid} />
              <XAxis dataKey="batch" tick={AXIS_TICK} />
              <YAxis
                tick={AXIS_TICK}
                width={48}
                {...(roundMetric === 'accuracy' ? { domain: [0, 1] } : {})}
              />
              <Tooltip />
              <Legend {...LEGEND} />
              {Array.from({ length: slots }, (_, i) => (
                <Line
                  key={i}
                  dataKey={`w${i + 1}`}
                  name={`worker ${i + 1}`}
                  stroke={slotColor(i + 1)}
                  {...LINE}
                  strokeWidth={1}
                />
              ))}
              <Line dataKey="merged" name="merged" stroke="#111827" {...LINE} strokeWidth={2} />
            </LineChart>
          </ResponsiveContainer>
        </div>
        <div data-testid="train-epoch-accuracy" data-epochs={perEpoch.length}>
          <h3>Accuracy per epoch: merged, and each worker&apos;s local state (validation)</h3>
          <ResponsiveContainer width="100%" height={220}>
            <LineChart data={perEpoch} margin={MARGIN}>
              <CartesianGrid stroke={COLORS.grid} />
              <XAxis dataKey="epoch" tick={AXIS_TICK} />
              <YAxis tick={AXIS_TICK} width={48} domain={[0, 1]} />
              <Tooltip />
              <Legend {...LEGEND} />
              <Line dataKey="accuracy" name="training" stroke={COLORS.signals} {...LINE} />
              <Line dataKey="valAccuracy" name="validation" stroke={COLORS.coherence} {...LINE} />
              {Array.from({ length: slots }, (_, i) => (
                <Line
                  key={i}
                  dataKey={`w${i + 1}`}
                  name={`worker ${i + 1} (validation)`}
                  stroke={slotColor(i + 1)}
                  strokeDasharray="4 3"
                  {...LINE}
                  strokeWidth={1}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      </div>
      <WorkerAccuracy s={s} />
      <InsightPanels state={s.latest} data={s.dataset} phi={c.phi} />
      <h3>Worker timeline (last 30 rounds)</h3>
      <WorkerTimeline batches={s.batches} rounds={30} />
      {restarted.length > 0 && (
        <p data-testid="train-restarts">
          {restarted.map(
            (b) =>
              `Round ${b.batch}: worker ${b.slot} restarted (now worker ${b.worker}), batch reprocessed. `,
          )}
        </p>
      )}
      <DecisionLog decisions={s.decisions} />
      <h3>Log</h3>
      <TrainLog lines={s.log} />
      <ExperimentPanel />
    </section>
  );
}

/** The last epoch's figures per worker: its local state against the merged one. */
function WorkerAccuracy({ s }: { s: TrainingLabState }) {
  const last = s.epochs[s.epochs.length - 1];
  if (!last?.workers?.length) return null;
  return (
    <table className="train-results" data-testid="train-worker-accuracy">
      <thead>
        <tr>
          <th>epoch {last.epoch}</th>
          <th>validation loss</th>
          <th>validation accuracy</th>
        </tr>
      </thead>
      <tbody>
        {last.workers.map((w) => (
          <tr key={w.slot} data-slot={w.slot}>
            <td>worker {w.slot} (local state)</td>
            <td>{w.valLoss.toFixed(4)}</td>
            <td>{w.valAccuracy.toFixed(3)}</td>
          </tr>
        ))}
        <tr data-slot="merged">
          <td>merged</td>
          <td>{last.valLoss.toFixed(4)}</td>
          <td>{last.valAccuracy.toFixed(3)}</td>
        </tr>
      </tbody>
    </table>
  );
}
