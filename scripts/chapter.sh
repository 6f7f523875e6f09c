#!/usr/bin/env bash
# Renders the attention chapter (scenes/*.yaml, or the lessons given) into out/lessons/:
#
#   NAME.mp4   1920x1080 at 30 fps, H.264, with the draft speech as its soundtrack and
#              NAME.vtt / NAME.srt captions beside it (from each step's say:)
#   NAME.gif   640x360 at 10 fps with the captions drawn in, for the web guide
#
# and writes out/lessons/render_times.tsv (lesson, seconds to render its MP4 and GIF),
# which docs/gallery.sh reads. Needs build/attnreel (scripts/build.sh), or $ATTNREEL.
#
#   scripts/chapter.sh                         # every lesson
#   scripts/chapter.sh scenes/03_scores.yaml   # one lesson (its line in the times is replaced)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
attnreel=${ATTNREEL:-$root/build/attnreel}
out=$root/out/lessons
[[ -x $attnreel ]] || { echo "chapter.sh: no attnreel at $attnreel (run scripts/build.sh, or set ATTNREEL)" >&2; exit 2; }
mkdir -p "$out"
lessons=("$@")
((${#lessons[@]})) || lessons=("$root"/scenes/*.yaml)

times=$out/render_times.tsv
touch "$times"
start_all=$(date +%s%N)
for scene in "${lessons[@]}"; do
  name=$(basename "$scene" .yaml)
  echo "chapter.sh: $name"
  start=$(date +%s%N)
  "$attnreel" render "$scene" --size 1920x1080 --fps 30 --quiet -o "$out/$name.mp4"
  "$attnreel" render "$scene" --size 640x360 --fps 10 --burn-captions --quiet -o "$out/$name.gif"
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  grep -v "^$name	" "$times" > "$times.new" || true
  printf '%s\t%d.%d\n' "$name" $((ms / 1000)) $((ms % 1000 / 100)) >> "$times.new"
  sort "$times.new" > "$times" && rm "$times.new"
done
total=$(( ($(date +%s%N) - start_all) / 1000000000 ))
echo "chapter.sh: ${#lessons[@]} lessons in $total s on $(nproc) cores"
