#!/usr/bin/env bash
# A contact sheet: one frame of each scene, small, tiled with the scene's name under it, in
# one PNG, for a person to look over many scenes at once after a change:
#
#   docs/contact_sheet.sh                            # every examples/*.yaml → out/contact_sheet.png
#   docs/contact_sheet.sh -o out/lessons.png scenes/*.yaml
#   docs/contact_sheet.sh --at middle --columns 3 examples/bar_chart.yaml examples/matrix.yaml
#
# Options:
#   -o OUT.png      the sheet (default: out/contact_sheet.png); missing folders are made
#   --at WHEN       which frame of each scene: end (default, everything shown), middle, or
#                   a time in seconds (negative: back from the end, as `attnreel frame`)
#   --columns N     tiles per row (default 4)
#   --width W       a tile's width in pixels (default 480; its height follows 16:9)
#
# Uses build/attnreel, or $ATTNREEL when set, and the ffmpeg CLI (scale, pad, drawtext,
# tile) with the bundled Inter font. A scene that fails to load gets a tile saying so, and
# the script exits 1 after writing the sheet, so a broken scene is seen, not skipped.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
attnreel=${ATTNREEL:-$root/build/attnreel}
out=$root/out/contact_sheet.png
at=end
columns=4
width=480
scenes=()

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit "${1:-0}"; }
while (($#)); do
  case $1 in
    -o) out=$2; shift 2 ;;
    --at) at=$2; shift 2 ;;
    --columns) columns=$2; shift 2 ;;
    --width) width=$2; shift 2 ;;
    -h|--help) usage 0 ;;
    -*) echo "contact_sheet.sh: unknown option '$1'" >&2; usage 2 >&2 ;;
    *) scenes+=("$1"); shift ;;
  esac
done
((${#scenes[@]})) || scenes=("$root"/examples/*.yaml)
[[ -x $attnreel ]] || { echo "contact_sheet.sh: no attnreel at $attnreel (build it, or set ATTNREEL)" >&2; exit 2; }
[[ $columns =~ ^[1-9][0-9]*$ && $width =~ ^[1-9][0-9]*$ ]] || { echo "contact_sheet.sh: --columns and --width take whole numbers" >&2; exit 2; }
command -v ffmpeg > /dev/null || { echo "contact_sheet.sh: needs the ffmpeg CLI" >&2; exit 2; }

width=$(( (width + 1) / 2 * 2 ))  # even sizes, as yuv-minded filters like them
height=$(( (width * 9 / 16 + 1) / 2 * 2 ))
label=$(( height / 9 > 22 ? height / 9 : 22 ))  # the strip under each frame, for its name
font=$root/fonts/inter/Inter-Regular.otf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$(dirname "$out")"

# The time of the frame to render, as `attnreel frame --at` takes it.
time_of() {
  case $at in
    end) echo end ;;
    middle) "$attnreel" check "$1" 2> /dev/null | awk '/^duration/ { printf "%.2f\n", $2 / 2 }' ;;
    *) echo "$at" ;;
  esac
}

failed=0
n=0
for scene in "${scenes[@]}"; do
  name=$(basename "$scene" .yaml)
  frame=$work/frame_$n.png
  when=$(time_of "$scene" || true)
  # The scene's own aspect, at about the tile's size (the tile pads what does not fill it).
  size=$("$attnreel" check "$scene" 2> /dev/null | awk -v h="$height" 'NR == 1 && match($0, /[0-9]+x[0-9]+ at/) {
           split(substr($0, RSTART, RLENGTH - 3), s, "x"); w = int(h * s[1] / s[2] / 2) * 2; print w "x" h }' || true)
  if [[ -n $when && -n $size ]] && "$attnreel" frame "$scene" --at "$when" --size "$size" -o "$frame" 2> "$work/error_$n.txt"; then
    caption="$name  ($when${when:+ s})"
    [[ $when == end ]] && caption="$name  (end)"
  else
    failed=1
    [[ -s $work/error_$n.txt ]] || "$attnreel" check "$scene" 2> "$work/error_$n.txt" > /dev/null || true
    echo "contact_sheet.sh: $(head -1 "$work/error_$n.txt")" >&2
    ffmpeg -hide_banner -loglevel error -f lavfi -i "color=c=0x7f1d1d:s=${width}x${height}" -frames:v 1 "$frame"
    caption="$name  (failed: see the terminal)"
  fi
  # drawtext reads ':' '\' and quotes in its text as syntax: hand it the caption in a file.
  printf '%s' "$caption" > "$work/caption_$n.txt"
  ffmpeg -hide_banner -loglevel error -i "$frame" -vf \
    "scale=${width}:${height}:force_original_aspect_ratio=decrease,pad=${width}:$((height + label)):(ow-iw)/2:(${height}-ih)/2:color=0x0b1120,\
drawtext=fontfile=$font:textfile=$work/caption_$n.txt:fontcolor=0xcbd5e1:fontsize=$((label * 3 / 5)):x=(w-text_w)/2:y=${height}+(${label}-text_h)/2" \
    -frames:v 1 "$(printf '%s/tile_%04d.png' "$work" "$n")"
  n=$((n + 1))
done

rows=$(( (n + columns - 1) / columns ))
# Fill the last row with blank tiles, so that the tile filter has a whole sheet to emit.
while ((n < rows * columns)); do
  ffmpeg -hide_banner -loglevel error -f lavfi -i "color=c=0x0b1120:s=${width}x$((height + label))" -frames:v 1 \
    "$(printf '%s/tile_%04d.png' "$work" "$n")"
  n=$((n + 1))
done
ffmpeg -hide_banner -loglevel error -y -framerate 1 -i "$work/tile_%04d.png" \
  -vf "tile=${columns}x${rows}:padding=6:margin=6:color=0x020617" -frames:v 1 -update 1 "$work/sheet.png"
mv "$work/sheet.png" "$out"
echo "$out"
exit "$failed"
