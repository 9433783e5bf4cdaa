#!/usr/bin/env bash
# Rebuilds profiles/broadsheet-newsprint-tr002.icc, the default CMYK output profile.
# Needs ArgyllCMS and Debian's icc-profiles-free (not needed by CI: the .icc is committed):
#   apt-get install -y --no-install-recommends argyll icc-profiles-free
# Source data: ANSI CGATS/SNAP TR 002-2007, "Color Characterization Data for Coldset Printing
# on Newsprint" (/usr/share/color/icc/TR002.ti3), the US newsprint (SNAP) reference condition.
# Options: -qm medium quality; -kh heavy GCR (newspaper practice: early black, less CMY ink);
# -l240 total ink limit 240 % (newsprint). The ICC header carries the build date, so a rebuild
# differs in those bytes only.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src=/usr/share/color/icc/TR002.ti3
[ -f "$src" ] || { echo "missing $src: apt-get install icc-profiles-free" >&2; exit 1; }
command -v colprof >/dev/null || { echo "missing colprof: apt-get install argyll" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$src" "$work/newsprint.ti3"
(cd "$work" && colprof -qm -kh -l240 \
  -D "Broadsheet Newsprint TR002 TAC240" \
  -C "Built from ANSI CGATS/SNAP TR 002-2007 characterization data (Copyright 2007 NPES)" \
  -O newsprint.icc newsprint)
cp "$work/newsprint.icc" "$here/broadsheet-newsprint-tr002.icc"
echo "wrote $here/broadsheet-newsprint-tr002.icc"
