/**
 * A plan: the GPU buffers and bind groups for one operation (FFT or resolvent) on one shape and
 * batch, in one kernel variant, reused call after call (the playground runs the same workload
 * every frame, so a frame allocates no buffers). `steps()` builds the dispatches of one chunk
 * of signals; `encode()` records them into a compute pass, as many times as a benchmark asks.
 *
 * Variants (the planner picks per adapter, see planner.ts):
 * - 'workgroup': workgroup-codegen.ts (generated WGSL per length), one dispatch per
 *   ≤ capacity-point axis (four-step above); the fused resolvent is one dispatch for 1D signals
 *   that fit, three passes otherwise (fft-plan.ts `fusedWorkgroupProgram`).
 * - 'stages': stage-codegen.ts (generated WGSL), radix-16 Stockham passes through global memory only.
 * - 'subgroups': the same passes, with `lanes` invocations of a subgroup sharing each butterfly
 *   through subgroupShuffleXor (radix 16·lanes), so fewer passes; offered where the device has
 *   the `subgroups` feature and passes subgroup-probe.ts.
 */
import {
  fusedWorkgroupProgram,
  grid,
  launchOf,
  planFft,
  type FftPass,
  type FftProgram,
  type FusedPass,
} from './fft-plan';
import { kernelsFor } from './pipelines';
import { reduceLevels, resolventGeometry } from './reduce-plan';
import {
  filterPartials,
  fusedResolventStages,
  transformStages,
  type StageDispatch,
} from './stage-schedule';
import { twiddleTable } from './twiddles';
import type { Shape } from '../types';

/** 'reductions': the filter and sums alone, on data that already is a spectrum (no FFTs). */
export type PlanKind = 'fft' | 'resolvent' | 'reductions';
export type FftVariant = 'workgroup' | 'stages' | 'subgroups';
export const FFT_VARIANTS: readonly FftVariant[] = ['workgroup', 'stages', 'subgroups'];

export interface PlanSpec {
  kind: PlanKind;
  variant: FftVariant;
  shape: Shape;
  /** All signals of the call (the per-signal sums buffer spans them). */
  batch: number;
  /** Signals per chunk: the data buffers' size. */
  chunkSignals: number;
  capacity: number;
  /** Invocations of a subgroup per butterfly in 'subgroups' stages; 1 otherwise. */
  lanes: number;
  /** Keep the input buffer intact (a third data buffer), so the same work can be repeated. */
  preserveInput: boolean;
}

export interface StepOptions {
  inverse: boolean;
  phi: number;
  lastChunk: boolean;
  /** Resolvent only: filter and sums inside the FFT passes (every variant and shape fuses). */
  fused: boolean;
}

export interface Step {
  label: string;
  pipeline: GPUComputePipeline;
  bindGroup: GPUBindGroup;
  groups: [number, number];
}

export interface ChunkSteps {
  steps: Step[];
  /** The buffer holding the chunk's result after the steps. */
  result: GPUBuffer;
}

const FLAT_WORKGROUP = 64;
const FFT_PARAMS_BYTES = 80;

export class Plan {
  readonly program: FftProgram;
  readonly size: number;
  readonly dataBytes: number;
  /** Bytes of every buffer the plan owns, for error messages. */
  allocatedBytes = 0;
  readonly staging: GPUBuffer;
  private readonly owned: GPUBuffer[] = [];
  private readonly data: GPUBuffer[];
  private readonly twiddles = new Map<number, GPUBuffer>();
  private readonly uniforms: GPUBuffer[] = [];
  private uniformsUsed = 0;
  private readonly rwDummy: GPUBuffer;
  private qy: GPUBuffer | undefined;
  private qx: GPUBuffer | undefined;
  private partials: GPUBuffer | undefined;
  private scratch: [GPUBuffer, GPUBuffer] | undefined;
  signalSums: GPUBuffer | undefined;
  batchSums: GPUBuffer | undefined;
  sumsStaging: GPUBuffer | undefined;
  private qKey = '';
  private destroyed = false;

