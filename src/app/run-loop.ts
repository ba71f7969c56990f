/**
 * The run loop: one frame = the configured kind's work on the current engine (the φ-resolvent
 * of the whole batch, the Walsh–Hadamard and Fourier transforms of it, or the next steps of the
 * wave packet; kind-frames.ts). Each frame is awaited before the next starts, so work never
 * piles up: at most one frame ahead is queued on the GPU (a running resolvent queues the next
 * run while its own result is mapped; resident-resolvent.ts); the store (and so React) is updated at most every PUBLISH_MS, with
 * history capped at HISTORY_CAP.
 */
import { DeviceLostError } from '../engine';
import type { ActiveEngine, EngineSession } from './engine-session';
import { explain, isConfigError, settlesWithin, toError } from './frame-errors';
import { ThroughputWindow } from './history';
import { createKindFrames, type FrameDone } from './kind-frames';
import { NOTICE } from './notices';
import type { AppState, AppStore } from './store';
import type { WorkloadSource } from './workload-source';

export const PUBLISH_MS = 100;
/** Unclassified GPU failures in a row before the loop stops retrying. */
const MAX_GPU_FAILURES = 3;
/** How long a failed frame waits to learn whether the device was lost (loss events lag). */
const LOSS_GRACE_MS = 100;

export interface RunLoopDeps {
  store: AppStore;
  session: EngineSession;
  workloads: WorkloadSource;
  /** Resolves when the browser is ready for the next frame (requestAnimationFrame). */
  nextFrame(): Promise<void>;
  now(): number;
}

export interface RunLoop {
  stop(): void;
}

/** The parts of the state a frame depends on; a change while paused computes one frame. */
function inputsOf(s: AppState): readonly unknown[] {
  return [s.config, s.imported, s.audio, s.selectedSignal, s.stepToken, s.resetToken];
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export function startRunLoop(deps: RunLoopDeps): RunLoop {
  const { store, session, workloads } = deps;
  let stopped = false;
  let seq = 0;
  let t0 = deps.now();
  let lastPublish = -Infinity;
  let resetToken = store.getState().resetToken;
  let stepToken = store.getState().stepToken;
  let kind = store.getState().config.kind;
  let lastGood: Pick<AppState, 'config' | 'imported'> | null = null;
  let lastInputs: readonly unknown[] = [];
  let gpuFailures = 0;
  /** A frame computed while running but held back by the publish throttle. */
  let unpublished: (() => void) | null = null;
  const rates = new ThroughputWindow();
  const kinds = createKindFrames(store, workloads);

  function wantsFrame(s: AppState): boolean {
    if (s.tab !== 'playground') return false;
    return s.running || !sameInputs(inputsOf(s), lastInputs);
  }

  /** Parks until a state change wants a frame. */
  async function waitForWork(): Promise<void> {
    // A pause parks the loop: show the last frame computed, not the last one the throttle let
    // through, so a "step" after it counts from what is on screen.
    const held = unpublished;
    unpublished = null;
    held?.();
    store.setState({ idle: true });
    await new Promise<void>((resolve) => {
      const unsubscribe = store.subscribe((s) => {
        if (stopped || wantsFrame(s)) {
          unsubscribe();
          resolve();
        }
      });
    });
    store.setState({ idle: false });
    // What woke the loop (new imported data, a changed setting) is painted before the frame on it
    // is computed: a frame on a large import holds the main thread for a while, and the page
    // should already show that the import finished.
    await deps.nextFrame();
  }

  /** Back to the last configuration that ran, or pause when there is none. */
  function reject(state: AppState, error: Error): void {
    const actions = store.getState();
    const fallback = lastGood;
    if (fallback && (fallback.config !== state.config || fallback.imported !== state.imported)) {
      actions.setConfig(fallback.config);
      actions.setImported(fallback.imported);
      actions.notify({
        id: NOTICE.limit,
        level: 'error',
        title: 'That configuration cannot run here; the last good configuration keeps running.',
        lines: explain(error),
      });
      return;
    }
    actions.setRunning(false);
    actions.notify({
      id: NOTICE.runError,
      level: 'error',
      title: 'The workload could not run; paused.',
      lines: explain(error),
    });
  }

  async function failed(state: AppState, active: ActiveEngine, error: unknown): Promise<void> {
    // A failure caused by a device loss is not the configuration's fault: when the device
    // turns out to be lost, leave it to the session's recovery and keep the configuration.
    if (active.lost && (await settlesWithin(active.lost, LOSS_GRACE_MS))) return;
    if (error instanceof DeviceLostError) {
      session.reportLost(active.epoch, error.reason, error.message);
    } else if (isConfigError(error)) {
      reject(state, error);
    } else if (active.engine.backend === 'webgpu' && ++gpuFailures < MAX_GPU_FAILURES) {
      store.getState().notify({
        id: NOTICE.runError,
        level: 'error',
        title: 'A frame failed on the GPU; retrying.',
        lines: [toError(error).message],
      });
    } else {
      reject(state, toError(error));
    }
  }

  async function frame(): Promise<void> {
    const active = await session.ready();
    // Another kind is another run: its clock, frame count and histories start afresh.
    if (store.getState().config.kind !== kind) {
      kind = store.getState().config.kind;
      store.getState().reset();
    }
    const state = store.getState();
    lastInputs = inputsOf(state);
    // Time moves on while running and once per "step"; any other change only re-measures.
    const advance = state.running || state.stepToken !== stepToken;
    stepToken = state.stepToken;
    if (state.resetToken !== resetToken) {
      resetToken = state.resetToken;
      seq = 0;
      t0 = deps.now();
      lastPublish = -Infinity;
      rates.take();
      kinds.reset();
      unpublished = null;
    }
    let done: FrameDone;
    try {
      done = await kinds.run(active, state, advance);
    } catch (error) {
      await failed(state, active, error);
      return;
    }
    gpuFailures = 0;
    lastGood = { config: state.config, imported: state.imported };
    seq += 1;
    if (done.work) {
      const { signals, flops, bytes, ms } = done.work;
      rates.add(signals, flops, bytes, ms);
    }
    const now = deps.now();
    const publish = ((frameSeq: number, t: number) => () => {
      lastPublish = now;
      done.publish(frameSeq, t, rates.take());
    })(seq, (now - t0) / 1000);
    if (store.getState().running && now - lastPublish < PUBLISH_MS) {
      unpublished = publish;
      return;
    }
    unpublished = null;
    publish();
  }

  void (async () => {
    while (!stopped) {
      try {
        if (wantsFrame(store.getState())) {
          await frame();
          await deps.nextFrame();
        } else {
          await waitForWork();
        }
      } catch (error) {
        // A bug must not end the loop silently: say so, pause, and wait for the user.
        store.getState().setRunning(false);
        store.getState().notify({
          id: NOTICE.runError,
          level: 'error',
          title: 'The run loop hit an unexpected error; paused.',
          lines: [toError(error).message],
        });
      }
    }
  })();

  return {
    stop: () => {
      stopped = true;
      // Wake a loop parked in waitForWork so it sees `stopped` and ends.
      store.setState({});
    },
  };
}
