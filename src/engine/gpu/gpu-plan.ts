/**
 * A plan: the GPU buffers and bind groups for one operation (FFT or resolvent) on one shape and
 * batch, reused call after call (the playground runs the same workload every frame, so a
 * frame allocates no buffers). `steps()` builds the dispatches of one chunk of signals;
 * `encode()` records them into a compute pass, as many times as a benchmark asks.
 */
import { grid, launchOf, planFft, type FftPass, type FftProgram } from './fft-plan';
import { kernelsFor } from './pipelines';
import { resolventLaunch } from './reduction-plan';
import { twiddleTable } from './twiddles';
import type { Shape } from '../types';

export type PlanKind = 'fft' | 'resolvent';

export interface PlanSpec {
  kind: PlanKind;
  shape: Shape;
  /** All signals of the call (the per-signal sums buffer spans them). */
  batch: number;
  /** Signals per chunk: the data buffers' size. */
  chunkSignals: number;
  capacity: number;
  /** Keep the input buffer intact (a third data buffer), so the same work can be repeated. */
  preserveInput: boolean;
}

export interface StepOptions {
  inverse: boolean;
  phi: number;
  lastChunk: boolean;
  /** Resolvent only: one fused dispatch where the signal fits workgroup memory. */
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

const FFT_PARAMS_BYTES = 80;

export class Plan {
  readonly program: FftProgram;
  readonly dataBytes: number;
  /** Bytes of every buffer the plan owns, for error messages. */
  allocatedBytes = 0;
  readonly staging: GPUBuffer;
  private readonly owned: GPUBuffer[] = [];
  private readonly data: GPUBuffer[];
  private readonly fftUniforms: GPUBuffer[] = [];
  private readonly twiddles: GPUBuffer[] = [];
  private readonly twiddleN: GPUBuffer[] = [];
  private readonly sumsTargetDummy: GPUBuffer;
  private qy: GPUBuffer | undefined;
  private qx: GPUBuffer | undefined;
  private resolventUniform: GPUBuffer | undefined;
  private partialUniform: GPUBuffer | undefined;
  private batchUniform: GPUBuffer | undefined;
  private partials: GPUBuffer | undefined;
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
    this.dataBytes = spec.chunkSignals * this.program.size * 8;
    const name = `${spec.kind} [${spec.shape.join('×')}]×${spec.chunkSignals}`;
    const dataUsage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC;
    this.data = ['A', 'B', ...(spec.preserveInput ? ['C'] : [])].map((x) =>
      this.buffer(`${name} data ${x}`, this.dataBytes, dataUsage),
    );
    this.staging = this.buffer(
      `${name} readback`,
      this.dataBytes,
      GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    );
    const uniform = GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST;
    const passes = this.program.passes;
    // Forward passes, then (resolvent) inverse passes, then the fused kernel's own parameters.
    const uniforms = spec.kind === 'resolvent' ? 2 * passes.length + 1 : passes.length;
    for (let i = 0; i < uniforms; i++) {
      this.fftUniforms.push(this.buffer(`${name} fft params ${i}`, FFT_PARAMS_BYTES, uniform));
    }
    for (const pass of passes) {
      this.twiddles.push(this.table(`twiddles W_${pass.n}`, twiddleTable(pass.n)));
      this.twiddleN.push(
        pass.twiddleN
          ? this.table(`four-step twiddles W_${pass.twiddleN}`, twiddleTable(pass.twiddleN))
          : dummy,
      );
    }
    this.sumsTargetDummy = this.buffer(`${name} unused sums`, 16, GPUBufferUsage.STORAGE);
    if (spec.kind === 'resolvent') this.allocateResolvent(name);
  }

