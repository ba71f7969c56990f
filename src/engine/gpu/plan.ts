/**
 * A plan: the GPU buffers for one operator on one shape, batch and kernel variant, reused call
 * after call (the playground runs the same workload every frame, so a frame allocates no
 * buffers). It holds the data buffers the dispatches rotate through, the readback staging,
 * the twiddle tables, the program's tables (uploaded when their key changes), a pool of
 * uniform buffers, and, for programs with sums, the sum buffers, which exist together.
 * program-steps.ts turns a GpuProgram into dispatches over these buffers. A resident plan also
 * has a ring of small staging buffers for the live loop's one-signal reads (ReadRing).
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
  subgroupStageTwiddleBlock,
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
  /**
   * Whether 'stages' kernels with one lane a butterfly exchange values through workgroup memory
   * where a warp's run would be shorter than a sector (stage-codegen.ts); false: they read and
   * write directly (software adapters, where that memory is emulated).
   */
  stageExchange: boolean;
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

/**
 * Frames of one-signal readback that may be in flight at once (issue 10 asks for 2–3): frame
 * f+1's GPU work is queued into its own slot while frame f's slot is still being mapped, and
 * only a submit RING_SLOTS frames on has to wait for a slot to come back.
 */
export const READ_RING_SLOTS = 3;

/** Where a one-signal read puts things in its staging buffer (bytes). */
export interface ReadLayout {
  /** The signal's n interleaved complex float32 values, at offset 0. */
  signalBytes: number;
  /** Per-signal vec4 sums of the whole batch, then the batch's vec4 (0 bytes without sums). */
  sumsOffset: number;
  sumsBytes: number;
  /** The pass's begin and end timestamps (int64 ns), when the device has timestamp-query. */
  timestampsOffset: number;
  timestampsBytes: number;
  /** All of it: what one frame maps back. */
  bytes: number;
}

/** One staging buffer of the ring. */
export interface ReadSlot {
  readonly buffer: GPUBuffer;
  /**
   * Settles (never rejects) when the slot's last frame has been mapped and unmapped, or its map
   * failed: the slot may then take the next frame.
   */
  idle: Promise<void>;
}

/**
 * The staging buffers of the live loop's one-signal reads, taken in turn. Each frame maps the
 * one buffer it wrote (signal, sums and timestamps together: one map per frame). The ring has
 * its own timestamp query set, so frames in flight never share a buffer that is being mapped;
 * one query set and resolve buffer serve all slots, as the queue runs their passes in order.
 */
export class ReadRing {
  readonly slots: readonly ReadSlot[];
  readonly timestamps: { set: GPUQuerySet; resolve: GPUBuffer } | undefined;
  private turn = 0;

  constructor(
    readonly layout: ReadLayout,
    slots: GPUBuffer[],
    timestamps: { set: GPUQuerySet; resolve: GPUBuffer } | undefined,
  ) {
    this.slots = slots.map((buffer) => ({ buffer, idle: Promise.resolve() }));
    this.timestamps = timestamps;
  }

  /** The slot the next frame writes: the one written READ_RING_SLOTS frames ago. */
  next(): ReadSlot {
    const slot = this.slots[this.turn % this.slots.length];
    if (!slot) throw new Error('ReadRing: a ring has at least one slot');
    this.turn++;
    return slot;
  }
}

export class Plan {
  readonly fft: FftProgram;
  readonly size: number;
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
  private wholeStaging: GPUBuffer | undefined;
  private ring: ReadRing | undefined;
  private querySet: GPUQuerySet | undefined;

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
    this.rwDummy = this.arena.buffer(`${this.name} unused sums`, 16, GPUBufferUsage.STORAGE);
    this.sums = spec.sums ? this.allocateSums() : undefined;
  }

  get allocatedBytes(): number {
    return this.arena.allocatedBytes;
  }

  /**
   * Staging for a whole chunk's result. Made on first use: a resident plan whose frames read
   * one signal through the ring never needs it (for an 8M-sample import that is 64 MiB).
   */
  get staging(): GPUBuffer {
    this.wholeStaging ??= this.arena.buffer(
      `${this.name} readback`,
      this.spec.chunkSignals * this.size * 8,
      GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    );
    return this.wholeStaging;
  }

  /** The one-signal readback ring, made on first use (only resident plans read one signal). */
  readRing(): ReadRing {
    if (this.ring) return this.ring;
    const signalBytes = this.size * 8;
    const sumsBytes = this.sums ? this.spec.batch * 16 + 16 : 0;
    const timed = this.device.features.has('timestamp-query');
    const timestampsBytes = timed ? 16 : 0;
    // Every offset is a multiple of 8 (copyBufferToBuffer needs 4; the int64 view needs 8).
    const layout: ReadLayout = {
      signalBytes,
      sumsOffset: signalBytes,
      sumsBytes,
      timestampsOffset: signalBytes + sumsBytes,
      timestampsBytes,
      bytes: signalBytes + sumsBytes + timestampsBytes,
    };
    const slots = Array.from({ length: READ_RING_SLOTS }, (_, i) =>
      this.arena.buffer(
        `${this.name} readback ring ${i}`,
        layout.bytes,
        GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
      ),
    );
    let timestamps: ReadRing['timestamps'];
    if (timed) {
      this.querySet = this.device.createQuerySet({
        label: `${this.name} ring timestamps`,
        type: 'timestamp',
        count: 2,
      });
      timestamps = {
        set: this.querySet,
        resolve: this.arena.buffer(
          `${this.name} ring timestamp resolve`,
          16,
          GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC,
        ),
      };
    }
    this.ring = new ReadRing(layout, slots, timestamps);
    return this.ring;
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

  /** The twiddle block of one 'subgroups' dispatch (lanes > 1 a butterfly; twiddles.ts). */
  subgroupBlockTwiddle(n: number, radix: number, lanes: number, ns: number): GPUBuffer {
    return this.table32(`stage ${radix}×${lanes} lanes after ${ns} of ${n}`, () =>
      subgroupStageTwiddleBlock(n, radix, lanes, ns),
    );
  }

  /**
   * The four-step output twiddles of a pass of `inner` transforms of length n, in blocks of
   * `block` transforms (twiddles.ts `fourStepTwiddleIndex`).
   */
  fourStepTwiddle(bigN: number, inner: number, n: number, block = inner): GPUBuffer {
    return this.table32(`four-step ${bigN} as ${inner}×${n} in blocks of ${block}`, () =>
      fourStepTwiddleTable(bigN, inner, n, block),
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
    this.querySet?.destroy();
    this.querySet = undefined;
  }
}
