// φ-resolvent filter on a batch of spectra, with the per-signal sums every metric needs.
//
// For each bin with squared scaled wavenumber q = qy[y] + qx[x] (tables computed in float64 by
// src/engine/resolvent-math.ts `axisQ`):  R = 1 / (1 + φ·q),  1 − R = φ·q / (1 + φ·q)
// (the same formula as `weights` there; 1 − R is not formed by subtraction, so it keeps full
// precision where R ≈ 1). The kernel writes R·X to `dst` and reduces, per signal segment,
//   Σ |X|²,  Σ R·|X|²,  Σ (1 − R)²·|X|²   (= Σ |X − R·X|²)
// into `sums[outBase + signal·groupsPerSignal + segment]`. When a signal spans several
// workgroups (groupsPerSignal > 1) `reduce-sums.wgsl` adds the segments up afterwards.
//
// Thread mapping: `threadsPerSignal` consecutive threads share one signal, so small signals pack
// many per workgroup; each thread strides over its segment so neighbouring threads read
// neighbouring bins.

struct Params {
  n: u32,                // bins per signal
  nx: u32,               // bins per row (n for 1D)
  signals: u32,          // signals in this dispatch
  threadsPerSignal: u32,
  groupsPerSignal: u32,
  binsPerThread: u32,
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

const WG_SIZE: u32 = 256u;
var<workgroup> acc: array<vec3f, WG_SIZE>;

@compute @workgroup_size(WG_SIZE)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let g = wid.x + wid.y * p.groupsX;
  let lane = lid % p.threadsPerSignal;
  let signalsPerGroup = WG_SIZE / p.threadsPerSignal;
  let signal = (g / p.groupsPerSignal) * signalsPerGroup + lid / p.threadsPerSignal;
  let segment = g % p.groupsPerSignal;

  var s = vec3f(0.0);
  if (signal < p.signals) {
    let first = segment * p.threadsPerSignal * p.binsPerThread + lane;
    for (var i = 0u; i < p.binsPerThread; i++) {
      let bin = first + i * p.threadsPerSignal;
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
  }
  acc[lid] = s;
  workgroupBarrier();

  // Tree reduction inside each signal's run of threads (pairwise: error grows as log n).
  for (var stride = p.threadsPerSignal / 2u; stride > 0u; stride /= 2u) {
    if (lane < stride) {
      acc[lid] += acc[lid + stride];
    }
    workgroupBarrier();
  }
  if (lane == 0u && signal < p.signals) {
    sums[p.outBase + signal * p.groupsPerSignal + segment] = vec4f(acc[lid], 0.0);
  }
}