  private allocateResolvent(name: string): void {
    const { shape, chunkSignals, batch } = this.spec;
    const [ny, nx] = shape.length === 1 ? [1, shape[0]] : shape;
    const launch = resolventLaunch(this.program.size, chunkSignals);
    const uniform = GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST;
    const storage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST;
    this.resolventUniform = this.buffer(`${name} resolvent params`, 48, uniform);
    this.partialUniform = this.buffer(`${name} partial-sum params`, 16, uniform);
    this.batchUniform = this.buffer(`${name} batch-sum params`, 16, uniform);
    this.qy = this.buffer(`${name} q_y table`, ny * 4, storage);
    this.qx = this.buffer(`${name} q_x table`, nx * 4, storage);
    const segments = launch.groupsPerSignal > 1 ? chunkSignals * launch.groupsPerSignal : 1;
    this.partials = this.buffer(`${name} partial sums`, segments * 16, GPUBufferUsage.STORAGE);
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

  private table(label: string, values: Float32Array<ArrayBuffer>): GPUBuffer {
    const b = this.buffer(
      label,
      values.byteLength,
      GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
    );
    this.device.queue.writeBuffer(b, 0, values);
    return b;
  }

  get input(): GPUBuffer {
    return this.data[0] as GPUBuffer;
  }

  /** Whether the resolvent runs as one fused dispatch for this plan's shape. */
  get canFuse(): boolean {
    return (
      this.spec.kind === 'resolvent' &&
      this.program.passes.length === 1 &&
      this.spec.shape.length === 1
    );
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
    const maxDim = this.device.limits.maxComputeWorkgroupsPerDimension;
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
    const fftSteps = (inverse: boolean, uniformBase: number): void => {
      this.program.passes.forEach((pass, i) => {
        const last = i === this.program.passes.length - 1;
        const scale = inverse && last ? 1 / this.program.size : 1;
        const [from, to] = next();
        steps.push(
          this.fftStep(
            pass,
            i,
            signals,
            { inverse, scale, mode: 0, phi: 0, sumsBase: 0 },
            uniformBase + i,
            from,
            to,
            maxDim,
          ),
        );
      });
    };

    if (this.spec.kind === 'fft') {
      fftSteps(options.inverse, 0);
    } else if (options.fused && this.canFuse) {
      const [from, to] = next();
      const pass = this.program.passes[0] as FftPass;
      const uniformIndex = 2 * this.program.passes.length;
      steps.push(
        this.fftStep(
          pass,
          0,
          signals,
          { inverse: false, scale: 1, mode: 1, phi: options.phi, sumsBase: first },
          uniformIndex,
          from,
          to,
          maxDim,
        ),
      );
    } else {
      fftSteps(false, 0);
      const [from, to] = next();
      steps.push(...this.resolventSteps(signals, first, options.phi, from, to, maxDim));
      fftSteps(true, this.program.passes.length);
    }
    if (this.spec.kind === 'resolvent' && options.lastChunk) steps.push(this.batchStep());
    return { steps, result: this.data[src] as GPUBuffer };
  }

  static encode(pass: GPUComputePassEncoder, steps: readonly Step[]): void {
    for (const s of steps) {
      pass.setPipeline(s.pipeline);
      pass.setBindGroup(0, s.bindGroup);
      pass.dispatchWorkgroups(s.groups[0], s.groups[1]);
    }
  }

  private fftStep(
    pass: FftPass,
    index: number,
    signals: number,
    o: { inverse: boolean; scale: number; mode: 0 | 1; phi: number; sumsBase: number },
    uniformIndex: number,
    from: number,
    to: number,
    maxDim: number,
  ): Step {
    const kernels = kernelsFor(this.device);
    const launch = launchOf(pass, signals, this.spec.capacity);
    const groups = grid(launch.groups, maxDim);
    const params = new ArrayBuffer(FFT_PARAMS_BYTES);
    const u = new Uint32Array(params);
    const f = new Float32Array(params);
    u.set([pass.n, Math.log2(pass.n), launch.perGroup, launch.count, pass.inner]);
    u.set(
      [pass.inSignal, pass.inInner, pass.inElem, pass.outSignal, pass.outInner, pass.outElem],
      5,
    );
    u[11] = pass.twiddleN;
    f[12] = o.inverse ? -1 : 1;
    f[13] = o.scale;
    u[14] = groups[0];
    u[15] = launch.transformFastest ? 1 : 0;
    f[16] = o.phi;
    u[17] = o.sumsBase;
    const uniform = this.fftUniforms[uniformIndex] as GPUBuffer;
    this.device.queue.writeBuffer(uniform, 0, params);
    const fused = o.mode === 1;
    const label = fused
      ? `fused resolvent n=${pass.n}`
      : `fft pass ${index + 1} n=${pass.n}${o.inverse ? ' inverse' : ''}`;
    const bindGroup = this.device.createBindGroup({
      label,
      layout: kernels.fftLayout,
      entries: [
        { binding: 0, resource: { buffer: uniform } },
        { binding: 1, resource: { buffer: this.data[from] as GPUBuffer } },
        { binding: 2, resource: { buffer: this.data[to] as GPUBuffer } },
        { binding: 3, resource: { buffer: this.twiddles[index] as GPUBuffer } },
        { binding: 4, resource: { buffer: this.twiddleN[index] as GPUBuffer } },
        { binding: 5, resource: { buffer: fused ? (this.qx as GPUBuffer) : this.dummy } },
        {
          binding: 6,
          resource: { buffer: fused ? (this.signalSums as GPUBuffer) : this.sumsTargetDummy },
        },
      ],
    });
    return { label, pipeline: kernels.fft(this.spec.capacity, o.mode), bindGroup, groups };
  }

  private resolventSteps(
    signals: number,
    first: number,
    phi: number,
    from: number,
    to: number,
    maxDim: number,
  ): Step[] {
    const kernels = kernelsFor(this.device);
    const n = this.program.size;
    const nx = this.spec.shape.length === 1 ? n : this.spec.shape[1];
    const launch = resolventLaunch(n, signals);
    const groups = grid(launch.groups, maxDim);
    const split = launch.groupsPerSignal > 1;
    const params = new ArrayBuffer(48);
    const u = new Uint32Array(params);
    u.set([n, nx, signals, launch.threadsPerSignal, launch.groupsPerSignal, launch.binsPerThread]);
    u[6] = split ? 0 : first;
    u[7] = groups[0];
    new Float32Array(params)[8] = phi;
    const uniform = this.resolventUniform as GPUBuffer;
    this.device.queue.writeBuffer(uniform, 0, params);
    const sumsTarget = split ? (this.partials as GPUBuffer) : (this.signalSums as GPUBuffer);
    const steps: Step[] = [
      {
        label: 'resolvent filter + sums',
        pipeline: kernels.resolvent(),
        bindGroup: this.device.createBindGroup({
          label: 'resolvent filter + sums',
          layout: kernels.resolventLayout,
          entries: [
            { binding: 0, resource: { buffer: uniform } },
            { binding: 1, resource: { buffer: this.data[from] as GPUBuffer } },
            { binding: 2, resource: { buffer: this.data[to] as GPUBuffer } },
            { binding: 3, resource: { buffer: this.qy as GPUBuffer } },
            { binding: 4, resource: { buffer: this.qx as GPUBuffer } },
            { binding: 5, resource: { buffer: sumsTarget } },
          ],
        }),
        groups,
      },
    ];
    if (split) {
      const rg = grid(signals, maxDim);
      const pu = this.partialUniform as GPUBuffer;
      this.device.queue.writeBuffer(
        pu,
        0,
        new Uint32Array([signals, launch.groupsPerSignal, first, rg[0]]),
      );
      steps.push({
        label: 'per-signal sums',
        pipeline: kernels.reduce(),
        bindGroup: this.reduceBindGroup(
          'per-signal sums',
          pu,
          this.partials as GPUBuffer,
          this.signalSums as GPUBuffer,
        ),
        groups: rg,
      });
    }
    return steps;
  }

  private batchStep(): Step {
    const kernels = kernelsFor(this.device);
    const bu = this.batchUniform as GPUBuffer;
    this.device.queue.writeBuffer(bu, 0, new Uint32Array([1, this.spec.batch, 0, 1]));
    return {
      label: 'batch sums',
      pipeline: kernels.reduce(),
      bindGroup: this.reduceBindGroup(
        'batch sums',
        bu,
        this.signalSums as GPUBuffer,
        this.batchSums as GPUBuffer,
      ),
      groups: [1, 1],
    };
  }

  private reduceBindGroup(
    label: string,
    uniform: GPUBuffer,
    src: GPUBuffer,
    dst: GPUBuffer,
  ): GPUBindGroup {
    return this.device.createBindGroup({
      label,
      layout: kernelsFor(this.device).reduceLayout,
      entries: [
        { binding: 0, resource: { buffer: uniform } },
        { binding: 1, resource: { buffer: src } },
        { binding: 2, resource: { buffer: dst } },
      ],
    });
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const b of this.owned) b.destroy();
  }
}
