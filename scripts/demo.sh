#!/usr/bin/env bash
# One command from a fresh clone: install what is missing, build, render the demo lesson and
# the whole attention chapter into out/:
#   out/self_attention_arrows.{mp4,gif,png}   the one-example demo, as before
#   out/lessons/NN_name.{mp4,vtt,srt,gif}     every lesson of scenes/ (scripts/chapter.sh)
#   out/lessons/contact_sheet.png             the middle frame of every lesson, tiled
#   docs/gallery.md                           every GIF with its summary, duration and size
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

scripts/chapter.sh
docs/contact_sheet.sh --at middle --columns 4 -o out/lessons/contact_sheet.png scenes/*.yaml
docs/gallery.sh
echo "chapter: out/lessons/ (MP4, captions, GIF per lesson), docs/gallery.md"