  constructor(
    private readonly device: GPUDevice,
    readonly spec: PlanSpec,
    private readonly dummy: GPUBuffer,
  ) {
    this.program = planFft(spec.shape, spec.capacity);
    this.size = this.program.size;
    this.dataBytes = spec.chunkSignals * this.size * 8;
    const name = `${spec.kind} ${spec.variant} [${spec.shape.join('×')}]×${spec.chunkSignals}`;
    const dataUsage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC;
    this.data = ['A', 'B', ...(spec.preserveInput ? ['C'] : [])].map((x) =>
      this.buffer(`${name} data ${x}`, this.dataBytes, dataUsage),
    );
    this.staging = this.buffer(
      `${name} readback`,
      this.dataBytes,
      GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    );
    this.rwDummy = this.buffer(`${name} unused sums`, 16, GPUBufferUsage.STORAGE);
    if (spec.kind !== 'fft') this.allocateResolvent(name);
  }

  private allocateResolvent(name: string): void {
    const { shape, chunkSignals, batch } = this.spec;
    const [ny, nx] = shape.length === 1 ? [1, shape[0]] : shape;
    const storage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST;
    this.qy = this.buffer(`${name} q_y table`, ny * 4, storage);
    this.qx = this.buffer(`${name} q_x table`, nx * 4, storage);
    // Partial sums per signal: from resolvent.wgsl, the fused last stage (one per invocation) or
    // the fused workgroup pass (one per transform).
    const partials = Math.max(
      resolventGeometry(this.size).partials,
      this.fusedStagePartials(),
      fusedWorkgroupProgram(this.program).fused.inner,
    );
    this.partials = this.buffer(
      `${name} partial sums`,
      chunkSignals * partials * 16,
      GPUBufferUsage.STORAGE,
    );
    const scratchLength = Math.max(
      chunkSignals * Math.ceil(partials / 16),
      Math.ceil(batch / 16),
      1,
    );
    this.scratch = [
      this.buffer(`${name} reduce scratch A`, scratchLength * 16, GPUBufferUsage.STORAGE),
      this.buffer(`${name} reduce scratch B`, scratchLength * 16, GPUBufferUsage.STORAGE),
    ];
    const sums = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC;
    this.signalSums = this.buffer(`${name} per-signal sums`, batch * 16, sums);
    this.batchSums = this.buffer(`${name} batch sums`, 16, sums);
    this.sumsStaging = this.buffer(
      `${name} sums readback`,
      batch * 16 + 16,
      GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    );
  }

  private buffer(label: string, size: number, usage: GPUBufferUsageFlags): GPUBuffer {
    const b = this.device.createBuffer({
      label,
      size: Math.max(16, Math.ceil(size / 4) * 4),
      usage,
    });
    this.owned.push(b);
    this.allocatedBytes += size;
    return b;
  }

  /** W_n^m for m in [0, n), uploaded once per plan and length. */
  private twiddle(n: number): GPUBuffer {
    let b = this.twiddles.get(n);
    if (!b) {
      const values = twiddleTable(n);
      b = this.buffer(
        `twiddles W_${n}`,
        values.byteLength,
        GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
      );
      this.device.queue.writeBuffer(b, 0, values);
      this.twiddles.set(n, b);
    }
    return b;
  }

  /**
   * The next uniform buffer of this steps() call. Every dispatch needs its own: all writes
   * land before the submit, so one buffer rewritten per dispatch would give all the last value.
   */
  private uniform(values: ArrayBuffer): GPUBuffer {
    let b = this.uniforms[this.uniformsUsed];
    if (!b) {
      b = this.buffer(
        `uniform ${this.uniformsUsed}`,
        FFT_PARAMS_BYTES,
        GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
      );
      this.uniforms.push(b);
    }
    this.uniformsUsed++;
    this.device.queue.writeBuffer(b, 0, values);
    return b;
  }

  get input(): GPUBuffer {
    return this.data[0] as GPUBuffer;
  }

  private sumsTarget(direct: boolean): GPUBuffer {
    return (direct ? this.signalSums : this.partials) as GPUBuffer;
  }

  /** Most subgroup lanes a butterfly of this plan spans (1 but for 'subgroups'). */
  private get maxLanes(): number {
    return this.spec.variant === 'subgroups' ? this.spec.lanes : 1;
  }

  private fusedStages(): { before: StageDispatch[]; after: StageDispatch[] } {
    return fusedResolventStages(this.spec.shape, this.maxLanes);
  }

  /** Invocations per signal of the fused filtering stage: its partial sums per signal. */
  private fusedStagePartials(): number {
    return filterPartials(this.fusedStages().before.at(-1) as StageDispatch);
  }

