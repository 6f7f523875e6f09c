#!/usr/bin/env bash
# What sound and speech cost a render: the narrated example (draft speech for five lines and
# one audio track) against the same scene with `narration:` and `audio:` taken out and the
# steps given the lengths speech gave them, so both render the same frames. Medians of 5
# wall-clock runs; prints a Markdown table. Not a test: the numbers depend on the machine.
#
#   bench/narration.sh [BUILD_DIR]          (needs bc; QUICK=1 leaves out the 1080p60 row)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build}/attnreel"
[ -x "$bin" ] || { echo "build first: scripts/build.sh" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
narrated="$work/narrated.yaml"
silent="$work/silent.yaml"
cp examples/narration.yaml "$narrated"
cp -r examples/sounds "$work/"

# The silent twin: each `run_time: narration` and `wait: narration` becomes the length its
# step has in `check`, and the narration and audio blocks go.
"$bin" check "$narrated" | grep -o '[0-9.]* – *[0-9.]* s  [a-z]' | awk '{printf "%.3f\n", $3 - $1}' > "$work/lengths"
awk -v lengths="$work/lengths" '
  BEGIN { while ((getline l < lengths) > 0) len[n++] = l }
  /^timeline:/ { in_timeline = 1 }
  in_timeline && /^  - / { step++ }
  /^narration:/ || /^audio:/ { skip = 1; next }
  skip && /^  / { next }
  { skip = 0 }
  { gsub(/run_time: narration/, "run_time: " len[step - 1]); gsub(/wait: narration/, "wait: " len[step - 1]); print }
' "$narrated" > "$silent"
"$bin" check "$narrated" | tail -1 > "$work/a"
"$bin" check "$silent" | tail -1 > "$work/b"
cmp -s "$work/a" "$work/b" || { echo "the silent twin differs in length:" >&2; cat "$work/a" "$work/b" >&2; exit 1; }

now() { date +%s.%N; }
median_time() {
  local times=()
  for _ in 1 2 3 4 5; do
    local s; s=$(now); "$@" >/dev/null 2>&1; times+=("$(echo "$(now) - $s" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -g | sed -n 3p
}
row() { printf '| %s | %.3f s | %.3f s | %+.3f s |\n' "$1" "$2" "$3" "$(echo "$2 - $3" | bc -l)"; }

echo "scene: examples/narration.yaml, $(cat "$work/a")"
echo
echo "| measurement | with sound and speech | without | cost |"
echo "|---|---|---|---|"
row "load and compile (check)" "$(median_time "$bin" check "$narrated")" "$(median_time "$bin" check "$silent")"
row "frame preview, 1080p PNG" "$(median_time "$bin" frame "$narrated" --at 5 -o "$work/f.png")" \
  "$(median_time "$bin" frame "$silent" --at 5 -o "$work/f.png")"
row "render MP4 --quality low (480p15)" "$(median_time "$bin" render "$narrated" -q --quality low -o "$work/n.mp4")" \
  "$(median_time "$bin" render "$silent" -q --quality low -o "$work/s.mp4")"
[ "${QUICK:-0}" = 1 ] || row "render MP4 --quality high (1080p60)" "$(median_time "$bin" render "$narrated" -q --quality high -o "$work/n.mp4")" \
  "$(median_time "$bin" render "$silent" -q --quality high -o "$work/s.mp4")"
row "render MP4 480p15 --burn-captions" \
  "$(median_time "$bin" render "$narrated" -q --quality low --burn-captions -o "$work/n.mp4")" \
  "$(median_time "$bin" render "$silent" -q --quality low -o "$work/s.mp4")"
