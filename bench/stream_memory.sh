#!/bin/sh
# SPDX-License-Identifier: MIT
# Streaming memory must-show (DESIGN.md, Performance): converting a 1 GB jsonl archive to RSS,
# XML and JSON must stay under 64 MB of peak resident memory.
#
#   bench/stream_memory.sh [PRESSROOM] [SIZE] [WORKDIR]
#
# PRESSROOM: the tool (default build-cli-rel/src/cli/pressroom; use a Release build).
# SIZE: the generated archive's size (default 1G). WORKDIR: where the archive and outputs go
# (default a new directory under /tmp). The archive and outputs are deleted at the end: they
# are big. An archive already at WORKDIR/big.jsonl is used as it is.
# Prints one line per target format: peak RSS (from /usr/bin/time -v), wall time, output size,
# and exits 1 when a peak is at or over 64 MB.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
tool=${1:-$here/../build-cli-rel/src/cli/pressroom}
size=${2:-1G}
work=${3:-}
limit_kb=$((64 * 1024))

if [ ! -x "$tool" ]; then
  echo "stream_memory.sh: no tool at $tool (build the Release CLI first)" >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  echo "stream_memory.sh: needs /usr/bin/time (Debian package 'time')" >&2
  exit 2
fi

if [ -z "$work" ]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/pressroom-stream-XXXXXX")
  cleanup_dir=$work
else
  mkdir -p "$work"
  cleanup_dir=
fi
cleanup() {
  rm -f "$work/big.jsonl" "$work/out.rss" "$work/out.xml" "$work/out.json" "$work/time.txt"
  if [ -n "$cleanup_dir" ]; then rmdir "$cleanup_dir" 2>/dev/null || true; fi
}
trap cleanup EXIT INT TERM

if [ ! -s "$work/big.jsonl" ]; then  # an archive already in WORKDIR is reused
  echo "generating a $size jsonl archive (bench/gen_jsonl.py)..."
  /usr/bin/python3 "$here/gen_jsonl.py" --size "$size" --out "$work/big.jsonl"
fi
in_bytes=$(stat -c %s "$work/big.jsonl")
echo "input: $in_bytes bytes, $(wc -l < "$work/big.jsonl") records"

status=0
printf '%-6s %14s %10s %14s\n' to "peak RSS (KB)" "time (s)" "output bytes"
for to in rss xml json; do
  /usr/bin/time -v -o "$work/time.txt" "$tool" convert "$work/big.jsonl" --to "$to" \
    --no-progress -o "$work/out.$to" 2>/dev/null
  peak=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$work/time.txt")
  wall=$(sed -n 's/^[[:space:]]*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
  out_bytes=$(stat -c %s "$work/out.$to")
  printf '%-6s %14s %10s %14s\n' "$to" "$peak" "$wall" "$out_bytes"
  if [ "$peak" -ge "$limit_kb" ]; then
    echo "  over the 64 MB limit" >&2
    status=1
  fi
  rm -f "$work/out.$to"
done
exit $status
