// φ-resolvent filter on a batch of spectra, with the per-signal sums every metric needs.
//
// For each bin with squared scaled wavenumber q = qy[y] + qx[x] (tables computed in float64 by
// src/engine/resolvent-math.ts `axisQ`):  R = 1 / (1 + φ·q),  1 − R = φ·q / (1 + φ·q)
// (the same formula as `weights` there; 1 − R is not formed by subtraction, so it keeps full
// precision where R ≈ 1). The kernel writes R·X to `dst`, and each invocation adds
//   Σ |X|²,  Σ R·|X|²,  Σ (1 − R)²·|X|²   (= Σ |X − R·X|²)
// over `binsPerThread` bins of one signal into sums[outBase + signal·partials + g];
// reduce-flat.wgsl then adds the partials of each signal up. Invocation g takes bins
// g, g + partials, g + 2·partials, …, so neighbouring invocations read neighbouring bins.
// No workgroup memory, so it runs fast on CPU emulations too.

struct Params {
  n: u32,              // bins per signal
  nx: u32,             // bins per row (n for 1D)
  signals: u32,        // signals in this dispatch
  binsPerThread: u32,
  partials: u32,       // n / binsPerThread
  outBase: u32,
  groupsX: u32,
  phi: f32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> src: array<vec2f>;
@group(0) @binding(2) var<storage, read_write> dst: array<vec2f>;
@group(0) @binding(3) var<storage, read> qy: array<f32>;
@group(0) @binding(4) var<storage, read> qx: array<f32>;
@group(0) @binding(5) var<storage, read_write> sums: array<vec4f>;

const WG_SIZE: u32 = 64u;

@compute @workgroup_size(WG_SIZE)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let id = (wid.x + wid.y * p.groupsX) * WG_SIZE + lid;
  let signal = id / p.partials;
  let g = id % p.partials;
  if (signal >= p.signals) { return; }
  var s = vec3f(0.0);
  for (var i = 0u; i < p.binsPerThread; i++) {
    let bin = g + i * p.partials;
    let idx = signal * p.n + bin;
    let x = src[idx];
    let q = qy[bin / p.nx] + qx[bin % p.nx];
    let d = 1.0 + p.phi * q;
    let r = 1.0 / d;
    let oneMinusR = (p.phi * q) / d;
    let power = dot(x, x);
    s += vec3f(power, r * power, oneMinusR * oneMinusR * power);
    dst[idx] = r * x;
  }
  sums[p.outBase + signal * p.partials + g] = vec4f(s, 0.0);
}
