/**
 * The per-bin hooks of the spectral pipeline (forward FFT → hook → inverse FFT), as WGSL. Both
 * FFT generators (stage-codegen.ts, workgroup-codegen.ts) and the separate hook pass
 * (shaders/resolvent.wgsl, shaders/pointwise.wgsl) take their per-bin code from here, so each
 * formula is written once:
 * - 'resolvent': X ← R·X, R = 1/(1 + φ·q), q = qy[y] + qx[x], adding Σ|X|², ΣR|X|², Σ(1−R)²|X|²
 *   into the invocation's `sum` (resolvent-math.ts `weights` is the float64 twin).
 * - 'multiply': X ← factor[bin]·X, one complex factor per bin (the spectral filter's gains, the
 *   propagator's kinetic phase e^{−iħk²dt/2m}).
 * A kernel using a hook has `p.phi` and `p.nx` (bins per row) in its Params, and `cmul`.
 */
import type { SpectralHook } from '../ops/operator';

/** R = 1/(1 + φq) and 1 − R = φq/(1 + φq), formed without subtraction so it keeps full precision where R ≈ 1. */
export const RESOLVENT_WEIGHTS_WGSL = `fn resolventWeights(phi: f32, q: f32) -> vec2f {
  let d = 1.0 + phi * q;
  return vec2f(1.0 / d, (phi * q) / d);
}
`;

export const CMUL_WGSL = `fn cmul(a: vec2f, b: vec2f) -> vec2f {
  return vec2f(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x);
}
`;

/** Binding numbers of a hook's resources in the calling kernel's layout. */
export interface HookBindings {
  /** 'resolvent': qy; 'multiply': the factor table. */
  tableA: number;
  /** 'resolvent': qx; unused by 'multiply'. */
  tableB: number;
  /** Partial or per-signal sums (read-write vec4f). */
  sums: number;
}

export interface HookCode {
  /** Whether the hook adds per-signal sums (then `var sum: vec3f` must be in scope). */
  readonly sums: boolean;
  /** Binding declarations and helper functions. */
  declarations(b: HookBindings): string;
  /**
   * Statements applying the hook to register `reg` at bin `bin` (a u32 expression). `nx` is the
   * bins per row: a literal where the kernel is generated per shape (then the row and column of
   * a bin are a shift and a mask, not a division), else the uniform `p.nx`.
   */
  apply(reg: string, bin: string, nx?: number): string[];
  /** Identifies the generated code in pipeline keys. */
  readonly key: string;
}

const resolventHook: HookCode = {
  sums: true,
  key: 'resolvent',
  declarations: (b) => `@group(0) @binding(${b.tableA}) var<storage, read> qy: array<f32>;
@group(0) @binding(${b.tableB}) var<storage, read> qx: array<f32>;
@group(0) @binding(${b.sums}) var<storage, read_write> sums: array<vec4f>;
${RESOLVENT_WEIGHTS_WGSL}`,
  apply: (reg, bin, nx) => [
    '{',
    `  let bin = ${bin};`,
    `  let w = resolventWeights(p.phi, ${nx === undefined ? 'qy[bin / p.nx] + qx[bin % p.nx]' : `qy[bin / ${nx}u] + qx[bin % ${nx}u]`});`,
    `  let power = dot(${reg}, ${reg});`,
    '  sum += vec3f(power, w.x * power, w.y * w.y * power);',
    `  ${reg} = w.x * ${reg};`,
    '}',
  ],
};

const multiplyHook: HookCode = {
  sums: false,
  key: 'multiply',
  declarations: (b) => `@group(0) @binding(${b.tableA}) var<storage, read> factor: array<vec2f>;\n`,
  apply: (reg, bin) => [`${reg} = cmul(factor[${bin}], ${reg});`],
};

export function hookCode(hook: SpectralHook): HookCode {
  return hook.kind === 'resolvent' ? resolventHook : multiplyHook;
}

/** The tables a hook binds as (tableA, tableB): names in the program's tables. */
export function hookTables(hook: SpectralHook): [string, string | undefined] {
  return hook.kind === 'resolvent' ? ['qy', 'qx'] : [hook.table, undefined];
}
