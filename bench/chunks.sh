#!/usr/bin/env bash
# What chunking costs on one machine, and what join costs: the arrows example at 1080p60
# rendered in one go with every core (--jobs = nproc), then as N chunks, nproc of them at
# a time with --jobs 1 each (what a node of a farm does), plus the join; and the time of
# join per minute of video. Prints a Markdown table. Usage: bench/chunks.sh [N...]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${ATTNREEL:-build/attnreel}
scene=examples/self_attention_arrows.yaml
cores=$(nproc)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
counts=("$@")
if [ ${#counts[@]} -eq 0 ]; then counts=(2 4 8); fi

seconds() { local s=$(date +%s.%N); "$@" >/dev/null 2>&1; echo "$(date +%s.%N) - $s" | bc; }

# The frame count, from the error a range past the end gets: "... it has N frames (0:N)".
total=$("$bin" render "$scene" -qh --frames 0:999999 -o "$work/x.mp4" 2>&1 | sed -n 's/.*(0:\([0-9]*\)).*/\1/p' || true)
echo "| render (arrows, 1080p60, $total frames, $cores cores) | wall s | frames/s |"
echo "|---|---|---|"
one=$(seconds "$bin" render "$scene" -qh --jobs "$cores" --quiet -o "$work/one.mp4")
echo "| one go, --jobs $cores | $one | $(echo "scale=1; $total / $one" | bc) |"
for n in "${counts[@]}"; do
  rm -f "$work"/part-*.mp4
  bounds=()
  for k in $(seq 0 "$n"); do bounds+=($((k * total / n))); done
  start=$(date +%s.%N)
  for k in $(seq 0 $((n - 1))); do
    "$bin" render "$scene" -qh --jobs 1 --quiet --frames "${bounds[$k]}:${bounds[$((k + 1))]}" \
      -o "$work/part-$(printf %03d "$k").mp4" &
    # at most $cores chunks at a time
    while [ "$(jobs -rp | wc -l)" -ge "$cores" ]; do wait -n; done
  done
  wait
  rendered=$(date +%s.%N)
  "$bin" join "$work"/part-*.mp4 -o "$work/joined.mp4" --quiet
  joined=$(date +%s.%N)
  r=$(echo "$rendered - $start" | bc); j=$(echo "$joined - $rendered" | bc)
  echo "| $n chunks, $cores at a time, --jobs 1, + join | $r + $j | $(echo "scale=1; $total / ($r + $j)" | bc) |"
done

# join per minute of video: a 1080p60 video of the arrows example's length, joined from 4
# chunks, timed 5 times; scaled to 60 s of video.
duration=$(echo "scale=3; $total / 60" | bc)
best=999
for _ in 1 2 3 4 5; do
  t=$(seconds "$bin" join "$work"/part-*.mp4 -o "$work/joined.mp4" --quiet)
  best=$(echo "if ($t < $best) $t else $best" | bc)
done
size=$(stat -c %s "$work/joined.mp4")
echo
echo "join: best of 5 $best s for $duration s of video ($size bytes); per minute of video: $(echo "scale=3; $best * 60 / $duration" | bc) s"