  /** Uploads the q tables when unit, scale or shape changed (φ is a uniform, set per chunk). */
  setQ(key: string, qy: Float32Array<ArrayBuffer>, qx: Float32Array<ArrayBuffer>): void {
    if (key === this.qKey || !this.qy || !this.qx) return;
    this.device.queue.writeBuffer(this.qy, 0, qy);
    this.device.queue.writeBuffer(this.qx, 0, qx);
    this.qKey = key;
  }

  /** The dispatches of one chunk: `signals` signals, the first being signal `first` of the call. */
  steps(signals: number, first: number, options: StepOptions): ChunkSteps {
    this.uniformsUsed = 0;
    const steps: Step[] = [];
    // Buffer rotation: the first step reads data[0]; with a third buffer later steps alternate
    // between data[1] and data[2], so data[0] keeps the input for repeated runs.
    let src = 0;
    const next = (): [number, number] => {
      const from = src;
      const to = this.data.length === 3 ? (from === 1 ? 2 : 1) : from ^ 1;
      src = to;
      return [from, to];
    };
    const passes = (list: readonly FftPass[], inverse: boolean, lastScale: number): void => {
      list.forEach((pass, i) => {
        const scale = i === list.length - 1 ? lastScale : 1;
        steps.push(this.workgroupStep(pass, signals, { inverse, scale }, next()));
      });
    };
    const fft = (inverse: boolean): void => {
      if (this.spec.variant === 'workgroup') {
        passes(this.program.passes, inverse, inverse ? 1 / this.size : 1);
      } else {
        const stages = transformStages(this.spec.shape, inverse, this.maxLanes);
        steps.push(...this.stageSteps(stages, signals, next));
      }
    };

    if (this.spec.kind === 'fft') {
      fft(options.inverse);
    } else if (this.spec.kind === 'reductions') {
      steps.push(...this.resolventSteps(signals, first, options.phi, next()));
    } else if (options.fused && this.spec.variant === 'workgroup') {
      // Every shape fuses: one pass transforms forward, filters and transforms back.
      const { before, fused, after } = fusedWorkgroupProgram(this.program);
      passes(before, false, 1);
      // One transform per signal: its sums are final. Else per-transform partials, reduced next.
      const direct = fused.inner === 1;
      const scale = after.length === 0 ? 1 / this.size : 1;
      const filter = { pass: fused, phi: options.phi, sumsBase: direct ? first : 0, direct };
      steps.push(this.workgroupStep(fused, signals, { inverse: false, scale, filter }, next()));
      if (!direct) {
        const sums = this.signalSums as GPUBuffer;
        const src = this.partials as GPUBuffer;
        steps.push(...this.reduceChain('per-signal sums', src, signals, fused.inner, sums, first));
      }
      passes(after, true, 1 / this.size);
    } else if (options.fused) {
      // The filter rides on the last forward stage, merged with the first inverse one where it can.
      const { before, after } = this.fusedStages();
      const partials = filterPartials(before.at(-1) as StageDispatch);
      steps.push(...this.stageSteps(before, signals, next, { phi: options.phi, first }));
      if (partials > 1) {
        const sums = this.signalSums as GPUBuffer;
        const src = this.partials as GPUBuffer;
        steps.push(...this.reduceChain('per-signal sums', src, signals, partials, sums, first));
      }
      steps.push(...this.stageSteps(after, signals, next));
    } else {
      fft(false);
      steps.push(...this.resolventSteps(signals, first, options.phi, next()));
      fft(true);
    }
    if (this.spec.kind !== 'fft' && options.lastChunk) {
      const batch = this.spec.batch;
      steps.push(
        ...this.reduceChain(
          'batch sums',
          this.signalSums as GPUBuffer,
          1,
          batch,
          this.batchSums as GPUBuffer,
          0,
        ),
      );
    }
    return { steps, result: this.data[src] as GPUBuffer };
  }

  static encode(pass: GPUComputePassEncoder, steps: readonly Step[]): void {
    for (const s of steps) {
      pass.setPipeline(s.pipeline);
      pass.setBindGroup(0, s.bindGroup);
      pass.dispatchWorkgroups(s.groups[0], s.groups[1]);
    }
  }

  private flatGroups(invocations: number): [number, number] {
    return grid(
      Math.ceil(invocations / FLAT_WORKGROUP),
      this.device.limits.maxComputeWorkgroupsPerDimension,
    );
  }

