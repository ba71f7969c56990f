/** Builds the policy of a name for one simulation. */
import type { Policy, PolicyContext } from '../policy';
import type { PolicyName } from '../types';
import { adaptivePolicy, type AdaptivePolicy } from './adaptive';
import { eevdfPolicy } from './eevdf';
import {
  coherencePolicy,
  edfPolicy,
  fifoPolicy,
  rrPolicy,
  sjfPolicy,
  srptPolicy,
} from './global-queue';
import { lptPolicy } from './lpt';
import { workStealingPolicy } from './work-stealing';

export { ADAPTIVE_ARMS } from './adaptive';

export function createPolicy(name: PolicyName, ctx: PolicyContext): Policy | AdaptivePolicy {
  switch (name) {
    case 'fifo':
      return fifoPolicy();
    case 'rr':
      return rrPolicy();
    case 'sjf':
      return sjfPolicy();
    case 'srpt':
      return srptPolicy();
    case 'edf':
      return edfPolicy();
    case 'lpt':
      return lptPolicy(ctx);
    case 'ws':
      return workStealingPolicy(ctx);
    case 'eevdf':
      return eevdfPolicy(ctx);
    case 'coherence':
      return coherencePolicy(ctx);
    case 'adaptive':
      return adaptivePolicy(ctx);
  }
}

/** Policies that read each task's coherence (the adaptive one has a coherence arm). */
export const NEEDS_COHERENCE: ReadonlySet<PolicyName> = new Set(['coherence', 'adaptive']);
