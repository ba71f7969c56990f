/**
 * Launch geometry of the resolvent kernel's per-signal reduction (see shaders/resolvent.wgsl):
 * small signals share a workgroup, large ones are split into segments whose partial sums
 * `reduce-sums.wgsl` adds up. Pure, so it is unit-tested without a GPU.
 */
export const REDUCE_WORKGROUP = 256;
/** Bins one thread adds sequentially before the tree reduction; small keeps rounding low. */
const MAX_BINS_PER_THREAD = 8;

export interface ResolventLaunch {
  threadsPerSignal: number;
  binsPerThread: number;
  groupsPerSignal: number;
  groups: number;
}

export function resolventLaunch(n: number, signals: number): ResolventLaunch {
  const threadsPerSignal = Math.min(REDUCE_WORKGROUP, n);
  const binsPerThread = Math.min(MAX_BINS_PER_THREAD, n / threadsPerSignal);
  const groupsPerSignal = n / (threadsPerSignal * binsPerThread);
  const signalsPerGroup = REDUCE_WORKGROUP / threadsPerSignal;
  return {
    threadsPerSignal,
    binsPerThread,
    groupsPerSignal,
    groups: Math.ceil(signals / signalsPerGroup) * groupsPerSignal,
  };
}
