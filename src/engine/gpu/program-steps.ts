/**
 * A GpuProgram's blocks (ops/operator.ts) as dispatches over one plan's buffers, for one chunk
 * of signals. Each kernel family has its builder in step-builders.ts; here the blocks choose
 * among them by kernel variant and fusion:
 * - 'fft': 'workgroup' passes (fft-plan.ts), or Stockham stages ('stages', 'subgroups').
 * - 'spectral', fused: in 'workgroup', the middle pass transforms forward, applies the hook and
 *   transforms back (one dispatch for 1D signals that fit); in the stage variants the hook
 *   rides on the last forward stage, merged with the first inverse stage where its butterfly
 *   is one invocation's (stage-schedule.ts). Unfused: FFT, hook pass, inverse FFT.
 * - 'hook' and 'pointwise': a hook pass; 'wht': radix-16 Walsh–Hadamard stages.
 * - 'copy': one copy dispatch; 'sum': a read-reduce pass into the per-signal sums.
 * - 'repeat': the body's dispatches, built once per buffer parity and reused.
 */
import type { Block, GpuProgram, SpectralHook } from '../ops/operator';
import { fusedWorkgroupProgram, type FftPass } from './fft-plan';
import type { Plan } from './plan';
import { StepBuilder, type Step } from './step-builders';
import { filterPartials, fusedSpectralStages, transformStages } from './stage-schedule';

export type { Step } from './step-builders';

export interface ChunkSteps {
  steps: Step[];
  /** The buffer holding the chunk's result after the steps. */
  result: GPUBuffer;
}

/**
 * Which data buffer each dispatch reads and writes. The first reads data[0]; with a third
 * buffer (a prepared op) later ones alternate between data[1] and data[2], so data[0] keeps
 * the input for repeated runs.
 */
export class Cursor {
  src = 0;
  constructor(private readonly buffers: number) {}
  next(): [number, number] {
    const from = this.src;
    const to = this.buffers === 3 ? (from === 1 ? 2 : 1) : from ^ 1;
    this.src = to;
    return [from, to];
  }
}

/** The dispatches of one chunk: `signals` signals, the first being signal `first` of the call. */
export function programSteps(
  device: GPUDevice,
  plan: Plan,
  dummy: GPUBuffer,
  program: GpuProgram,
  chunk: { signals: number; first: number; last: boolean },
): ChunkSteps {
  plan.resetUniforms();
  const cursor = new Cursor(plan.data.length);
  const b = new StepBuilder(device, plan, dummy, cursor, chunk.signals, program.phi ?? 0);
  const steps: Step[] = [];
  for (const block of program.blocks) steps.push(...blockSteps(b, block, chunk.first));
  const sums = plan.sums;
  if (program.sums && sums && chunk.last) {
    steps.push(
      ...b.reduceChain('batch sums', sums.signalSums, 1, plan.spec.batch, sums.batchSums, 0),
    );
  }
  return { steps, result: plan.dataBuffer(cursor.src) };
}

function blockSteps(b: StepBuilder, block: Block, first: number): Step[] {
  switch (block.kind) {
    case 'fft':
      return fftSteps(b, block.inverse);
    case 'spectral':
      return block.fused
        ? fusedSpectralSteps(b, block.hook, first)
        : [...fftSteps(b, false), ...b.hookPass(block.hook, first), ...fftSteps(b, true)];
    case 'hook':
      return b.hookPass(block.hook, first);
    case 'pointwise':
      return b.hookPass({ kind: 'multiply', table: block.table }, first);
    case 'wht':
      return b.wht();
    case 'copy':
      return [b.copy()];
    case 'sum':
      return b.sum(first);
    case 'repeat':
      return repeatSteps(b, block.body, block.times, first);
  }
}

function fftSteps(b: StepBuilder, inverse: boolean): Step[] {
  const { plan } = b;
  if (plan.spec.variant === 'workgroup') {
    return workgroupPasses(b, plan.fft.passes, inverse, inverse ? 1 / plan.size : 1);
  }
  return b.stages(transformStages(plan.spec.shape, inverse, b.maxLanes));
}

function workgroupPasses(
  b: StepBuilder,
  passes: readonly FftPass[],
  inverse: boolean,
  lastScale: number,
): Step[] {
  return passes.map((pass, i) =>
    b.workgroupPass(pass, { inverse, scale: i === passes.length - 1 ? lastScale : 1 }),
  );
}

function fusedSpectralSteps(b: StepBuilder, hook: SpectralHook, first: number): Step[] {
  const { plan } = b;
  const sums = hook.kind === 'resolvent' ? plan.sums : undefined;
  const steps: Step[] = [];
  if (plan.spec.variant === 'workgroup') {
    // Every shape fuses: one pass transforms forward, applies the hook and transforms back.
    const { before, fused, after } = fusedWorkgroupProgram(plan.fft);
    steps.push(...workgroupPasses(b, before, false, 1));
    // One transform per signal: its sums are final. Else per-transform partials, reduced next.
    const direct = fused.inner === 1;
    const scale = after.length === 0 ? 1 / plan.size : 1;
    steps.push(
      b.workgroupPass(fused, {
        inverse: false,
        scale,
        hook: { hook, pass: fused, sumsBase: direct ? first : 0, direct },
      }),
    );
    if (sums && !direct) {
      steps.push(
        ...b.reduceChain(
          'per-signal sums',
          sums.partials,
          b.signals,
          fused.inner,
          sums.signalSums,
          first,
        ),
      );
    }
    steps.push(...workgroupPasses(b, after, true, 1 / plan.size));
    return steps;
  }
  // The hook rides on the last forward stage, merged with the first inverse one where it can.
  const { before, after } = fusedSpectralStages(plan.spec.shape, b.maxLanes);
  const last = before.at(-1);
  const partials = last ? filterPartials(last) : 1;
  steps.push(...b.stages(before, { hook, first }));
  if (sums && partials > 1) {
    steps.push(
      ...b.reduceChain(
        'per-signal sums',
        sums.partials,
        b.signals,
        partials,
        sums.signalSums,
        first,
      ),
    );
  }
  steps.push(...b.stages(after));
  return steps;
}

function repeatSteps(b: StepBuilder, body: readonly Block[], times: number, first: number): Step[] {
  // The body's dispatches depend only on which buffer it starts from: build each start once.
  const built = new Map<number, { steps: Step[]; end: number }>();
  const steps: Step[] = [];
  for (let i = 0; i < times; i++) {
    const start = b.cursor.src;
    let run = built.get(start);
    if (!run) {
      const bodySteps = body.flatMap((block) => blockSteps(b, block, first));
      run = { steps: bodySteps, end: b.cursor.src };
      built.set(start, run);
    } else {
      b.cursor.src = run.end;
    }
    for (const s of run.steps) steps.push(s);
  }
  return steps;
}
