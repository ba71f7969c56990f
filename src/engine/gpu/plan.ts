/**
 * A plan: the GPU buffers for one operator on one shape, batch and kernel variant, reused call
 * after call (the playground runs the same workload every frame, so a frame allocates no
 * buffers). It holds the data buffers the dispatches rotate through, the readback staging,
 * the twiddle tables, the program's tables (uploaded when their key changes), a pool of
 * uniform buffers, and, for programs with sums, the sum buffers, which exist together.
 * program-steps.ts turns a GpuProgram into dispatches over these buffers.
 */
import type { GpuProgram } from '../ops/operator';
import type { Shape } from '../types';
import { signalLength } from '../validate';
import { Arena } from './arena';
import { fusedWorkgroupProgram, planFft, stagePasses, type FftProgram } from './fft-plan';
import { resolventGeometry } from './reduce-plan';
import { filterPartials, fusedSpectralStages } from './stage-schedule';
import {
  fourStepTwiddleTable,
  stageTwiddleBlock,
  twiddleTable,
  workgroupTwiddleTable,
} from './twiddles';
import { upload } from './transfer-meter';

export type FftVariant = 'workgroup' | 'stages' | 'subgroups';
export const FFT_VARIANTS: readonly FftVariant[] = ['workgroup', 'stages', 'subgroups'];

export interface PlanSpec {
  /** The operator's id (labels only: buffers do not depend on it). */
  op: string;
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
  /** Whether programs on this plan have per-signal sums. */
  sums: boolean;
}

/** The buffers of a program with sums: they exist together or not at all. */
export interface SumBuffers {
  /** Partial sums per signal, before reduce-flat.wgsl adds them up. */
  partials: GPUBuffer;
  scratch: [GPUBuffer, GPUBuffer];
  signalSums: GPUBuffer;
  batchSums: GPUBuffer;
  staging: GPUBuffer;
}

export class Plan {
  readonly fft: FftProgram;
  readonly size: number;
  readonly staging: GPUBuffer;
  readonly data: readonly GPUBuffer[];
  /** Read-write binding for kernels that write no sums. */
  readonly rwDummy: GPUBuffer;
  readonly sums: SumBuffers | undefined;
  private readonly arena: Arena;
  private readonly twiddles = new Map<string, GPUBuffer>();
  private readonly tables = new Map<string, { buffer: GPUBuffer; key: string | undefined }>();
  private readonly uniforms: GPUBuffer[] = [];
  private uniformsUsed = 0;
  private readonly name: string;

  constructor(
    private readonly device: GPUDevice,
    readonly spec: PlanSpec,
  ) {
    this.arena = new Arena(device);
    this.fft = planFft(spec.shape, spec.capacity);
    this.size = this.fft.size;
    const dataBytes = spec.chunkSignals * this.size * 8;
    this.name = `${spec.op} ${spec.variant} [${spec.shape.join('×')}]×${spec.chunkSignals}`;
    const dataUsage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC;
    this.data = ['A', 'B', ...(spec.preserveInput ? ['C'] : [])].map((x) =>
      this.arena.buffer(`${this.name} data ${x}`, dataBytes, dataUsage),
    );
    this.staging = this.arena.buffer(
      `${this.name} readback`,
      dataBytes,
      GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    );
    this.rwDummy = this.arena.buffer(`${this.name} unused sums`, 16, GPUBufferUsage.STORAGE);
    this.sums = spec.sums ? this.allocateSums() : undefined;
  }

  get allocatedBytes(): number {
    return this.arena.allocatedBytes;
  }

  get input(): GPUBuffer {
    return this.dataBuffer(0);
  }

  /** Data buffer i (0 to 1, or 2 with preserveInput). */
  dataBuffer(i: number): GPUBuffer {
    const b = this.data[i];
    if (!b) throw new Error(`${this.name}: data buffer ${i} is not in this plan`);
    return b;
  }

