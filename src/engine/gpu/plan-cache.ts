/**
 * The engine's recently used plans (buffers for one operator, shape, batch, variant and chunk),
 * so a live frame allocates nothing; the least recently used is destroyed past `capacity`.
 */
import { Plan, type PlanSpec } from './plan';

export class PlanCache {
  private readonly plans = new Map<string, Plan>();

  constructor(
    private readonly device: GPUDevice,
    private readonly capacity = 6,
  ) {}

  static key(spec: PlanSpec): string {
    const { op, variant, shape, batch, chunkSignals } = spec;
    return `${op}|${variant}|${shape.join('x')}|${batch}|${chunkSignals}`;
  }

  get(spec: PlanSpec): Plan {
    const key = PlanCache.key(spec);
    const hit = this.plans.get(key);
    if (hit) {
      this.plans.delete(key);
      this.plans.set(key, hit); // most recently used last
      return hit;
    }
    while (this.plans.size >= this.capacity) {
      const [oldest] = this.plans.keys();
      if (oldest === undefined) break;
      this.drop(oldest);
    }
    const plan = new Plan(this.device, spec);
    this.plans.set(key, plan);
    return plan;
  }

  /** Forgets a plan (after a failure it may hold half-made buffers). */
  drop(key: string): void {
    this.plans.get(key)?.destroy();
    this.plans.delete(key);
  }

  destroy(): void {
    for (const p of this.plans.values()) p.destroy();
    this.plans.clear();
  }
}
