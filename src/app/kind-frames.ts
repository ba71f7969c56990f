/**
 * What one frame computes for each workload kind, and how it is published. The run loop decides
 * when a frame runs and what a failure means; this module only knows the kinds. Each `run`
 * throws the engine's errors as they come, publishing nothing, so a failed frame changes
 * nothing the user sees.
 */
import type { ActiveEngine } from './engine-session';
import { createSpectrumCache, frameMetrics, signalView } from './frame-view';
import type { ThroughputWindow } from './history';
import { createLiveClock, framePhi } from './live';
import { createQuantumSim } from './quantum-sim';
import { createResidentResolvent, transferMark, transferSince } from './resident-resolvent';
import type { AppState, AppStore, FrameStamp } from './store';
import { frameWork } from './throughput';
import { walshFrame } from './walsh-frame';
import type { WorkloadSource } from './workload-source';

export type Rates = ReturnType<ThroughputWindow['take']>;

export interface FrameDone {
  /** Work and GPU time for the throughput window (the resolvent's plots). */
  work: { signals: number; flops: number; bytes: number; ms: number } | null;
  /** Hands the frame to the store; `t` is seconds since the reset. */
  publish(seq: number, t: number, averaged: Rates): void;
}

export interface KindFrames {
  /**
   * One frame of the configured kind; `advance` moves the quantum packet and a live workload
   * (live.ts) on in time.
   */
  run(active: ActiveEngine, state: AppState, advance: boolean): Promise<FrameDone>;
  /** The quantum packet restarts at t = 0, and a live workload at frame 0, on the next frame. */
  reset(): void;
}

export function createKindFrames(store: AppStore, workloads: WorkloadSource): KindFrames {
  const spectrum = createSpectrumCache();
  const resident = createResidentResolvent();
  const quantum = createQuantumSim();
  const live = createLiveClock();
  const stamp = (active: ActiveEngine, seq: number): FrameStamp => ({
    seq,
    epoch: active.epoch,
    backend: active.engine.backend,
  });

  async function resolvent(
    active: ActiveEngine,
    state: AppState,
    frame: number,
  ): Promise<FrameDone> {
    const work = workloads.get(state, frame);
    const { lambda, kUnit, kScale } = state.config;
    const phi = framePhi(state.config, frame);
    const { shape, batch } = work;
    const options = { shape, batch, phi, lambda, kUnit, kScale, real: true };
    const mark = transferMark(active.engine);
    const index = Math.min(state.selectedSignal, work.batch - 1);
    // Only the shown signal comes back (with every signal's sums); `result.filtered` is it.
    const result = await resident.run(active.engine, work, options, {
      signal: index,
      ahead: state.running,
    });
    const magnitude = await spectrum(active, work, index);
    const transfer = transferSince(active.engine, mark);
    const signal = signalView(work, result, index, magnitude, store.getState().signal);
    const { flops, bytes } = frameWork(shape, batch);
    return {
      work: { signals: batch, flops, bytes, ms: result.timing.ms },
      publish: (seq, t, averaged) => {
        const metrics = { ...frameMetrics(seq, active, work, result, transfer), phi };
        store.getState().publish(
          metrics,
          signal,
          averaged && {
            t,
            frame: seq,
            highKEnergy: metrics.batchHighKEnergy,
            highKFraction: metrics.batchHighKFraction,
            coherence: metrics.batchCoherence,
            ...averaged,
          },
        );
      },
    };
  }

  async function walsh(active: ActiveEngine, state: AppState, frame: number): Promise<FrameDone> {
    const work = workloads.get(state, frame);
    const view = await walshFrame(active.engine, work, state.selectedSignal, state.walsh);
    return {
      work: null,
      publish: (seq) => store.getState().publishWalsh({ ...view, ...stamp(active, seq) }),
    };
  }

  async function packet(
    active: ActiveEngine,
    state: AppState,
    advance: boolean,
  ): Promise<FrameDone> {
    const view = await quantum.frame(active.engine, state.config, advance);
    return {
      work: null,
      publish: (seq) =>
        store.getState().publishQuantum(
          { ...view, ...stamp(active, seq) },
          {
            t: view.t,
            frame: seq,
            norm: view.norm,
            energy: view.energy.total,
            kinetic: view.energy.kinetic,
            potential: view.energy.potential,
          },
        ),
    };
  }

  return {
    run(active, state, advance) {
      switch (state.config.kind) {
        case 'resolvent':
          return resolvent(active, state, live.next(state.config, advance));
        case 'walsh':
          return walsh(active, state, live.next(state.config, advance));
        case 'quantum':
          return packet(active, state, advance);
      }
    },
    reset: () => {
      quantum.reset();
      live.reset();
    },
  };
}
