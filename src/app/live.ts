/**
 * Live mode (issue 14): with `live` on, frame f of the run computes a new window of the signals
 * instead of the same batch again, so the plots over time trace something real. Frame f's
 * window starts f·hop samples later (each golden tone's phase drifts at its own rate, the chirp
 * scrolls, 2D images move right) and its noise is draw f of a separate stream (fresh every
 * frame). With `sweep` on as well, φ swings from φ/10 to 10·φ and back.
 *
 * Pure functions of (configuration, frame index): the same seed and frame give the same samples
 * and the same φ, so a live run is as reproducible as a still one. Frame 0 is the still workload.
 */
import { MAX_PHI, workloadOf, type PlaygroundConfig } from '../io/config';
import { MAX_T0 } from '../workloads/param-rules';
import type { WorkloadSpec } from '../workloads/workload-spec';

/** The window moves by 1/128 of its width a frame: at 60 frames/s it crosses itself in ~2 s. */
export const HOP_FRACTION = 1 / 128;
/** Frames of one φ sweep, up and down: 2 s at 60 frames/s, longer on a software GPU. */
export const SWEEP_PERIOD_FRAMES = 120;
/** The sweep reaches φ·10^±SWEEP_DECADES. */
export const SWEEP_DECADES = 1;

function checkFrame(frame: number): void {
  if (!Number.isSafeInteger(frame) || frame < 0) {
    throw new RangeError(`live frame index must be a whole number ≥ 0; got ${frame}`);
  }
}

/** Samples (1D) or pixels along x (2D) the window moves per frame: at least one. */
export function hopOf(config: Pick<PlaygroundConfig, 'dims' | 'n' | 'nx'>): number {
  const width = config.dims === 1 ? config.n : config.nx;
  return Math.max(1, Math.round(width * HOP_FRACTION));
}

/** The generator spec of frame `frame`: the still workload when live mode is off. */
export function frameWorkload(config: PlaygroundConfig, frame: number): WorkloadSpec {
  checkFrame(frame);
  const spec = workloadOf(config);
  if (!config.live || frame === 0) return spec;
  return {
    ...spec,
    // Wrapping at 2^40 samples (years of frames) only keeps t0 inside its rule.
    t0: (frame * hopOf(config)) % MAX_T0,
    noiseDraw: frame % 2 ** 32,
  };
}

/**
 * The φ of frame `frame`: log φ follows a sine of period SWEEP_PERIOD_FRAMES around the
 * configured φ, so the sweep spends as long below it as above, and frame 0 runs the configured φ.
 */
export function framePhi(config: PlaygroundConfig, frame: number): number {
  checkFrame(frame);
  if (!config.live || !config.sweep) return config.phi;
  const swing = Math.sin((2 * Math.PI * (frame % SWEEP_PERIOD_FRAMES)) / SWEEP_PERIOD_FRAMES);
  return Math.min(MAX_PHI, config.phi * 10 ** (SWEEP_DECADES * swing));
}

/** The two ends of the sweep, for the controls to show. */
export function sweepRange(config: Pick<PlaygroundConfig, 'phi'>): [number, number] {
  const factor = 10 ** SWEEP_DECADES;
  return [config.phi / factor, Math.min(MAX_PHI, config.phi * factor)];
}

/** Counts the frames of a live run: it moves on only while time does (running, or a step). */
export interface LiveClock {
  /** The frame index to compute now; `advance` moves it on first when live mode is on. */
  next(config: Pick<PlaygroundConfig, 'live'>, advance: boolean): number;
  reset(): void;
}

export function createLiveClock(): LiveClock {
  let frame = 0;
  return {
    next(config, advance) {
      if (config.live && advance) frame += 1;
      return frame;
    },
    reset: () => {
      frame = 0;
    },
  };
}
