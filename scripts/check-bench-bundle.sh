#!/usr/bin/env bash
# The whole headless benchmark through the self-contained bundle, as a GPU machine runs it:
# builds it into a temporary folder, copies it into a clean folder whose node_modules holds
# only the `webgpu` package, runs `node bench.mjs --tiny --json out.json` there (SwiftShader
# without a GPU; about a minute) and checks the JSON: a parseable run with fft.js and PFFFT on
# one thread and over workers, every case verified. Run from the project root.
set -euo pipefail
root=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npx tsx scripts/bench-bundle.ts --out "$tmp/build" >/dev/null
mkdir -p "$tmp/clean/node_modules"
cp "$tmp/build/bench.mjs" "$tmp/clean/"
ln -s "$root/node_modules/webgpu" "$tmp/clean/node_modules/webgpu"
(cd "$tmp/clean" && node bench.mjs --tiny --native --json out.json >log.txt 2>&1) || {
  tail -20 "$tmp/clean/log.txt"
  exit 1
}
node -e '
const run = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const ops = new Set(run.cases.map((c) => c.op));
const want = ["fft", "fftjs", "fftjs-workers", "pffft", "pffft-workers"];
const missing = want.filter((o) => !ops.has(o));
if (missing.length) throw new Error("missing cases: " + missing.join(", "));
const bad = run.cases.filter((c) => c.op !== "tfjs-fft" && !(c.maxRelError <= c.tolerance));
if (bad.length) throw new Error("unverified: " + bad.map((c) => c.op + " " + c.shape).join(", "));
const cufft = run.skipped.find((s) => s.what === "cuFFT via PyTorch");
console.log("bundle OK:", run.cases.length, "cases,", run.skipped.length, "skipped;",
  cufft ? "cuFFT: " + cufft.reason : "cuFFT ran: " + run.cases.filter((c) => c.op === "cufft-torch").length + " cases");
' "$tmp/clean/out.json"
