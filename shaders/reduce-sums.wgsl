// Segmented sum: out[outBase + s] = Σ_i in[s·length + i] for each of `segments` segments.
// Serves twice: adding up the per-workgroup partial sums of a large signal, and the batch
// reduction (one segment spanning every signal). One workgroup per segment; each thread adds a
// strided slice, then a tree reduction combines the threads, so rounding error grows as log n.

struct Params {
  segments: u32,
  length: u32,
  outBase: u32,
  groupsX: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> src: array<vec4f>;
@group(0) @binding(2) var<storage, read_write> dst: array<vec4f>;

const WG_SIZE: u32 = 256u;
var<workgroup> acc: array<vec4f, WG_SIZE>;

@compute @workgroup_size(WG_SIZE)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let segment = wid.x + wid.y * p.groupsX;
  var s = vec4f(0.0);
  if (segment < p.segments) {
    for (var i = lid; i < p.length; i += WG_SIZE) {
      s += src[segment * p.length + i];
    }
  }
  acc[lid] = s;
  workgroupBarrier();
  for (var stride = WG_SIZE / 2u; stride > 0u; stride /= 2u) {
    if (lid < stride) {
      acc[lid] += acc[lid + stride];
    }
    workgroupBarrier();
  }
  if (lid == 0u && segment < p.segments) {
    dst[p.outBase + segment] = acc[0];
  }
}
