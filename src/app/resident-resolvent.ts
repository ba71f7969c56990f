/**
 * The playground's φ-resolvent frame with the workload resident on the GPU (issue 10's live
 * loop): the batch is uploaded once, when the workload or its options change, into a prepared
 * operation of the engine, and every later frame only runs it and reads the result back. The
 * CPU engine has no upload; it runs the operation as before.
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

export interface ResidentResolvent {
  run(engine: Engine, work: Workload, options: ResolventOptions): Promise<ResolventResult>;
  /** Frees the GPU copy (a new engine, a reset). */
  release(): void;
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
  } | null = null;

  let tooLarge = '';

  function release(): void {
    held?.op.destroy();
    held = null;
  }

  return {
    async run(engine, work, options) {
      // A streaming workload (live mode) has new samples every frame: it is uploaded by the run
      // itself, and the transfer meter counts that upload in the frame's bus figures.
      if (!isGpu(engine) || work.streaming === true) {
        release();
        return engine.resolvent(work.data, options);
      }
      // Options are a handful of numbers and flags: their JSON is a faithful key. The variant
      // is part of it, so a planner decision takes effect on the next frame.
      const optionsKey = `${JSON.stringify(options)}|${engine.variantFor('resolvent', options.shape)}`;
      if (tooLarge === `${work.key}|${optionsKey}`) return engine.resolvent(work.data, options);
      if (
        !held ||
        held.engine !== engine ||
        held.workKey !== work.key ||
        held.optionsKey !== optionsKey
      ) {
        release();
        try {
          const op = await engine.prepare('resolvent', work.data, options);
          held = { engine, workKey: work.key, optionsKey, op };
        } catch (error) {
          // A batch over one storage binding cannot stay resident; the engine's run chunks it
          // (uploading each frame), so such a workload still runs.
          if (!(error instanceof GpuLimitError)) throw error;
          tooLarge = `${work.key}|${optionsKey}`;
          return engine.resolvent(work.data, options);
        }
      }
      return held.op.read();
    },
    release,
  };
}