  /** Dispatches of stage-codegen.ts kernels; `filter` gives φ and the first signal to filtering stages. */
  private stageSteps(
    stages: readonly StageDispatch[],
    signals: number,
    next: () => [number, number],
    filter?: { phi: number; first: number },
  ): Step[] {
    const kernels = kernelsFor(this.device);
    const nx = this.spec.shape.length === 1 ? this.size : this.spec.shape[1];
    return stages.map((stage) => {
      const { axis, radix, lanes, ns, role } = stage;
      const filters = role !== 'fft';
      // One invocation per signal: its sums are final and go straight to the per-signal buffer.
      const direct = filters && filterPartials(stage) === 1;
      const count = signals * axis.inner;
      const groups = this.flatGroups((count * axis.n) / radix);
      const params = new ArrayBuffer(64);
      const u = new Uint32Array(params);
      const f = new Float32Array(params);
      u.set([
        axis.n,
        ns,
        count,
        axis.inner,
        axis.signalStride,
        axis.innerStride,
        axis.elemStride,
        groups[0],
      ]);
      f[8] = stage.inverse ? -1 : 1;
      f[9] = stage.scale;
      u[10] = nx;
      f[11] = filter?.phi ?? 0;
      u[12] = direct ? (filter?.first ?? 0) : 0; // else chunk-local partials
      u[13] = filterPartials(stage);
      const [from, to] = next();
      const width = lanes > 1 ? `${radix}×${lanes} lanes` : `${radix}`;
      const what = { fft: '', filter: ' + resolvent', 'filter-inverse': ' + resolvent + inverse' };
      const label = `fft stage radix-${width} n=${axis.n} ns=${ns}${stage.inverse ? ' inverse' : ''}${what[role]}`;
      const sums = filters ? this.sumsTarget(direct) : this.rwDummy;
      return {
        label,
        pipeline: kernels.stage(radix, role, lanes),
        bindGroup: this.device.createBindGroup({
          label,
          layout: kernels.stageLayout,
          entries: [
            { binding: 0, resource: { buffer: this.uniform(params) } },
            { binding: 1, resource: { buffer: this.data[from] as GPUBuffer } },
            { binding: 2, resource: { buffer: this.data[to] as GPUBuffer } },
            { binding: 3, resource: { buffer: this.twiddle(axis.n) } },
            { binding: 4, resource: { buffer: filters ? (this.qy as GPUBuffer) : this.dummy } },
            { binding: 5, resource: { buffer: filters ? (this.qx as GPUBuffer) : this.dummy } },
            { binding: 6, resource: { buffer: sums } },
          ],
        }),
        groups,
      };
    });
  }

  /** One dispatch of a workgroup-codegen.ts kernel; with `filter`, the fused resolvent pass. */
  private workgroupStep(
    pass: FftPass,
    signals: number,
    o: {
      inverse: boolean;
      scale: number;
      filter?: { pass: FusedPass; phi: number; sumsBase: number; direct: boolean };
    },
    [from, to]: [number, number],
  ): Step {
    const kernels = kernelsFor(this.device);
    const launch = launchOf(pass, signals, this.spec.capacity);
    const groups = grid(launch.groups, this.device.limits.maxComputeWorkgroupsPerDimension);
    const params = new ArrayBuffer(FFT_PARAMS_BYTES);
    const u = new Uint32Array(params);
    const f = new Float32Array(params);
    const nx = this.spec.shape.length === 1 ? this.size : this.spec.shape[1];
    u.set([pass.n, nx, launch.perGroup, launch.count, pass.inner]);
    u.set(
      [pass.inSignal, pass.inInner, pass.inElem, pass.outSignal, pass.outInner, pass.outElem],
      5,
    );
    u[11] = pass.twiddleN;
    f[12] = o.inverse ? -1 : 1;
    f[13] = o.scale;
    u[14] = groups[0];
    u[15] = launch.transformFastest ? 1 : 0;
    const filter = o.filter;
    if (filter) {
      f[16] = filter.phi;
      u[17] = filter.sumsBase;
      u[18] = filter.pass.binInner;
      u[19] = filter.pass.binElem;
    }
    const label = filter
      ? `fused resolvent pass n=${pass.n}${pass.inner > 1 ? ` ×${pass.inner}` : ''}`
      : `fft pass n=${pass.n}${pass.inner > 1 ? ` ×${pass.inner}` : ''}${o.inverse ? ' inverse' : ''}`;
    const sums = filter ? this.sumsTarget(filter.direct) : this.rwDummy;
    const bindGroup = this.device.createBindGroup({
      label,
      layout: kernels.fftLayout,
      entries: [
        { binding: 0, resource: { buffer: this.uniform(params) } },
        { binding: 1, resource: { buffer: this.data[from] as GPUBuffer } },
        { binding: 2, resource: { buffer: this.data[to] as GPUBuffer } },
        { binding: 3, resource: { buffer: this.twiddle(pass.n) } },
        {
          binding: 4,
          resource: { buffer: pass.twiddleN ? this.twiddle(pass.twiddleN) : this.dummy },
        },
        { binding: 5, resource: { buffer: filter ? (this.qx as GPUBuffer) : this.dummy } },
        { binding: 6, resource: { buffer: sums } },
        { binding: 7, resource: { buffer: filter ? (this.qy as GPUBuffer) : this.dummy } },
      ],
    });
    const pipeline = filter
      ? kernels.fusedResolvent(pass.n, this.spec.capacity)
      : kernels.fftPass(pass.n, this.spec.capacity);
    return { label, pipeline, bindGroup, groups };
  }

