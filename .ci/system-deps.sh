#!/usr/bin/env bash
# System packages the tests need on Debian: chromium (the e2e browser, and SwiftShader's Vulkan
# driver that gives real WebGPU without a GPU) and libvulkan1 (the Vulkan loader Dawn opens in
# Node). Installs what is missing when it can (root or sudo); otherwise says what to run.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || [ -n "${CHROMIUM_PATH:-}" ] || need+=(chromium)
if ! { ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null; } | grep -q 'libvulkan.so.1'; then
  need+=(libvulkan1)
fi
[ ${#need[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "Missing system packages: ${need[*]}. Install them with your package manager." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "Missing system packages: ${need[*]}. Run: apt-get install -y ${need[*]} (as root)." >&2
    exit 1
  fi
fi
echo "Installing system packages: ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
