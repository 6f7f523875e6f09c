#!/usr/bin/env bash
# One command from a fresh clone: install what is missing, build, render the demo lesson.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
mkdir -p out
scene=examples/self_attention_arrows.yaml
./build/attnreel check "$scene"
./build/attnreel frame "$scene" --at 5.8 -o out/self_attention_arrows.png
./build/attnreel render "$scene" -o out/self_attention_arrows.mp4
./build/attnreel render "$scene" -o out/self_attention_arrows.gif --quality low --gif-width 854
echo "demo: out/self_attention_arrows.mp4, .gif and .png"
