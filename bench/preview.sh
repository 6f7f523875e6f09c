#!/usr/bin/env bash
# The preview's latency (not a test): how long a scrub to a new time takes to answer with
# its 720p frame, and how long a save takes to reach the page as a new frame. Prints a
# Markdown table of medians. Needs curl.
#
#   bench/preview.sh [BUILD_DIR]
#
# scrub: GET /frame?t=T for 30 times never asked before (each rendered, encoded as PNG and
#        sent), formulas example, 1280x720; then the same times again (from the cache).
# save:  from rewriting bench/thirty_objects.yaml (a copy, 30 objects) to the page's frame
#        at the same time received: the state long-poll answers (file watch, load, compile,
#        lint), then the new frame is fetched. 15 saves.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build}/attnreel"
[ -x "$bin" ] || { echo "build first: scripts/build.sh" >&2; exit 1; }
command -v curl >/dev/null || { echo "needs curl (apt-get install curl)" >&2; exit 1; }
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill -INT "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

now_ms() { echo "$(date +%s%N) / 1000000" | bc -l; }
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
max() { sort -g | tail -1; }

# Starts a preview of $1 and prints its address once it answers.
start_preview() {
  local log="$work/preview-$RANDOM.log"
  "$bin" preview "$1" --port 0 >"$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 500); do
    local url; url=$(sed -n 's/^attnreel preview: \(http[^ ]*\).*/\1/p' "$log")
    if [ -n "$url" ]; then echo "$url"; return; fi
    sleep 0.02
  done
  echo "the preview did not start: $(cat "$log")" >&2; exit 1
}

echo "| measurement | median | max |"
echo "|---|---|---|"

url=$(start_preview examples/formulas.yaml)
curl -s -o /dev/null "${url}frame?t=0"  # the first answer warms the server's threads
for pass in new cached; do
  : >"$work/$pass.txt"
  for k in $(seq 1 30); do
    t=$(echo "$k * 0.4 + 0.0333" | bc -l)
    curl -s -o /dev/null -w '%{time_total}\n' "${url}frame?t=$t" >>"$work/$pass.txt"
  done
  ms() { awk '{print $1 * 1000}' "$work/$pass.txt"; }
  printf '| scrub to a %s time, formulas example, 1280x720 PNG | %.1f ms | %.1f ms |\n' \
    "$([ $pass = new ] && echo "new" || echo "cached")" "$(ms | median)" "$(ms | max)"
done

scene="$work/thirty.yaml"
cp bench/thirty_objects.yaml "$scene"
"$bin" check "$scene" >/dev/null  # a scene that does not load would time the error path
url=$(start_preview "$scene")
generation=$(curl -s "${url}api/state" | sed 's/.*"generation":\([0-9]*\).*/\1/')
: >"$work/save.txt"
colors=("#3B82F6" "#EF4444")
for k in $(seq 1 15); do
  curl -s -o "$work/state.json" "${url}api/state?since=$generation" &
  poll=$!
  sleep 0.3  # the long poll is waiting
  start=$(now_ms)
  sed "s/color: \"#3B82F6\", move_to: \[-6.2/color: \"${colors[$((k % 2))]}\", move_to: [-6.2/" \
    bench/thirty_objects.yaml >"$scene.tmp" && mv "$scene.tmp" "$scene"
  wait "$poll"
  curl -s -o /dev/null "${url}frame?t=10"
  echo "$(now_ms) - $start" | bc -l >>"$work/save.txt"
  grep -q '"error":null' "$work/state.json" || { echo "save $k did not load: $(cat "$work/state.json")" >&2; exit 1; }
  generation=$(sed 's/.*"generation":\([0-9]*\).*/\1/' "$work/state.json")
  load=$(sed 's/.*"load_seconds":\([0-9.e-]*\).*/\1/' "$work/state.json")
  echo "$load * 1000" | bc -l >>"$work/load.txt"
done
printf '| save to new frame, 30-object scene, 1280x720 | %.1f ms | %.1f ms |\n' \
  "$(median <"$work/save.txt")" "$(max <"$work/save.txt")"
printf '| of which load, compile and lint | %.1f ms | %.1f ms |\n' \
  "$(median <"$work/load.txt")" "$(max <"$work/load.txt")"
