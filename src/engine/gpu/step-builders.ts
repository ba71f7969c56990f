/**
 * One dispatch (or a short chain) of each kernel family, over a plan's buffers: Stockham stages
 * (stage-codegen.ts), 'workgroup' passes (workgroup-codegen.ts), hook passes
 * (hook-pass-codegen.ts), Walsh–Hadamard stages (wht-codegen.ts), the flat reduction levels
 * (shaders/reduce-flat.wgsl), the copy and the read-reduce pass (shaders/copy.wgsl,
 * shaders/read-reduce.wgsl). Each builder packs its kernel's uniform from the kernel's one
 * layout declaration and binds the hook's tables by name.
 */
import type { SpectralHook } from '../ops/operator';
import { signalLength } from '../validate';
import { grid, launchOf, type FftPass, type FusedPass } from './fft-plan';
import { HOOK_PASS_PARAMS, HOOK_PASS_WORKGROUP } from './hook-pass-codegen';
import { kernelsFor, type Kernels } from './pipelines';
import type { Plan } from './plan';
import type { Cursor } from './program-steps';
import { readReduceGeometry, reduceLevels, resolventGeometry } from './reduce-plan';
import {
  COPY_PARAMS,
  COPY_WORKGROUP,
  READ_REDUCE_PARAMS,
  READ_REDUCE_WORKGROUP,
  REDUCE_PARAMS,
} from './shader-sources';
import { hookCode, hookTables } from './spectral-hooks';
import { STAGE_PARAMS, stageWorkgroupSize } from './stage-codegen';
import { filterPartials, type StageDispatch } from './stage-schedule';
import { WHT_PARAMS, WHT_WORKGROUP, whtRadices } from './wht-codegen';
import { fourStepBlock, WORKGROUP_PARAMS, type WorkgroupKernel } from './workgroup-codegen';

export interface Step {
  label: string;
  pipeline: GPUComputePipeline;
  bindGroup: GPUBindGroup;
  groups: [number, number];
}

/** Records steps into a compute pass (as many times as a benchmark asks). */
export function encodeSteps(pass: GPUComputePassEncoder, steps: readonly Step[]): void {
  for (const s of steps) {
    pass.setPipeline(s.pipeline);
    pass.setBindGroup(0, s.bindGroup);
    pass.dispatchWorkgroups(s.groups[0], s.groups[1]);
  }
}

const FLAT_WORKGROUP = 64;

export class StepBuilder {
  readonly kernels: Kernels;

  constructor(
    private readonly device: GPUDevice,
    readonly plan: Plan,
    private readonly dummy: GPUBuffer,
    readonly cursor: Cursor,
    readonly signals: number,
    private readonly phi: number,
  ) {
    this.kernels = kernelsFor(device);
  }

  /** Most subgroup lanes a butterfly of this plan spans (1 but for 'subgroups'). */
  get maxLanes(): number {
    return this.plan.spec.variant === 'subgroups' ? this.plan.spec.lanes : 1;
  }

  private get nx(): number {
    const { shape } = this.plan.spec;
    return shape.length === 1 ? shape[0] : shape[1];
  }

  private groupsFor(invocations: number, workgroup: number): [number, number] {
    return grid(
      Math.ceil(invocations / workgroup),
      this.device.limits.maxComputeWorkgroupsPerDimension,
    );
  }

  private data(i: number): GPUBuffer {
    return this.plan.dataBuffer(i);
  }

  /** The data buffers the next dispatch reads and writes (program-steps.ts's Cursor). */
  private nextBuffers(): [GPUBuffer, GPUBuffer] {
    const [from, to] = this.cursor.next();
    return [this.data(from), this.data(to)];
  }

  /** The hook's (tableA, tableB, sums) bindings: its tables, and where its sums go. */
  private hookResources(
    hook: SpectralHook | undefined,
    direct: boolean,
  ): [GPUBuffer, GPUBuffer, GPUBuffer] {
    if (!hook) return [this.dummy, this.dummy, this.plan.rwDummy];
    const [a, b] = hookTables(hook);
    const sums = hookCode(hook).sums ? this.plan.sums : undefined;
    return [
      this.plan.table(a),
      b ? this.plan.table(b) : this.dummy,
      sums ? (direct ? sums.signalSums : sums.partials) : this.plan.rwDummy,
    ];
  }

  private bind(label: string, layout: GPUBindGroupLayout, buffers: GPUBuffer[]): GPUBindGroup {
    return this.device.createBindGroup({
      label,
      layout,
      entries: buffers.map((buffer, binding) => ({ binding, resource: { buffer } })),
    });
  }

  /** A dispatch of a kernel on the two-buffer layout: uniform, one buffer in, one out. */
  private twoBufferStep(
    label: string,
    pipeline: GPUComputePipeline,
    params: ArrayBuffer,
    [input, output]: [GPUBuffer, GPUBuffer],
    groups: [number, number],
  ): Step {
    const buffers = [this.plan.uniform(params), input, output];
    return {
      label,
      pipeline,
      bindGroup: this.bind(label, this.kernels.twoBufferLayout, buffers),
      groups,
    };
  }

