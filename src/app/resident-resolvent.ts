/**
 * The playground's φ-resolvent frame with the workload resident on the GPU (issue 10's live
 * loop): the batch is uploaded once, when the workload or its options change, into a prepared
 * operation of the engine, and every later frame only runs it and reads back the shown signal
 * and the sums (the figures of every signal come from the sums). The CPU engine has no upload;
 * it runs the operation as before, and the shown signal is cut out of its result, so a frame's
 * result has the same form on either engine.
 *
 * Frames in a row with the same inputs overlap on the GPU: when a frame reuses the resident
 * operation and the loop is running, the next frame's run is queued (into another slot of the
 * engine's readback ring) before this frame's result is mapped, and the next frame takes it if
 * its inputs (workload, options, shown signal) are still the same, else drops it. The operation
 * is deterministic, so the frame taken is exactly the frame those inputs compute: nothing stale
 * is ever shown, and only a changed frame pays one run it does not use.
 *
 * Each frame also reports the bytes it moved, measured by the engine's transfer meter (not
 * estimated), so the playground can show them and its tests can hold the loop to them. A
 * streaming workload (live mode: new samples every frame) is not made resident: each frame
 * uploads its batch, and the meter shows that upload.
 */
import {
  GpuLimitError,
  type Engine,
  type GpuEngine,
  type PreparedOp,
  type ResolventOptions,
  type ResolventResult,
  type TransferTotals,
} from '../engine';
import { signalLength } from './throughput';
import type { Workload } from './workload-source';

export interface FrameTransfer {
  /** Bytes written to the GPU during the frame. */
  uploaded: number;
  /** Bytes read back from the GPU during the frame. */
  readBack: number;
}

/** The engine's transfer totals now (zeros for the CPU engine, which moves nothing). */
export function transferMark(engine: Engine): TransferTotals {
  return isGpu(engine) ? engine.transferred() : { uploaded: 0, readBack: 0 };
}

/** What the engine moved since `mark`. */
export function transferSince(engine: Engine, mark: TransferTotals): FrameTransfer {
  const now = transferMark(engine);
  return { uploaded: now.uploaded - mark.uploaded, readBack: now.readBack - mark.readBack };
}

/** Which signal a frame shows, and whether the loop runs on (so the next frame can be queued). */
export interface FrameSelect {
  /** The shown signal, in [0, batch). */
  signal: number;
  /** The loop is running: the next frame will likely have the same inputs. */
  ahead: boolean;
}

type PendingRead = Awaited<ReturnType<PreparedOp<ResolventResult>['queueRead']>>;

export interface ResidentResolvent {
  /**
   * One frame's resolvent. The result's `filtered` holds only the shown signal (`select.signal`:
   * prod(shape) interleaved complex values); its per-signal arrays (energy, coherence,
   * highKEnergy) and batch figures cover the whole batch.
   */
  run(
    engine: Engine,
    work: Workload,
    options: ResolventOptions,
    select: FrameSelect,
  ): Promise<ResolventResult>;
  /** Frees the GPU copy (a new engine, a reset). */
  release(): void;
}

/** The result with `filtered` cut down to signal `signal` (for engines that return them all). */
export function shownSignal(result: ResolventResult, signal: number, n: number): ResolventResult {
  return { ...result, filtered: result.filtered.slice(2 * signal * n, 2 * (signal + 1) * n) };
}

function isGpu(engine: Engine): engine is GpuEngine {
  return engine.backend === 'webgpu' && 'transferred' in engine;
}

export function createResidentResolvent(): ResidentResolvent {
  let held: {
    engine: GpuEngine;
    workKey: string;
    optionsKey: string;
    op: PreparedOp<ResolventResult>;
    /** The next frame's read, queued by this one (see the file's comment). */
    ahead: PendingRead | null;
  } | null = null;

  let tooLarge = '';

  function release(): void {
    held?.ahead?.discard();
    held?.op.destroy();
    held = null;
  }

  /** The whole batch through the engine's run, then the shown signal cut out. */
  async function whole(
    engine: Engine,
    work: Workload,
    options: ResolventOptions,
    signal: number,
  ): Promise<ResolventResult> {
    const result = await engine.resolvent(work.data, options);
    return shownSignal(result, signal, signalLength(work.shape));
  }

  return {
    async run(engine, work, options, select) {
      const signal = Math.min(Math.max(0, select.signal), work.batch - 1);
      // A streaming workload (live mode) has new samples every frame: it is uploaded by the run
      // itself, and the transfer meter counts that upload in the frame's bus figures.
      if (!isGpu(engine) || work.streaming === true) {
        release();
        return whole(engine, work, options, signal);
      }
      // Options are a handful of numbers and flags: their JSON is a faithful key. The variant
      // is part of it, so a planner decision takes effect on the next frame.
      const optionsKey = `${JSON.stringify(options)}|${engine.variantFor('resolvent', options.shape)}`;
      if (tooLarge === `${work.key}|${optionsKey}`) return whole(engine, work, options, signal);
      const reused =
        held !== null &&
        held.engine === engine &&
        held.workKey === work.key &&
        held.optionsKey === optionsKey;
      if (!held || !reused) {
        release();
        try {
          const op = await engine.prepare('resolvent', work.data, options);
          held = { engine, workKey: work.key, optionsKey, op, ahead: null };
        } catch (error) {
          // A batch over one storage binding cannot stay resident; the engine's run chunks it
          // (uploading each frame), so such a workload still runs.
          if (!(error instanceof GpuLimitError)) throw error;
          tooLarge = `${work.key}|${optionsKey}`;
          return whole(engine, work, options, signal);
        }
      }
      // The read queued by the last frame computed exactly this frame when it shows the same
      // signal (workload and options are the same, or `held` would be new); else it is dropped.
      const h = held;
      const queued = h.ahead;
      h.ahead = null;
      let pending: PendingRead;
      if (queued?.signal === signal) {
        pending = queued;
      } else {
        queued?.discard();
        pending = await h.op.queueRead({ signal });
      }
      // Only a frame that reused the operation queues the next one: a sweep of φ makes a new
      // operation every frame, and a read queued for it would always be dropped.
      if (select.ahead && reused) h.ahead = await h.op.queueRead({ signal });
      return pending.result();
    },
    release,
  };
}
