#!/bin/sh
# Renders scripts/icon.svg to the extension icons public/icons/icon-{16,32,48,128}.png.
# Needs rsvg-convert (Debian: apt-get install -y librsvg2-bin). Run from the repository root: sh scripts/make-icons.sh
set -eu
if ! command -v rsvg-convert >/dev/null 2>&1; then
  echo "rsvg-convert not found: apt-get install -y librsvg2-bin" >&2
  exit 1
fi
mkdir -p public/icons
for size in 16 32 48 128; do
  rsvg-convert --width "$size" --height "$size" --format png --output "public/icons/icon-$size.png" scripts/icon.svg
done
ls -l public/icons
