#!/usr/bin/env bash
# attnreel benchmark (not a test): preview latency, render-only throughput, end-to-end MP4
# and GIF, peak memory, and the ceiling set by x264 itself (the ffmpeg program encoding the
# same raw frames from memory with the same settings). Prints a Markdown table.
#
#   bench/run.sh [BUILD_DIR]          (default build/; needs ffmpeg and GNU time for some rows)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build}/attnreel"
[ -x "$bin" ] || { echo "build first: scripts/build.sh" >&2; exit 1; }
[ -f bench/grid_32x32.yaml ] || bench/make_grid_scene.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
arrows=examples/self_attention_arrows.yaml
formulas=examples/formulas.yaml
grid=bench/grid_32x32.yaml
graph=bench/graph_30.yaml

now() { date +%s.%N; }
# Median wall time in seconds of a command run 5 times.
median_time() {
  local times=()
  for _ in 1 2 3 4 5; do
    local s; s=$(now); "$@" >/dev/null 2>&1; times+=("$(echo "$(now) - $s" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -g | sed -n 3p
}
# Peak resident memory in MB of one run.
peak_mb() {
  /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1 / 1024}'
}
fps_of() { echo "$1 / $2" | bc -l | xargs printf '%.1f'; }
row() { printf '| %s | %s |\n' "$1" "$2"; }

echo "| measurement | result |"
echo "|---|---|"

t=$(median_time "$bin" frame "$arrows" --at 1.5 -o "$work/f.png")
row "frame preview, arrows example, 1080p PNG (median of 5)" "$(printf '%.3f s' "$t")"
t=$(median_time "$bin" frame "$grid" --at 2.2 -o "$work/g.png")
row "frame preview, 32×32 grid, 1080p PNG (median of 5)" "$(printf '%.3f s' "$t")"
t=$(median_time "$bin" check "$formulas")
row "load and compile, formulas example (5 formulas typeset, median of 5)" "$(printf '%.3f s' "$t")"
t=$(median_time "$bin" frame "$formulas" --at 12.55 -o "$work/m.png")
row "frame preview, formulas example mid-morph, 1080p PNG (median of 5)" "$(printf '%.3f s' "$t")"
t=$(median_time "$bin" render "$formulas" --dry-run -q --quality high)
row "render-only, formulas example, 1080p60" "$(printf '%.2f s' "$t")"
# The attention graph with 30 tokens: render-only frame rate (frames drawn and discarded).
duration=$("$bin" check "$graph" | tail -1 | sed 's/^duration \([0-9.]*\) s.*/\1/')
graph_frames=$(echo "d = $duration * 60; scale = 0; if (d > d / 1) (d / 1) + 1 else d / 1" | bc -l | cut -d. -f1)
t=$(median_time "$bin" render "$graph" --dry-run -q --quality high)
row "render-only, attention graph of 30 tokens, 1080p60 ($graph_frames frames, median of 5)" \
  "$(printf '%.2f s (%s frames/s)' "$t" "$(fps_of "$graph_frames" "$t")")"

for jobs in 1 0; do
  label=$([ "$jobs" = 1 ] && echo "1 thread" || echo "all cores")
  t=$(median_time "$bin" render "$arrows" --dry-run -q --to 3.3333 --fps 30 --jobs "${jobs/#0/$(nproc)}")
  row "100 frames drawn, arrows example, 1080p, $label (render --dry-run)" "$(printf '%.3f s (%s frames/s)' "$t" "$(fps_of 100 "$t")")"
done

for scene in "$arrows" "$grid"; do
  name=$(basename "$scene" .yaml)
  duration=$("$bin" check "$scene" | tail -1 | sed 's/^duration \([0-9.]*\) s.*/\1/')
  frames_at() { echo "d = $duration * $1; scale = 0; if (d > d / 1) (d / 1) + 1 else d / 1" | bc -l | cut -d. -f1; }
  frames60=$(frames_at 60)
  t=$(median_time "$bin" render "$scene" --dry-run -q --quality high)
  row "render-only, $name, 1080p60 ($frames60 frames)" "$(printf '%.2f s (%s frames/s)' "$t" "$(fps_of "$frames60" "$t")")"
  s=$(now); "$bin" render "$scene" -q --quality high -o "$work/$name.mp4"; t=$(echo "$(now) - $s" | bc -l)
  row "end-to-end MP4, $name, 1080p60, x264 medium crf 20" "$(printf '%.2f s (%s frames/s)' "$t" "$(fps_of "$frames60" "$t")")"
  row "peak memory, $name, 1080p60 MP4" "$(peak_mb "$bin" render "$scene" -q --quality high -o "$work/$name-m.mp4") MB"
  s=$(now); "$bin" render "$scene" -q --quality low -o "$work/$name-low.mp4"; t=$(echo "$(now) - $s" | bc -l)
  row "end-to-end MP4, $name, 480p15" "$(printf '%.2f s' "$t")"
  s=$(now); "$bin" render "$scene" -q --quality low --gif-width 854 -o "$work/$name.gif"; t=$(echo "$(now) - $s" | bc -l)
  row "GIF, $name, 854 px, 15 fps" "$(printf '%.2f s, %s KiB' "$t" "$(( $(stat -c %s "$work/$name.gif") / 1024 ))")"
  if command -v ffmpeg >/dev/null; then
    # The ceiling: x264 alone on the same frames, read raw from memory (tmpfs).
    "$bin" render "$scene" -q --quality high -o "$work/frames/" >/dev/null
    raw=/dev/shm/attnreel-bench-$$.bgra
    ffmpeg -v error -y -i "$work/frames/frame_%05d.png" -f rawvideo -pix_fmt bgra "$raw"
    s=$(now)
    ffmpeg -v error -y -f rawvideo -pix_fmt bgra -s 1920x1080 -r 60 -i "$raw" \
      -c:v libx264 -preset medium -crf 20 -pix_fmt yuv420p -movflags +faststart "$work/ceiling.mp4"
    t=$(echo "$(now) - $s" | bc -l)
    rm -f "$raw"; rm -rf "$work/frames"
    row "ceiling: ffmpeg x264 on the same raw frames, $name, 1080p60" "$(printf '%.2f s (%s frames/s)' "$t" "$(fps_of "$frames60" "$t")")"
  fi
done
