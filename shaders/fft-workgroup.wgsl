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
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> src: array<vec2f>;
@group(0) @binding(2) var<storage, read_write> dst: array<vec2f>;
@group(0) @binding(3) var<storage, read> tw: array<vec2f>;
@group(0) @binding(4) var<storage, read> twN: array<vec2f>;

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

// Multiplication by −i (forward) or +i (inverse).
fn rot(v: vec2f) -> vec2f {
  return vec2f(v.y * p.sign, -v.x * p.sign);
}

fn twiddle(m: u32) -> vec2f {
  let w = tw[m];
  return vec2f(w.x, w.y * p.sign);
}

fn srcIndex(t: u32, e: u32) -> u32 {
  return (t / p.inner) * p.inSignal + (t % p.inner) * p.inInner + e * p.inElem;
}

fn store(t: u32, k: u32, v: vec2f) {
  let j = t % p.inner;
  var out = v * p.scale;
  if (p.twiddleN != 0u) {
    let w = twN[(j * k) % p.twiddleN];
    out = cmul(out, vec2f(w.x, w.y * p.sign));
  }
  dst[(t / p.inner) * p.outSignal + j * p.outInner + k * p.outElem] = out;
}

@compute @workgroup_size(WG_SIZE)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let n = p.n;
  let firstT = (wid.x + wid.y * p.groupsX) * p.perGroup;
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
        if (stage == 0u) {
          if (t < p.count) { x = src[srcIndex(t, e)]; }
        } else {
          x = vec2f(sre[lt * n + e], sim[lt * n + e]);
        }
        if (r > 0u && k > 0u) { x = cmul(x, twiddle(r * k * step)); }
        v[r] = x;
      }
      if (radix == 4u) {
        let a0 = v[0] + v[2];
        let a1 = v[0] - v[2];
        let a2 = v[1] + v[3];
        let a3 = rot(v[1] - v[3]);
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
        if (last) {
          if (t < p.count) { store(t, e, v); }
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
