/**
 * The GPU-free access model (access-model.ts explains it) of the 'stages' variant: the
 * stage-codegen.ts kernels with one lane a butterfly, replayed for one warp of workgroup 0.
 */
import {
  asShape,
  MODEL_SIGNALS,
  shapeLabel,
  StageTally,
  warpLanes,
  type AccessRow,
  type ModelOptions,
} from './access-model-core';
import type { Shape } from '../types';
import { transformStages } from './stage-schedule';
import { STAGE_WORKGROUP } from './stage-codegen';

/**
 * The 'stages' kernels (stage-codegen.ts, lanes = 1) of a forward (or inverse) FFT of `shape`:
 * one dispatch per entry of `transformStages`, a warp of workgroup 0 (of STAGE_WORKGROUP).
 */
export function stageAccessReport(
  shape: number | Shape,
  { signals = MODEL_SIGNALS, warp = 0, inverse = false }: ModelOptions = {},
): AccessRow[] {
  const sh = asShape(shape);
  const rows: AccessRow[] = [];
  transformStages(sh, inverse, 1).forEach((st, s) => {
    const { axis, radix, ns } = st;
    const { n } = axis;
    const es = axis.elemStride;
    const count = axis.inner * signals;
    const perTransform = n / radix;
    // Workgroup 0: the global invocation id is the local one.
    const ls = warpLanes(warp, STAGE_WORKGROUP).map((id) => {
      const t = Math.floor(id / perTransform);
      const j = id % perTransform;
      const base =
        Math.floor(t / axis.inner) * axis.signalStride + (t % axis.inner) * axis.innerStride;
      const k = j % ns;
      const out = Math.floor(j / ns) * ns * radix + k;
      return { live: t < count, base, j, k, out0: out * es };
    });
    const tally = new StageTally();
    const inStride = (n / radix) * es;
    for (let m = 0; m < radix; m++) {
      tally.add(
        'global-read',
        ls.map((l) => (l.live ? l.base + l.j * es + m * inStride : null)),
      );
      if (m > 0)
        tally.add(
          'twiddle',
          ls.map((l) => (l.live ? (m - 1) * ns + l.k : null)),
        );
    }
    for (let a = 0; a < radix; a++) {
      tally.add(
        'global-write',
        ls.map((l) => (l.live ? l.base + l.out0 + a * ns * es : null)),
      );
    }
    rows.push(...tally.rows(`stages ${shapeLabel(sh)}`, `s${s + 1}`, `radix ${radix}, ns ${ns}`));
  });
  return rows;
}
