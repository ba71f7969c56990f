"""cuFFT through PyTorch (torch.fft) as the benchmark's native peer.

Usage: python3 native-peer.py '<request JSON>'   (run by scripts/native-peer.ts)

The request names the FFT shapes and batches the benchmark measured and its span rules
(spans, minSpanMs, maxRepeats, verifyPoints). For each case: a complex64 batch of uniform
random values in [-1, 1) on the GPU, out-of-place forward FFTs into a preallocated output,
a warm-up, one timed call to size the spans, then `spans` spans of `repeats` back-to-back
calls, each timed with CUDA events; the per-call time of each span is reported. The first
signals of the batch (and the last) are checked against a float64 FFT on the CPU.

Prints one JSON line: {"available": true, "library", "device", "cases": [...]} or, when
PyTorch or CUDA is missing, {"available": false, "reason"} (exit status 0 either way).
"""

import json
import math
import sys


def unavailable(reason):
    print(json.dumps({"available": False, "reason": reason}))
    sys.exit(0)


def verified_indices(batch, points, max_points):
    # The benchmark's own rule (suite.ts verifiedSignalIndices): the first k signals and the last.
    k = max(1, min(batch, max_points // points))
    return list(range(k)) + ([batch - 1] if k < batch else [])


def run_case(torch, shape, batch, req):
    points = math.prod(shape)
    dims = tuple(range(1, len(shape) + 1))
    gen = torch.Generator(device="cuda").manual_seed(points * 7919 + batch)
    size = (batch, *shape)
    re = torch.rand(size, device="cuda", generator=gen) * 2 - 1
    im = torch.rand(size, device="cuda", generator=gen) * 2 - 1
    x = torch.complex(re, im)
    del re, im
    y = torch.empty_like(x)

    def call():
        torch.fft.fftn(x, dim=dims, out=y)

    def timed(repeats):
        start = torch.cuda.Event(enable_timing=True)
        end = torch.cuda.Event(enable_timing=True)
        start.record()
        for _ in range(repeats):
            call()
        end.record()
        end.synchronize()
        return start.elapsed_time(end)

    for _ in range(3):
        call()
    torch.cuda.synchronize()
    single = max(timed(1), 1e-4)
    repeats = max(1, min(req["maxRepeats"], math.ceil(req["minSpanMs"] / single)))
    # Far below the events' resolution: more repeats until a span lasts 2 ms at least.
    span = timed(repeats)
    while span < 2 and repeats < 2**20:
        repeats *= 4
        span = timed(repeats)
    spans = [timed(repeats) / repeats for _ in range(req["spans"])]

    idx = verified_indices(batch, points, req["verifyPoints"])
    got = y[idx].to("cpu", torch.complex128)
    want = torch.fft.fftn(x[idx].to("cpu", torch.complex128), dim=dims)
    err = float((got - want).abs().max() / want.abs().max())
    del x, y
    torch.cuda.empty_cache()
    return {
        "shape": shape,
        "batch": batch,
        "repeats": repeats,
        "spansMs": spans,
        "maxRelError": err,
        "verifiedSignals": len(idx),
    }


def main():
    if len(sys.argv) != 2:
        print("usage: native-peer.py '<request JSON>'", file=sys.stderr)
        sys.exit(2)
    req = json.loads(sys.argv[1])
    try:
        import torch
    except Exception as e:  # ImportError, or a broken install
        unavailable(f"PyTorch is not importable ({type(e).__name__}: {e})")
    if not torch.cuda.is_available():
        unavailable(f"PyTorch {torch.__version__} sees no CUDA device")
    cases = []
    for c in req["cases"]:
        shape, batch = list(c["shape"]), int(c["batch"])
        try:
            cases.append(run_case(torch, shape, batch, req))
        except Exception as e:  # out of memory, unsupported size: this case only
            cases.append({"shape": shape, "batch": batch, "error": f"{type(e).__name__}: {e}"[:300]})
            torch.cuda.empty_cache()
    print(
        json.dumps(
            {
                "available": True,
                "library": f"torch {torch.__version__}, CUDA {torch.version.cuda}",
                "device": torch.cuda.get_device_name(0),
                "cases": cases,
            }
        )
    )


main()