  /** Dispatches of stage-codegen.ts kernels; `filter` gives the hook to the filtering stages. */
  stages(list: readonly StageDispatch[], filter?: { hook: SpectralHook; first: number }): Step[] {
    const { plan, kernels } = this;
    return list.map((stage) => {
      const { axis, radix, lanes, ns, role } = stage;
      const hook = role === 'fft' ? undefined : filter?.hook;
      // One invocation per signal: its sums are final and go straight to the per-signal buffer.
      const direct = hook !== undefined && filterPartials(stage) === 1;
      const count = this.signals * axis.inner;
      // 32 lanes take 128 invocations a workgroup (stage-codegen.ts `stageWorkgroupSize`).
      const groups = this.groupsFor((count * axis.n) / radix, stageWorkgroupSize(lanes));
      // n, ns, the layout and the sign are baked into the kernel (stage-codegen.ts).
      const params = STAGE_PARAMS.pack({
        count,
        groupsX: groups[0],
        scale: stage.scale,
        phi: this.phi,
        sumsBase: direct ? (filter?.first ?? 0) : 0, // else chunk-local partials
      });
      const [from, to] = this.cursor.next();
      const width = lanes > 1 ? `${radix}×${lanes} lanes` : `${radix}`;
      const what = hook
        ? ` + ${hookCode(hook).key}${role === 'filter-inverse' ? ' + inverse' : ''}`
        : '';
      const label = `fft stage radix-${width} n=${axis.n} ns=${ns}${stage.inverse ? ' inverse' : ''}${what}`;
      const [tableA, tableB, sums] = this.hookResources(hook, direct);
      return {
        label,
        pipeline: kernels.stage({ ...stage, direct: !plan.spec.stageExchange }, hook),
        bindGroup: this.bind(label, kernels.stageLayout, [
          plan.uniform(params),
          this.data(from),
          this.data(to),
          lanes > 1
            ? plan.subgroupBlockTwiddle(axis.n, radix, lanes, ns)
            : plan.stageBlockTwiddle(axis.n, radix, ns),
          tableA,
          tableB,
          sums,
        ]),
        groups,
      };
    });
  }

  /** One dispatch of a workgroup-codegen.ts kernel; with `hook`, the fused spectral pass. */
  workgroupPass(
    pass: FftPass,
    o: {
      inverse: boolean;
      scale: number;
      hook?: { hook: SpectralHook; pass: FusedPass; sumsBase: number; direct: boolean };
    },
  ): Step {
    const { plan, kernels } = this;
    const launch = launchOf(pass, this.signals, plan.spec.capacity);
    const groups = grid(launch.groups, this.device.limits.maxComputeWorkgroupsPerDimension);
    const h = o.hook;
    const params = WORKGROUP_PARAMS.pack({
      count: launch.count,
      groupsX: groups[0],
      scale: o.scale,
      phi: this.phi,
      sumsBase: h?.sumsBase ?? 0,
    });
    const kernel: WorkgroupKernel = {
      pass,
      perGroup: launch.perGroup,
      transformFastest: launch.transformFastest,
      sign: o.inverse ? -1 : 1,
    };
    const times = pass.inner > 1 ? ` ×${pass.inner}` : '';
    const label = h
      ? `fused ${hookCode(h.hook).key} pass n=${pass.n}${times}`
      : `fft pass n=${pass.n}${times}${o.inverse ? ' inverse' : ''}`;
    const [tableA, tableB, sums] = this.hookResources(h?.hook, h?.direct ?? false);
    const [from, to] = this.cursor.next();
    return {
      label,
      pipeline: h
        ? kernels.spectralPass(
            { ...kernel, binInner: h.pass.binInner, binElem: h.pass.binElem, nx: this.nx },
            plan.spec.capacity,
            h.hook,
          )
        : kernels.fftPass(kernel, plan.spec.capacity),
      bindGroup: this.bind(label, kernels.fftLayout, [
        plan.uniform(params),
        this.data(from),
        this.data(to),
        plan.stageTwiddle(pass.n),
        pass.twiddleN
          ? plan.fourStepTwiddle(pass.twiddleN, pass.inner, pass.n, fourStepBlock(kernel))
          : this.dummy,
        tableB,
        sums,
        tableA,
      ]),
      groups,
    };
  }

