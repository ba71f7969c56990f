// Batched complex FFT of length n, done entirely in workgroup memory: one dispatch reads every
// element once from `src` and writes it once to `dst`.
//
// Algorithm: Stockham autosort, radix-4 stages with one radix-2 stage when log2(n) is odd.
// The first stage reads straight from global memory and the last writes straight to it, so
// workgroup memory carries only the exchanges between stages. Between stages every thread first
// reads and computes all of its butterflies into registers, then (after a barrier) writes them,
// which lets one workgroup array serve as both source and destination.
//
// Layout: a transform `t` of this dispatch belongs to signal t / inner and is inner transform
// j = t % inner; its element e lives at  signal·inSignal + j·inInner + e·inElem  in `src`, and
// output bin k goes to  signal·outSignal + j·outInner + k·outElem  in `dst`. One kernel therefore
// serves contiguous 1D FFTs, the rows and columns of 2D FFTs (no transposes), and both passes of
// a four-step FFT for n larger than workgroup memory, whose inter-pass twiddle W_N^(j·k) is
// applied on output when `twiddleN` ≠ 0.
//
// MODE 1 fuses the whole φ-resolvent pipeline for 1D signals that fit workgroup memory: forward
// FFT, then R·X and the per-signal sums Σ|X|², ΣR|X|², Σ(1−R)²|X|² (the formula of
// src/engine/resolvent-math.ts `weights`, as in resolvent.wgsl) while the spectrum sits in
// workgroup memory, then the inverse FFT. One dispatch reads each signal once and writes it once.
//
// Twiddles come from tables computed in float64 on the CPU (WGSL sin/cos are too coarse):
// tw[m] = exp(−2πi·m/n), twN[m] = exp(−2πi·m/twiddleN). The inverse conjugates them (sign = −1).

