/**
 * A plan: the GPU buffers and bind groups for one operation (FFT or resolvent) on one shape and
 * batch, reused call after call (the playground runs the same workload every frame, so a
 * frame allocates nothing). It encodes one chunk of signals at a time into a single compute
 * pass; the engine decides the chunks.
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
}

export interface ResolventParams {
  phi: number;
  qy: Float32Array<ArrayBuffer>;
  qx: Float32Array<ArrayBuffer>;
}

interface Step {
  pipeline: GPUComputePipeline;
  bindGroup: GPUBindGroup;
  groups: [number, number];
}

export class Plan {
  readonly program: FftProgram;
  readonly dataBytes: number;
  /** Bytes of every buffer the plan owns, for error messages. */
  allocatedBytes = 0;
  private readonly owned: GPUBuffer[] = [];
  private readonly buffers: [GPUBuffer, GPUBuffer];
  readonly staging: GPUBuffer;
  private readonly fftUniforms: GPUBuffer[] = [];
  private readonly twiddles: GPUBuffer[] = [];
  private readonly twiddleN: GPUBuffer[] = [];
  // Resolvent only.
  private resolventUniform: GPUBuffer | undefined;
  private partialUniform: GPUBuffer | undefined;
  private batchUniform: GPUBuffer | undefined;
  private qy: GPUBuffer | undefined;
  private qx: GPUBuffer | undefined;
  private partials: GPUBuffer | undefined;
  signalSums: GPUBuffer | undefined;
  batchSums: GPUBuffer | undefined;
  sumsStaging: GPUBuffer | undefined;
  private qKey = '';
  private destroyed = false;

  constructor(
    private readonly device: GPUDevice,
    readonly spec: PlanSpec,
    dummy: GPUBuffer,
  ) {
    this.program = planFft(spec.shape, spec.capacity);
    this.dataBytes = spec.chunkSignals * this.program.size * 8;
    const name = `${spec.kind} [${spec.shape.join('×')}]×${spec.chunkSignals}`;
    const data = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC;
    this.buffers = [
      this.buffer(`${name} data A`, this.dataBytes, data),
      this.buffer(`${name} data B`, this.dataBytes, data),
    ];
    this.staging = this.buffer(
      `${name} readback`,
      this.dataBytes,
      GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    );
    const passes = this.program.passes;
    const directions = spec.kind === 'resolvent' ? 2 : 1;
    for (let d = 0; d < directions; d++) {
      for (let i = 0; i < passes.length; i++) {
        this.fftUniforms.push(
          this.buffer(`${name} fft params`, 64, GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST),
        );
      }
    }
    for (const pass of passes) {
      this.twiddles.push(this.table(`twiddles W_${pass.n}`, twiddleTable(pass.n)));
      this.twiddleN.push(
        pass.twiddleN
          ? this.table(`four-step twiddles W_${pass.twiddleN}`, twiddleTable(pass.twiddleN))
          : dummy,
      );
    }
    if (spec.kind === 'resolvent') {
      const [ny, nx] = spec.shape.length === 1 ? [1, spec.shape[0]] : spec.shape;
      const launch = resolventLaunch(this.program.size, spec.chunkSignals);
      const u = GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST;
      this.resolventUniform = this.buffer(`${name} resolvent params`, 48, u);
      this.partialUniform = this.buffer(`${name} partial-sum params`, 16, u);
      this.batchUniform = this.buffer(`${name} batch-sum params`, 16, u);
      const s = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST;
      this.qy = this.buffer(`${name} q_y table`, Math.max(ny, 1) * 4, s);
      this.qx = this.buffer(`${name} q_x table`, nx * 4, s);
      const segs = launch.groupsPerSignal > 1 ? spec.chunkSignals * launch.groupsPerSignal : 1;
      this.partials = this.buffer(`${name} partial sums`, segs * 16, GPUBufferUsage.STORAGE);
      this.signalSums = this.buffer(
        `${name} per-signal sums`,
        spec.batch * 16,
        GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
      );
      this.batchSums = this.buffer(
        `${name} batch sums`,
        16,
        GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
      );
      this.sumsStaging = this.buffer(
        `${name} sums readback`,
        spec.batch * 16 + 16,
        GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
      );
    }
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

  private table(label: string, data: Float32Array<ArrayBuffer>): GPUBuffer {
    const b = this.buffer(label, data.byteLength, GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST);
    this.device.queue.writeBuffer(b, 0, data);
    return b;
  }

  get input(): GPUBuffer {
    return this.buffers[0];
  }

  /** Updates the q tables only when unit/scale/shape changed (φ is a uniform). */
  setQ(key: string, params: ResolventParams): void {
    if (key === this.qKey || !this.qy || !this.qx) return;
    this.device.queue.writeBuffer(this.qy, 0, params.qy);
    this.device.queue.writeBuffer(this.qx, 0, params.qx);
    this.qKey = key;
  }

  /**
   * Encodes the work of one chunk (`signals` signals starting at signal `first`) into `pass` and
   * returns the buffer holding the chunk's result and the number of dispatches.
   */
  encodeChunk(
    pass: GPUComputePassEncoder,
    signals: number,
    first: number,
    options: { inverse: boolean; phi: number; lastChunk: boolean },
  ): { result: GPUBuffer; dispatches: number } {
    const maxDim = this.device.limits.maxComputeWorkgroupsPerDimension;
    const steps: Step[] = [];
    let cur = 0;
    const fftSteps = (inverse: boolean, uniformBase: number): void => {
      const passes = this.program.passes;
      passes.forEach((p, i) => {
        const scale = inverse && i === passes.length - 1 ? 1 / this.program.size : 1;
        const uniform = this.fftUniforms[uniformBase + i] as GPUBuffer;
        steps.push(this.fftStep(p, i, signals, inverse, scale, uniform, cur, maxDim));
        cur ^= 1;
      });
    };

    if (this.spec.kind === 'fft') {
      fftSteps(options.inverse, 0);
    } else {
      fftSteps(false, 0);
      steps.push(...this.resolventSteps(signals, first, options.phi, cur, maxDim));
      cur ^= 1;
      fftSteps(true, this.program.passes.length);
      if (options.lastChunk) steps.push(this.batchStep());
    }
    for (const s of steps) {
      pass.setPipeline(s.pipeline);
      pass.setBindGroup(0, s.bindGroup);
      pass.dispatchWorkgroups(s.groups[0], s.groups[1]);
    }
    return { result: this.buffers[cur] as GPUBuffer, dispatches: steps.length };
  }

  private fftStep(
    p: FftPass,
    index: number,
    signals: number,
    inverse: boolean,
    scale: number,
    uniform: GPUBuffer,
    cur: number,
    maxDim: number,
  ): Step {
    const kernels = kernelsFor(this.device);
    const launch = launchOf(p, signals, this.spec.capacity);
    const groups = grid(launch.groups, maxDim);
    const params = new ArrayBuffer(64);
    const u = new Uint32Array(params);
    const f = new Float32Array(params);
    u.set([
      p.n,
      Math.log2(p.n),
      launch.perGroup,
      launch.count,
      p.inner,
      p.inSignal,
      p.inInner,
      p.inElem,
    ]);
    u.set([p.outSignal, p.outInner, p.outElem, p.twiddleN], 8);
    f[12] = inverse ? -1 : 1;
    f[13] = scale;
    u[14] = groups[0];
    u[15] = launch.transformFastest ? 1 : 0;
    this.device.queue.writeBuffer(uniform, 0, params);
    const bindGroup = this.device.createBindGroup({
      label: `fft pass ${index + 1} n=${p.n}${inverse ? ' inverse' : ''}`,
      layout: kernels.fftLayout,
      entries: [
        { binding: 0, resource: { buffer: uniform } },
        { binding: 1, resource: { buffer: this.buffers[cur] as GPUBuffer } },
        { binding: 2, resource: { buffer: this.buffers[cur ^ 1] as GPUBuffer } },
        { binding: 3, resource: { buffer: this.twiddles[index] as GPUBuffer } },
        { binding: 4, resource: { buffer: this.twiddleN[index] as GPUBuffer } },
      ],
    });
    return { pipeline: kernels.fft(this.spec.capacity), bindGroup, groups };
  }

  private resolventSteps(
    signals: number,
    first: number,
    phi: number,
    cur: number,
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
    this.device.queue.writeBuffer(this.resolventUniform as GPUBuffer, 0, params);
    const sumsTarget = split ? (this.partials as GPUBuffer) : (this.signalSums as GPUBuffer);
    const steps: Step[] = [
      {
        pipeline: kernels.resolvent(),
        bindGroup: this.device.createBindGroup({
          label: 'resolvent filter + sums',
          layout: kernels.resolventLayout,
          entries: [
            { binding: 0, resource: { buffer: this.resolventUniform as GPUBuffer } },
            { binding: 1, resource: { buffer: this.buffers[cur] as GPUBuffer } },
            { binding: 2, resource: { buffer: this.buffers[cur ^ 1] as GPUBuffer } },
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
      this.device.queue.writeBuffer(
        this.partialUniform as GPUBuffer,
        0,
        new Uint32Array([signals, launch.groupsPerSignal, first, rg[0]]),
      );
      steps.push({
        pipeline: kernels.reduce(),
        bindGroup: this.reduceBindGroup(
          'per-signal sums',
          this.partialUniform as GPUBuffer,
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
    this.device.queue.writeBuffer(
      this.batchUniform as GPUBuffer,
      0,
      new Uint32Array([1, this.spec.batch, 0, 1]),
    );
    return {
      pipeline: kernels.reduce(),
      bindGroup: this.reduceBindGroup(
        'batch sums',
        this.batchUniform as GPUBuffer,
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
