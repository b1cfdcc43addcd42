#!/usr/bin/env bash
# Regenerates public/fonts/*.woff2: KERN's Fira Sans, subset to the Latin characters that German text, the
# reference file and the municipality register use (tests/unit/fonts.test.ts checks the coverage).
# Needs fonttools with brotli (Debian: apt-get install fonttools python3-brotli). Keep the ranges in
# step with unicode-range in app/fira-sans.css (and bump -v1 in the file names: they are cached as immutable).
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=node_modules/@kern-ux/native/dist/fonts/fira-sans
RANGES="U+0020-007E,U+00A0-017F,U+0218-021B,U+02C6,U+02DA,U+02DC,U+2010-2027,U+2030,U+2039-203A,U+20AC,U+2122,U+2190-2193,U+2212,U+2248,U+2264-2265"
for weight in Regular Italic Medium SemiBold; do
  pyftsubset "$SRC/FiraSans-$weight.woff2" --unicodes="$RANGES" --flavor=woff2 \
    --layout-features='kern,liga,clig,calt,ccmp,locl,mark,mkmk,tnum,lnum' \
    --output-file="public/fonts/FiraSans-$weight-latin-v1.woff2"
done
ls -l public/fonts/*.woff2