  private allocateSums(): SumBuffers {
    const { shape, chunkSignals, batch, variant, lanes } = this.spec;
    // Partial sums per signal: from a hook pass, the fused last stage (one per invocation) or
    // the fused workgroup pass (one per transform), whichever the program takes.
    const partials = Math.max(
      resolventGeometry(signalLength(shape)).partials,
      ...fusedSpectralStages(shape, variant === 'subgroups' ? lanes : 1)
        .before.slice(-1)
        .map(filterPartials),
      fusedWorkgroupProgram(this.fft).fused.inner,
    );
    const scratchLength = Math.max(
      chunkSignals * Math.ceil(partials / 16),
      Math.ceil(batch / 16),
      1,
    );
    const storage = GPUBufferUsage.STORAGE;
    const sums = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC;
    const b = (label: string, size: number, usage: number): GPUBuffer =>
      this.arena.buffer(`${this.name} ${label}`, size, usage);
    return {
      partials: b('partial sums', chunkSignals * partials * 16, storage),
      scratch: [
        b('reduce scratch A', scratchLength * 16, storage),
        b('reduce scratch B', scratchLength * 16, storage),
      ],
      signalSums: b('per-signal sums', batch * 16, sums),
      batchSums: b('batch sums', 16, sums),
      staging: b(
        'sums readback',
        batch * 16 + 16,
        GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
      ),
    };
  }

  /** W_n^m for m in [0, n), uploaded once per plan and length. */
  twiddle(n: number): GPUBuffer {
    return this.table32(`W_${n}`, () => twiddleTable(n));
  }

  /** The 'workgroup' kernel's per-stage twiddle blocks for length n (twiddles.ts). */
  stageTwiddle(n: number): GPUBuffer {
    return this.table32(`stages of ${n}`, () =>
      workgroupTwiddleTable(
        n,
        stagePasses(n).map((s) => s.radix),
      ),
    );
  }

  /** The twiddle block of one 'stages' dispatch with one lane a butterfly (twiddles.ts). */
  stageBlockTwiddle(n: number, radix: number, ns: number): GPUBuffer {
    return this.table32(`stage ${radix} after ${ns} of ${n}`, () =>
      stageTwiddleBlock(n, radix, ns),
    );
  }

  /** The four-step output twiddles of a pass of `inner` transforms of length n (twiddles.ts). */
  fourStepTwiddle(bigN: number, inner: number, n: number): GPUBuffer {
    return this.table32(`four-step ${bigN} as ${inner}×${n}`, () =>
      fourStepTwiddleTable(bigN, inner, n),
    );
  }

  private table32(name: string, values: () => Float32Array<ArrayBuffer>): GPUBuffer {
    let b = this.twiddles.get(name);
    if (!b) {
      const v = values();
      b = this.arena.buffer(
        `twiddles ${name}`,
        v.byteLength,
        GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
      );
      upload(this.device, b, 0, v);
      this.twiddles.set(name, b);
    }
    return b;
  }

  /** Uploads the program's tables whose key changed (or that have none: always). */
  setTables(program: GpuProgram): void {
    for (const [name, table] of Object.entries(program.tables)) {
      const held = this.tables.get(name);
      if (held && table.key !== undefined && held.key === table.key) continue;
      const values = table.data();
      let buffer = held?.buffer;
      if (!buffer || buffer.size < values.byteLength) {
        buffer = this.arena.buffer(
          `${this.name} table ${name}`,
          values.byteLength,
          GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
        );
      }
      upload(this.device, buffer, 0, values);
      this.tables.set(name, { buffer, key: table.key });
    }
  }

  /** A table uploaded by setTables. */
  table(name: string): GPUBuffer {
    const held = this.tables.get(name);
    if (!held) throw new Error(`${this.name}: table '${name}' was not uploaded`);
    return held.buffer;
  }

  /** Starts a new list of dispatches: the uniform pool is reused from its first buffer. */
  resetUniforms(): void {
    this.uniformsUsed = 0;
  }

  /**
   * The next uniform buffer of this list of dispatches. Every dispatch needs its own: all
   * writes land before the submit, so one buffer rewritten per dispatch would give all the last.
   */
  uniform(values: ArrayBuffer): GPUBuffer {
    let b = this.uniforms[this.uniformsUsed];
    if (!b || b.size < values.byteLength) {
      b = this.arena.buffer(
        `${this.name} uniform ${this.uniformsUsed}`,
        // Every layout fits 128 bytes: one size lets any dispatch reuse any slot.
        Math.max(128, values.byteLength),
        GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
      );
      this.uniforms[this.uniformsUsed] = b;
    }
    this.uniformsUsed++;
    upload(this.device, b, 0, values);
    return b;
  }

  destroy(): void {
    this.arena.destroy();
  }
}