struct Params {
  n: u32,
  log2n: u32,
  perGroup: u32,       // transforms per workgroup
  count: u32,          // transforms in this dispatch
  inner: u32,
  inSignal: u32,
  inInner: u32,
  inElem: u32,
  outSignal: u32,
  outInner: u32,
  outElem: u32,
  twiddleN: u32,
  sign: f32,           // +1 forward, −1 inverse
  scale: f32,          // applied on output (1/N on the last inverse pass)
  groupsX: u32,        // workgroups along x, to linearise 2D dispatches
  transformFastest: u32, // 1: neighbouring threads take neighbouring transforms (strided passes)
  phi: f32,            // MODE 1 only
  sumsBase: u32,       // MODE 1 only: index in `sums` of this dispatch's first signal
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> src: array<vec2f>;
@group(0) @binding(2) var<storage, read_write> dst: array<vec2f>;
@group(0) @binding(3) var<storage, read> tw: array<vec2f>;
@group(0) @binding(4) var<storage, read> twN: array<vec2f>;
@group(0) @binding(5) var<storage, read> q: array<f32>;               // MODE 1: (kScale·κ)² per bin
@group(0) @binding(6) var<storage, read_write> sums: array<vec4f>;    // MODE 1: per-signal sums

// 0: FFT pass. 1: fused resolvent (forward FFT → filter + sums → inverse FFT).
override MODE: u32 = 0u;

const WG_SIZE: u32 = 256u;
// Complex values one workgroup holds (perGroup · n ≤ CAPACITY): the device's workgroup memory / 8.
override CAPACITY: u32 = 2048u;
// Values one thread keeps in registers between the read and write halves of a stage.
const MAX_PER_THREAD: u32 = 16u;

var<workgroup> sre: array<f32, CAPACITY>;
var<workgroup> sim: array<f32, CAPACITY>;

fn cmul(a: vec2f, b: vec2f) -> vec2f {
  return vec2f(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x);
}

// Multiplication by −i (forward, dir = +1) or +i (inverse, dir = −1).
fn rot(v: vec2f, dir: f32) -> vec2f {
  return vec2f(v.y * dir, -v.x * dir);
}

fn twiddle(m: u32, dir: f32) -> vec2f {
  let w = tw[m];
  return vec2f(w.x, w.y * dir);
}

fn srcIndex(t: u32, e: u32) -> u32 {
  return (t / p.inner) * p.inSignal + (t % p.inner) * p.inInner + e * p.inElem;
}

fn store(t: u32, k: u32, v: vec2f, dir: f32, scale: f32) {
  let j = t % p.inner;
  var out = v * scale;
  if (p.twiddleN != 0u) {
    let w = twN[(j * k) % p.twiddleN];
    out = cmul(out, vec2f(w.x, w.y * dir));
  }
  dst[(t / p.inner) * p.outSignal + j * p.outInner + k * p.outElem] = out;
}

// All stages of the FFT of this workgroup's transforms. `fromGlobal`: the first stage reads
// `src` (else workgroup memory); `toGlobal`: the last stage writes `dst` (else workgroup memory).
// `sums` (MODE 1): once the first stage has read everything into registers, workgroup memory is
// free, and the per-signal tree reduction of `partial` runs there (see reduceSums).
fn stages(firstT: u32, lid: u32, dir: f32, fromGlobal: bool, toGlobal: bool, scale: f32, withSums: bool, partial: vec3f) {
  let n = p.n;
  var regs: array<vec2f, MAX_PER_THREAD>;
  var ns = 1u;
  var stage = 0u;
  loop {
    if (ns >= n) { break; }
    let radix = select(2u, 4u, n / ns >= 4u);
    let quarter = n / radix;          // butterflies per transform in this stage
    let total = p.perGroup * quarter; // butterflies in this workgroup
    let last = ns * radix == n;

    // Read and compute: butterfly b takes inputs j + r·n/radix, twiddled by W_(ns·radix)^(r·k).
    var slot = 0u;
    for (var b = lid; b < total; b += WG_SIZE) {
      var lt = b / quarter;
      var j = b % quarter;
      if (p.transformFastest != 0u) {
        lt = b % p.perGroup;
        j = b / p.perGroup;
      }
      let t = firstT + lt;
      let k = j % ns;
      let step = n / (ns * radix); // W_(ns·radix)^(r·k) = W_n^(r·k·step)
      var v: array<vec2f, 4>;
      for (var r = 0u; r < radix; r++) {
        let e = j + r * quarter;
        var x = vec2f(0.0);
        if (stage == 0u && fromGlobal) {
          if (t < p.count) { x = src[srcIndex(t, e)]; }
        } else {
          x = vec2f(sre[lt * n + e], sim[lt * n + e]);
        }
        if (r > 0u && k > 0u) { x = cmul(x, twiddle(r * k * step, dir)); }
        v[r] = x;
      }
      if (radix == 4u) {
        let a0 = v[0] + v[2];
        let a1 = v[0] - v[2];
        let a2 = v[1] + v[3];
        let a3 = rot(v[1] - v[3], dir);
        v[0] = a0 + a2;
        v[1] = a1 + a3;
        v[2] = a0 - a2;
        v[3] = a1 - a3;
      } else {
        let a = v[0];
        v[0] = a + v[1];
        v[1] = a - v[1];
      }
      for (var r = 0u; r < radix; r++) {
        regs[slot + r] = v[r];
      }
      slot += radix;
    }
    workgroupBarrier();
    if (withSums && stage == 0u) {
      reduceSums(firstT, lid, partial);
    }

    // Write: output r of butterfly (j, k) goes to (j / ns)·ns·radix + k + r·ns.
    slot = 0u;
    for (var b = lid; b < total; b += WG_SIZE) {
      var lt = b / quarter;
      var j = b % quarter;
      if (p.transformFastest != 0u) {
        lt = b % p.perGroup;
        j = b / p.perGroup;
      }
      let t = firstT + lt;
      let k = j % ns;
      let base = (j / ns) * ns * radix + k;
      for (var r = 0u; r < radix; r++) {
        let e = base + r * ns;
        let v = regs[slot + r];
        if (last && toGlobal) {
          if (t < p.count) { store(t, e, v, dir, scale); }
        } else {
          sre[lt * n + e] = v.x;
          sim[lt * n + e] = v.y;
        }
      }
      slot += radix;
    }
    workgroupBarrier();

    ns *= radix;
    stage += 1u;
  }
}

// MODE 1, between the transforms: multiply each bin by R and accumulate the three sums.
// Threads split evenly over the workgroup's transforms: `tps` threads share a transform (their
// partial sums are combined later by reduceSums) or one thread takes `tpt` whole transforms
// and writes their sums itself. Returns this thread's partial sums for the first case.
fn filterAndSum(firstT: u32, lid: u32) -> vec3f {
  let n = p.n;
  let tps = max(1u, WG_SIZE / p.perGroup);
  let tpt = max(1u, p.perGroup / WG_SIZE);
  let lane = lid % tps;
  var s = vec3f(0.0);
  for (var u = 0u; u < tpt; u++) {
    let lt = (lid / tps) * tpt + u;
    s = vec3f(0.0);
    if (lt < p.perGroup) {
      for (var k = lane; k < n; k += tps) {
        let i = lt * n + k;
        let x = vec2f(sre[i], sim[i]);
        let d = 1.0 + p.phi * q[k];
        let r = 1.0 / d;
        let oneMinusR = (p.phi * q[k]) / d;
        let power = dot(x, x);
        s += vec3f(power, r * power, oneMinusR * oneMinusR * power);
        sre[i] = r * x.x;
        sim[i] = r * x.y;
      }
      if (tps == 1u && firstT + lt < p.count) {
        sums[p.sumsBase + firstT + lt] = vec4f(s, 0.0);
      }
    }
  }
  workgroupBarrier();
  return s;
}

// Tree reduction of the `tps` partial sums of each transform, with workgroup memory as scratch
// (sre[0, 2·WG_SIZE) and sim[0, WG_SIZE): CAPACITY ≥ 2048 on every device). Pairwise adds keep
// the rounding error growing as log n.
fn reduceSums(firstT: u32, lid: u32, partial: vec3f) {
  let tps = max(1u, WG_SIZE / p.perGroup);
  if (tps == 1u) { return; }
  let lane = lid % tps;
  sre[lid] = partial.x;
  sre[WG_SIZE + lid] = partial.y;
  sim[lid] = partial.z;
  workgroupBarrier();
  for (var stride = tps / 2u; stride > 0u; stride /= 2u) {
    if (lane < stride) {
      sre[lid] += sre[lid + stride];
      sre[WG_SIZE + lid] += sre[WG_SIZE + lid + stride];
      sim[lid] += sim[lid + stride];
    }
    workgroupBarrier();
  }
  let lt = lid / tps;
  if (lane == 0u && lt < p.perGroup && firstT + lt < p.count) {
    sums[p.sumsBase + firstT + lt] = vec4f(sre[lid], sre[WG_SIZE + lid], sim[lid], 0.0);
  }
  // The stage's write half overwrites the scratch next.
  workgroupBarrier();
}

@compute @workgroup_size(WG_SIZE)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let firstT = (wid.x + wid.y * p.groupsX) * p.perGroup;
  if (MODE == 0u) {
    stages(firstT, lid, p.sign, true, true, p.scale, false, vec3f(0.0));
  } else {
    stages(firstT, lid, 1.0, true, false, 1.0, false, vec3f(0.0));
    let partial = filterAndSum(firstT, lid);
    stages(firstT, lid, -1.0, false, true, 1.0 / f32(p.n), true, partial);
  }
}
