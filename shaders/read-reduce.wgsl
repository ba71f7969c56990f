// Reference kernel: a read-mostly reduction. Each invocation sums ITEMS vec4s of the input and
// writes one float, so the kernel reads every byte once and writes 1/(4·ITEMS) as much: its
// time is the read bandwidth of this adapter, the floor for kernels (like the batch
// reductions) that mostly read. It uses no workgroup memory and no barriers, so it measures
// memory traffic rather than synchronisation (which software adapters emulate slowly).

@group(0) @binding(0) var<storage, read> src: array<vec4<f32>>;
@group(0) @binding(1) var<storage, read_write> partials: array<f32>;

const WORKGROUP_SIZE: u32 = 256u;
const ITEMS: u32 = 16u;

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(
  @builtin(global_invocation_id) gid: vec3<u32>,
  @builtin(num_workgroups) groups: vec3<u32>,
) {
  let i = gid.x + gid.y * groups.x * WORKGROUP_SIZE;
  // One partial per invocation; invocation i reads i, i + T, i + 2T, … so that neighbouring
  // invocations read neighbouring addresses at every step.
  let t = arrayLength(&partials);
  if (i >= t) {
    return;
  }
  let n = arrayLength(&src);
  var acc = 0.0;
  for (var k = 0u; k < ITEMS; k++) {
    let j = i + k * t;
    if (j < n) {
      let v = src[j];
      acc += (v.x + v.y) + (v.z + v.w);
    }
  }
  partials[i] = acc;
}
