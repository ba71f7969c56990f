// One radix-R Stockham stage of a batched complex FFT, through global memory only: no
// workgroup memory and no barriers. Each invocation reads R values, does an R-point DFT in
// registers and writes R values. A transform of n = R1·R2·…·Rs points takes s of these passes.
//
// Why it exists beside fft-workgroup.wgsl: that kernel reads and writes global memory once but
// exchanges through workgroup memory, which is fast on GPUs and very slow on CPU emulations
// (SwiftShader: a copy routed through workgroup memory ran ~100× slower than a plain copy).
// The engine's planner times both on the user's adapter and keeps the faster per size.
//
// Stage (Stockham autosort, as fft-workgroup.wgsl): butterfly j of a transform, k = j mod ns,
// takes inputs j + r·n/R twiddled by W_(ns·R)^(r·k) and writes output r to
// (j / ns)·ns·R + k + r·ns. Element e of transform t lives at
//   (t / inner)·signalStride + (t mod inner)·innerStride + e·elemStride,
// the same layout in and out, so 2D columns run in place of a transpose.
// Twiddles: tw[m] = exp(−2πi·m/n) in float64 from the CPU; the inverse conjugates (sign = −1).
//
// MODE 1 fuses the φ-resolvent filter into the last forward stage: each output bin is
// multiplied by R = 1/(1 + φ·q), q = qy[y] + qx[x] (resolvent-math.ts `weights`, as in
// resolvent.wgsl) before it is written, and the invocation's sums Σ|X|², ΣR|X|², Σ(1−R)²|X|²
// over its R bins go to sums[sumsBase + signal·partialsPerSignal + invocation-in-signal] for
// reduce-flat.wgsl. That saves the separate filter pass: one read and one write of the data.

struct Params {
  n: u32,
  ns: u32,             // sub-transform length already done (R^stage)
  count: u32,          // transforms in this dispatch
  inner: u32,
  signalStride: u32,
  innerStride: u32,
  elemStride: u32,
  groupsX: u32,
  sign: f32,
  scale: f32,
  nx: u32,               // MODE 1: bins per row (n for 1D)
  phi: f32,              // MODE 1
  sumsBase: u32,         // MODE 1
  partialsPerSignal: u32, // MODE 1: invocations per signal in this stage
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> src: array<vec2f>;
@group(0) @binding(2) var<storage, read_write> dst: array<vec2f>;
@group(0) @binding(3) var<storage, read> tw: array<vec2f>;
@group(0) @binding(4) var<storage, read> qy: array<f32>;
@group(0) @binding(5) var<storage, read> qx: array<f32>;
@group(0) @binding(6) var<storage, read_write> sums: array<vec4f>;

// 0: FFT stage. 1: last forward stage of the fused resolvent (filter + partial sums).
override MODE: u32 = 0u;

override RADIX: u32 = 16u;
override LOG2_RADIX: u32 = 4u;
const WG_SIZE: u32 = 64u;
// Private arrays need a constant size; RADIX ≤ 16 picks the loop bounds.
const MAX_RADIX: u32 = 16u;

fn cmul(a: vec2f, b: vec2f) -> vec2f {
  return vec2f(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x);
}

fn twiddle(m: u32) -> vec2f {
  let w = tw[m];
  return vec2f(w.x, w.y * p.sign);
}

@compute @workgroup_size(WG_SIZE)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let perTransform = p.n / RADIX;
  let id = (wid.x + wid.y * p.groupsX) * WG_SIZE + lid;
  let t = id / perTransform;
  if (t >= p.count) { return; }
  let j = id % perTransform;
  let base = (t / p.inner) * p.signalStride + (t % p.inner) * p.innerStride;
  let k = j % p.ns;
  let step = p.n / (p.ns * RADIX); // W_(ns·R)^(r·k) = W_n^(r·k·step)

  // Inputs go straight to bit-reversed slots, so the in-register radix-2 DIT below needs no
  // permutation. All loop bounds are pipeline constants: the compiler unrolls them and the
  // array indices become constants (registers, not memory).
  var v: array<vec2f, MAX_RADIX>;
  for (var r = 0u; r < RADIX; r++) {
    var x = src[base + (j + r * perTransform) * p.elemStride];
    if (r > 0u) { x = cmul(x, twiddle((r * k * step) % p.n)); }
    v[reverseBits(r) >> (32u - LOG2_RADIX)] = x;
  }
  // R-point DFT: log2 R levels of radix-2 butterflies; W_m^i = W_n^(i·n/m).
  for (var half = 1u; half < RADIX; half *= 2u) {
    let m = half * 2u;
    for (var start = 0u; start < RADIX; start += m) {
      for (var i = 0u; i < half; i++) {
        let w = twiddle(i * (p.n / m));
        let a = v[start + i];
        let b = cmul(v[start + i + half], w);
        v[start + i] = a + b;
        v[start + i + half] = a - b;
      }
    }
  }
  let out = (j / p.ns) * p.ns * RADIX + k;
  // One loop reads each output once, filters it in MODE 1, adds it to the sums and writes it.
  var sum = vec3f(0.0);
  let within = (t % p.inner) * p.innerStride; // offset of this transform inside its signal
  for (var r = 0u; r < RADIX; r++) {
    var y = v[r];
    let at = (out + r * p.ns) * p.elemStride;
    if (MODE == 1u) {
      let bin = within + at;
      let q = qy[bin / p.nx] + qx[bin % p.nx];
      let d = 1.0 + p.phi * q;
      let rk = 1.0 / d;
      let oneMinusR = (p.phi * q) / d;
      let power = dot(y, y);
      sum += vec3f(power, rk * power, oneMinusR * oneMinusR * power);
      y = rk * y;
    }
    dst[base + at] = y * p.scale;
  }
  if (MODE == 1u) {
    sums[p.sumsBase + (t / p.inner) * p.partialsPerSignal + (t % p.inner) * perTransform + j] = vec4f(sum, 0.0);
  }
}
