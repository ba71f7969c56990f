/**
 * Captures every stage of a small FFT as the engine's own kernels compute it (the butterfly
 * view): the 'stages' variant's schedule (stage-schedule.ts `transformStages`) with its radix
 * capped at 2, so each radix-2 Stockham stage is one dispatch of the stage-codegen.ts kernel,
 * built by the same StepBuilder the engine runs. Each dispatch gets a compute pass of its own,
 * and after it the buffer it wrote is copied to its own region of one readback buffer: the
 * ping-pong buffers are overwritten two stages later, so a copy at the end would miss them.
 * One submit, one map. Values come back in the natural index order of each stage's buffer
 * (fft-stages.ts explains what index i of stage s holds).
 */
import { toComplexF32 } from '../complex';
import { stageCount, type CheckedFftStages, type FftStagesResult } from '../fft-stages';
import type { InputArray } from '../types';
import { Arena } from './arena';
import { withErrorScopes } from './error-scopes';
import { Plan } from './plan';
import { Cursor } from './program-steps';
import { transformStages } from './stage-schedule';
import { encodeSteps, StepBuilder, type Step } from './step-builders';
import { readBack, upload } from './transfer-meter';

const OPERATION = 'fft stages';

/** The radix-2 dispatches of an N-point transform and the data buffer each one writes. */
function radix2Steps(
  device: GPUDevice,
  plan: Plan,
  dummy: GPUBuffer,
  inverse: boolean,
): { step: Step; written: GPUBuffer }[] {
  const schedule = transformStages(plan.spec.shape, inverse, 1, 2);
  plan.resetUniforms();
  const cursor = new Cursor(plan.data.length);
  const builder = new StepBuilder(device, plan, dummy, cursor, 1, 0);
  // One stage at a time, so the cursor says which buffer that stage wrote.
  return schedule.flatMap((stage) =>
    builder.stages([stage]).map((step) => ({ step, written: plan.dataBuffer(cursor.src) })),
  );
}

/**
 * Runs the radix-2 stages of one N-point signal on `device` and reads every stage back.
 * `checked` comes from fft-stages.ts `checkFftStages`; `dummy` is the engine's unused binding.
 */
export async function captureStages(
  device: GPUDevice,
  dummy: GPUBuffer,
  capacity: number,
  data: InputArray,
  checked: CheckedFftStages,
): Promise<FftStagesResult> {
  const { n, inverse, real } = checked;
  const stages = stageCount(n) + 1;
  const bytes = n * 8;
  // A plan of its own, not the engine's cache: the capture must not evict the live frame's plans.
  const plans: Plan[] = [];
  const arena = new Arena(device);
  try {
    const capture = await withErrorScopes(
      device,
      OPERATION,
      () => 3 * bytes + stages * bytes,
      () => {
        const plan = new Plan(device, {
          op: OPERATION,
          variant: 'stages',
          shape: [n],
          batch: 1,
          chunkSignals: 1,
          capacity,
          lanes: 1,
          stageExchange: false, // radix-2 capture stages
          preserveInput: false,
          sums: false,
        });
        plans.push(plan);
        const c = arena.buffer(
          `${OPERATION} n=${n} readback of ${stages} stages`,
          stages * bytes,
          GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
        );
        upload(device, plan.input, 0, toComplexF32(data, real));
        const steps = radix2Steps(device, plan, dummy, inverse);
        const encoder = device.createCommandEncoder({ label: OPERATION });
        encoder.copyBufferToBuffer(plan.input, 0, c, 0, bytes);
        steps.forEach(({ step, written }, i) => {
          const pass = encoder.beginComputePass({ label: step.label });
          encodeSteps(pass, [step]);
          pass.end();
          encoder.copyBufferToBuffer(written, 0, c, (i + 1) * bytes, bytes);
        });
        device.queue.submit([encoder.finish()]);
        return c;
      },
    );
    const all = new Float32Array(await readBack(device, capture, 0, stages * bytes));
    const out: Float32Array[] = [];
    for (let s = 0; s < stages; s++) out.push(all.slice(s * 2 * n, (s + 1) * 2 * n));
    return { n, inverse, stages: out, source: 'gpu' };
  } finally {
    arena.destroy();
    for (const plan of plans) plan.destroy();
  }
}
