/**
 * The documents' "adaptive scheduling" with "feedback integration", as a bandit over orderings:
 * at each dispatch arm k is drawn with probability p_k(t), and when a task finishes its loss
 * (in [0, 1]: 1 for a missed deadline, else 1 − ideal time ÷ response time) updates the weight
 * of the arm that dispatched it multiplicatively, w_k ← w_k · exp(−η · loss ÷ p_k) (Exp3,
 * Auer et al. 2002: the ÷ p_k keeps the estimate unbiased when only the chosen arm is seen).
 * p_k = (1 − γ) · w_k ÷ Σw + γ ÷ K keeps every arm explored. The coherence arm orders by the
 * documents' keys but never drops: dropping is not an ordering, and lost work is not a win.
 */
import type { AdaptiveSample } from '../types';
import type { Policy, PolicyContext, TaskState } from '../policy';
import {
  coherenceOrder,
  deadlineOrder,
  fifoOrder,
  shortestOrder,
  type Ordering,
} from './orderings';

export const ADAPTIVE_ARMS: readonly { name: string; order: Ordering }[] = [
  { name: 'fifo', order: fifoOrder },
  { name: 'sjf', order: shortestOrder },
  { name: 'edf', order: deadlineOrder },
  { name: 'coherence', order: coherenceOrder },
];

const GAMMA = 0.1;
const ETA = GAMMA / ADAPTIVE_ARMS.length;

export interface AdaptivePolicy extends Policy {
  readonly samples: AdaptiveSample[];
}

export function adaptivePolicy(ctx: PolicyContext): AdaptivePolicy {
  const k = ADAPTIVE_ARMS.length;
  const weights = new Float64Array(k).fill(1);
  const ready: TaskState[] = [];
  const samples: AdaptiveSample[] = [];

  function probabilities(): number[] {
    const total = weights.reduce((a, b) => a + b, 0);
    return Array.from(weights, (w) => (1 - GAMMA) * (w / total) + GAMMA / k);
  }

  function draw(p: readonly number[]): number {
    let u = ctx.rng.next();
    for (let i = 0; i < k; i++) {
      u -= p[i] ?? 0;
      if (u < 0) return i;
    }
    return k - 1;
  }

  samples.push({ t: 0, p: probabilities() });
  return {
    preemption: 'none',
    samples,
    add: (t) => void ready.push(t),
    take() {
      if (ready.length === 0) return null;
      const p = probabilities();
      const arm = draw(p);
      const order = ADAPTIVE_ARMS[arm]?.order ?? fifoOrder;
      let at = 0;
      for (let i = 1; i < ready.length; i++) {
        if (order(ready[i] as TaskState, ready[at] as TaskState) < 0) at = i;
      }
      const t = ready[at] as TaskState;
      ready[at] = ready[ready.length - 1] as TaskState;
      ready.pop();
      t.arm = arm;
      t.armP = p[arm] ?? 1;
      return t;
    },
    complete(t, now, loss) {
      if (t.arm < 0) return;
      weights[t.arm] = (weights[t.arm] ?? 1) * Math.exp((-ETA * loss) / t.armP);
      // Rescale so the largest weight is 1: the ratios are what matter, and this keeps them
      // away from underflow on long runs.
      const top = Math.max(...weights);
      if (top > 0) for (let i = 0; i < k; i++) weights[i] = (weights[i] ?? 0) / top;
      samples.push({ t: now, p: probabilities() });
    },
  };
}