  private resolventSteps(
    signals: number,
    first: number,
    phi: number,
    [from, to]: [number, number],
  ): Step[] {
    const kernels = kernelsFor(this.device);
    const n = this.size;
    const nx = this.spec.shape.length === 1 ? n : this.spec.shape[1];
    const { binsPerThread, partials } = resolventGeometry(n);
    const groups = this.flatGroups(signals * partials);
    const direct = partials === 1;
    const params = new ArrayBuffer(32);
    const u = new Uint32Array(params);
    u.set([n, nx, signals, binsPerThread, partials, direct ? first : 0, groups[0]]);
    new Float32Array(params)[7] = phi;
    const label = 'resolvent filter + partial sums';
    const target = direct ? (this.signalSums as GPUBuffer) : (this.partials as GPUBuffer);
    const steps: Step[] = [
      {
        label,
        pipeline: kernels.resolvent(),
        bindGroup: this.device.createBindGroup({
          label,
          layout: kernels.resolventLayout,
          entries: [
            { binding: 0, resource: { buffer: this.uniform(params) } },
            { binding: 1, resource: { buffer: this.data[from] as GPUBuffer } },
            { binding: 2, resource: { buffer: this.data[to] as GPUBuffer } },
            { binding: 3, resource: { buffer: this.qy as GPUBuffer } },
            { binding: 4, resource: { buffer: this.qx as GPUBuffer } },
            { binding: 5, resource: { buffer: target } },
          ],
        }),
        groups,
      },
    ];
    if (!direct) {
      steps.push(
        ...this.reduceChain(
          'per-signal sums',
          this.partials as GPUBuffer,
          signals,
          partials,
          this.signalSums as GPUBuffer,
          first,
        ),
      );
    }
    return steps;
  }

  /**
   * Levels of reduce-flat.wgsl adding `segments` runs of `length` vec4s in `src` down to one
   * each, written to `dst` from index `dstBase`; intermediate levels ping-pong in scratch.
   */
  private reduceChain(
    label: string,
    src: GPUBuffer,
    segments: number,
    length: number,
    dst: GPUBuffer,
    dstBase: number,
  ): Step[] {
    const kernels = kernelsFor(this.device);
    const scratch = this.scratch as [GPUBuffer, GPUBuffer];
    const levels = reduceLevels(length);
    if (levels.length === 0) levels.push(1); // a single value still moves to `dst`
    const steps: Step[] = [];
    let input = src;
    let inLength = length;
    levels.forEach((outLength, i) => {
      const last = i === levels.length - 1;
      const output = last ? dst : (scratch[i % 2] as GPUBuffer);
      const groups = this.flatGroups(segments * outLength);
      const params = new Uint32Array([
        segments,
        inLength,
        outLength,
        last ? dstBase : 0,
        groups[0],
        0,
        0,
        0,
      ]);
      const name = `${label} level ${i + 1}`;
      steps.push({
        label: name,
        pipeline: kernels.reduce(),
        bindGroup: this.device.createBindGroup({
          label: name,
          layout: kernels.reduceLayout,
          entries: [
            { binding: 0, resource: { buffer: this.uniform(params.buffer) } },
            { binding: 1, resource: { buffer: input } },
            { binding: 2, resource: { buffer: output } },
          ],
        }),
        groups,
      });
      input = output;
      inLength = outLength;
    });
    return steps;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const b of this.owned) b.destroy();
  }
}
