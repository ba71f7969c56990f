/**
 * "The FFT's butterflies from the real GPU run": the first N samples of the selected signal go
 * through the engine's own radix-2 Stockham kernels, one dispatch a stage, and every stage's
 * buffer comes back (engine.fftStages). The diagram steps through those stages; beside it the
 * float64 reference of the same stage and the largest |GPU − CPU| difference. Without WebGPU
 * the reference alone is drawn, and the view says so.
 */
import { useEffect, useRef, useState } from 'react';
import {
  fft64Stages,
  stageCount,
  type Engine,
  type FftStagesResult,
  type GpuEngine,
} from '../../engine';
import { useAppState, useSession } from '../app-context';
import { ButterflyDiagram } from './ButterflyDiagram';
import {
  BUTTERFLY_SIZES,
  DEFAULT_BUTTERFLY_N,
  diagramLayout,
  entryDiffs,
  maxOf,
  samplesKey,
  samplesOf,
  type ButterflySize,
} from './butterfly-data';
import { ReferencePanel } from './ButterflyReference';
import './butterfly.css';

interface Outcome {
  n: number;
  samples: number[];
  reference: FftStagesResult;
  /** The GPU capture; null on the CPU engine or when it failed. */
  gpu: FftStagesResult | null;
  /** Why there is no GPU capture on a GPU engine. */
  error: string | null;
}

function isGpuEngine(engine: Engine): engine is GpuEngine {
  return engine.backend === 'webgpu';
}

async function capture(engine: Engine, n: number, samples: number[]): Promise<Outcome> {
  const options = { n, real: true };
  const reference = fft64Stages(samples, options);
  if (!isGpuEngine(engine)) return { n, samples, reference, gpu: null, error: null };
  try {
    return { n, samples, reference, gpu: await engine.fftStages(samples, options), error: null };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    return { n, samples, reference, gpu: null, error };
  }
}

export function ButterflyView() {
  const session = useSession();
  const [n, setN] = useState<ButterflySize>(DEFAULT_BUTTERFLY_N);
  const [current, setCurrent] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  /** Why not even the CPU reference could run (e.g. samples that are not finite). */
  const [failure, setFailure] = useState<string | null>(null);
  // A string: the view re-renders only when the first n samples change, not every frame.
  const key = useAppState((s) => samplesKey(s.signal?.original, n));
  const available = useAppState((s) => s.signal?.original.length ?? 0);
  // One capture at a time; one that was superseded before it started is skipped.
  const chain = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    if (!session || key === '') return;
    let live = true;
    const samples = samplesOf(key);
    chain.current = chain.current
      .then(async () => {
        if (!live) return;
        const { engine } = await session.ready();
        const result = await capture(engine, n, samples);
        if (live) {
          setOutcome(result);
          setFailure(null);
        }
      })
      // The chain must never stay rejected, or no later capture would run.
      .catch((e: unknown) => {
        if (live) setFailure(e instanceof Error ? e.message : String(e));
      });
    return () => {
      live = false;
    };
  }, [session, key, n]);

  const last = stageCount(n);
  const shown = outcome && outcome.n === n ? outcome : null;
  const step = Math.min(current, last);
  const stages = shown ? (shown.gpu ?? shown.reference).stages : [];
  // On a narrow screen the diagram scrolls sideways: keep the highlighted column in view.
  const box = useRef<HTMLDivElement>(null);
  const stageCountShown = stages.length;
  useEffect(() => {
    const el = box.current;
    if (!el || stageCountShown === 0) return;
    const layout = diagramLayout(n, stageCountShown);
    const centre = layout.x(step) + layout.nodeWidth / 2;
    el.scrollLeft = Math.max(0, centre - el.clientWidth / 2);
  }, [n, step, stageCountShown]);
  const diffs = shown?.gpu
    ? shown.gpu.stages.map((g, s) => maxOf(entryDiffs(g, shown.reference.stages[s] ?? g)))
    : undefined;

  return (
    <section className="card butterfly-card" aria-label="FFT butterflies from the GPU">
      <header className="butterfly-header">
        <h3>The FFT&apos;s butterflies, stage by stage</h3>
        <label className="inline-field">
          N
          <select
            data-testid="butterfly-n"
            value={n}
            onChange={(e) => {
              const size = BUTTERFLY_SIZES.find((v) => v === Number(e.target.value));
              if (size) setN(size);
            }}
          >
            {BUTTERFLY_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
      </header>
      <p className="butterfly-lesson">
        A butterfly takes two values a and b, turns b by a twiddle factor W = e<sup>−2πi·k/L</sup>{' '}
        and writes a + W·b and a − W·b: a 2-point DFT. Each stage does N/2 of them, so log₂ N stages
        turn N samples into their N-point DFT with (N/2)·log₂ N multiplications instead of N².
      </p>
      {failure && (
        <p className="butterfly-note" role="alert">
          The stages could not be computed: {failure}
        </p>
      )}
      {!shown ? (
        <p className="muted butterfly-waiting">
          {key === '' ? 'Waiting for the first frame…' : `Capturing the ${n}-point stages…`}
        </p>
      ) : (
        <div
          className="butterfly-view"
          data-testid="butterfly-view"
          data-source={shown.gpu ? 'gpu' : 'cpu'}
          data-n={n}
          data-stages={stages.length}
        >
          {!shown.gpu && (
            <p className="butterfly-note" role="note">
              {shown.error
                ? `The GPU capture failed (${shown.error}); showing the float64 CPU reference only.`
                : 'The GPU capture needs WebGPU. This browser runs the CPU engine, so the diagram ' +
                  'shows the float64 CPU reference only.'}
            </p>
          )}
          <div className="butterfly-stepper">
            <button
              type="button"
              data-testid="butterfly-prev"
              onClick={() => setCurrent(Math.max(0, step - 1))}
              disabled={step === 0}
            >
              ‹ Prev
            </button>
            <input
              type="range"
              min={0}
              max={last}
              step={1}
              value={step}
              aria-label="Stage"
              data-testid="butterfly-step"
              onChange={(e) => setCurrent(Number(e.target.value))}
            />
            <button
              type="button"
              data-testid="butterfly-next"
              onClick={() => setCurrent(Math.min(last, step + 1))}
              disabled={step === last}
            >
              Next ›
            </button>
            <span className="butterfly-stage-label" aria-live="polite">
              Stage {step} of {last}
            </span>
          </div>
          <div className="butterfly-body">
            <div className="butterfly-diagram" ref={box}>
              <ButterflyDiagram
                n={n}
                stages={stages}
                current={step}
                maxDiffs={diffs}
                onPick={setCurrent}
              />
            </div>
            <ReferencePanel
              stage={step}
              last={last}
              gpu={shown.gpu?.stages[step]}
              cpu={shown.reference.stages[step]}
              maxDiff={diffs?.[step]}
            />
          </div>
          <p className="butterfly-order muted">
            Rows are the GPU buffer&apos;s indices in natural order. Stockham stages sort as they
            go: after stage s, row i = b·2<sup>s</sup> + q holds bin q of the 2<sup>s</sup>-point
            DFT of x[b], x[b + N/2<sup>s</sup>], x[b + 2N/2<sup>s</sup>], …, so the last column is
            X[0 … N−1] in order, with no bit reversal. Input: the first {n} samples of the selected
            signal{available < n ? ` (it has ${available}; the rest are zeros)` : ''}, imaginary
            parts 0. Nodes show |value|; hover one for re and im.
          </p>
        </div>
      )}
    </section>
  );
}