  /** The hook as a pass of its own; a hook with sums then reduces them per signal. */
  hookPass(hook: SpectralHook, first: number): Step[] {
    const { plan, kernels } = this;
    const n = signalLength(plan.spec.shape);
    const { binsPerThread, partials } = resolventGeometry(n);
    const groups = this.groupsFor(this.signals * partials, HOOK_PASS_WORKGROUP);
    const direct = partials === 1;
    const params = HOOK_PASS_PARAMS.pack({
      n,
      nx: this.nx,
      signals: this.signals,
      binsPerThread,
      partials,
      sumsBase: direct ? first : 0,
      groupsX: groups[0],
      phi: this.phi,
    });
    const code = hookCode(hook);
    const label = `${code.key} pass${hook.kind === 'multiply' ? ` (${hook.table})` : ''}`;
    const [tableA, tableB, sums] = this.hookResources(hook, direct);
    const [from, to] = this.cursor.next();
    const steps: Step[] = [
      {
        label,
        pipeline: kernels.hookPass(hook),
        bindGroup: this.bind(label, kernels.hookPassLayout, [
          plan.uniform(params),
          this.data(from),
          this.data(to),
          tableA,
          tableB,
          sums,
        ]),
        groups,
      },
    ];
    const buffers = plan.sums;
    if (code.sums && buffers && !direct) {
      steps.push(
        ...this.reduceChain(
          'per-signal sums',
          buffers.partials,
          this.signals,
          partials,
          buffers.signalSums,
          first,
        ),
      );
    }
    return steps;
  }

  /** The Walsh–Hadamard transform of every signal: radix-16 stages over the index bits. */
  wht(): Step[] {
    const { plan, kernels } = this;
    const n = signalLength(plan.spec.shape);
    let stride = 1;
    return whtRadices(n).map((radix) => {
      const groups = this.groupsFor((this.signals * n) / radix, WHT_WORKGROUP);
      const params = WHT_PARAMS.pack({ n, stride, count: this.signals, groupsX: groups[0] });
      const label = `wht stage radix-${radix} stride ${stride}`;
      stride *= radix;
      return this.twoBufferStep(label, kernels.whtStage(radix), params, this.nextBuffers(), groups);
    });
  }

  /** Every value of the chunk copied to the next data buffer, two complex values a thread. */
  copy(): Step {
    const { plan, kernels } = this;
    const vec4s = (this.signals * signalLength(plan.spec.shape)) / 2;
    const groups = this.groupsFor(vec4s, COPY_WORKGROUP);
    const params = COPY_PARAMS.pack({ count: vec4s, groupsX: groups[0] });
    const label = `copy ${vec4s} vec4s`;
    return this.twoBufferStep(label, kernels.copy(), params, this.nextBuffers(), groups);
  }

  /**
   * Each signal's values added into its per-signal sums (from index `first`): the read-reduce
   * pass, then reduce-flat levels where it leaves several partials a signal. The data buffer
   * is only read, so the cursor stays.
   */
  sum(first: number): Step[] {
    const { plan, kernels } = this;
    const sums = plan.sums;
    if (!sums) throw new Error('sum: this plan has no sum buffers');
    const n = signalLength(plan.spec.shape);
    const { itemsPerThread, partials } = readReduceGeometry(n);
    const direct = partials === 1;
    const groups = this.groupsFor(this.signals * partials, READ_REDUCE_WORKGROUP);
    const params = READ_REDUCE_PARAMS.pack({
      vec4sPerSignal: n / 2,
      signals: this.signals,
      itemsPerThread,
      partials,
      sumsBase: direct ? first : 0,
      groupsX: groups[0],
    });
    const pass = this.twoBufferStep(
      `read-reduce ${itemsPerThread} vec4s a thread`,
      kernels.readReduce(),
      params,
      [this.data(this.cursor.src), direct ? sums.signalSums : sums.partials],
      groups,
    );
    if (direct) return [pass];
    const chain = this.reduceChain(
      'per-signal sums',
      sums.partials,
      this.signals,
      partials,
      sums.signalSums,
      first,
    );
    return [pass, ...chain];
  }

  /**
   * Levels of reduce-flat.wgsl adding `segments` runs of `length` vec4s in `src` down to one
   * each, written to `dst` from index `dstBase`; intermediate levels ping-pong in scratch.
   */
  reduceChain(
    label: string,
    src: GPUBuffer,
    segments: number,
    length: number,
    dst: GPUBuffer,
    dstBase: number,
  ): Step[] {
    const { plan, kernels } = this;
    const scratch = plan.sums?.scratch;
    if (!scratch) throw new Error(`${label}: this plan has no sum buffers`);
    const levels = reduceLevels(length);
    if (levels.length === 0) levels.push(1); // a single value still moves to `dst`
    let input = src;
    let inLength = length;
    return levels.map((outLength, i) => {
      const last = i === levels.length - 1;
      const output = last ? dst : i % 2 === 0 ? scratch[0] : scratch[1];
      const groups = this.groupsFor(segments * outLength, FLAT_WORKGROUP);
      const params = REDUCE_PARAMS.pack({
        segments,
        length: inLength,
        outLength,
        dstBase: last ? dstBase : 0,
        groupsX: groups[0],
      });
      const name = `${label} level ${i + 1}`;
      const step = this.twoBufferStep(name, kernels.reduce(), params, [input, output], groups);
      input = output;
      inLength = outLength;
      return step;
    });
  }
}
