#!/bin/sh
# SPDX-License-Identifier: MIT
# Times `pressroom stats --json` on the corpus's two big feeds against the pugixml floor
# (bench/feed_floor: parse + walk of the same files), RUNS runs each, interleaved, and prints
# the ratios of the medians and of the minima (DESIGN.md target: at most 2x). On a shared or
# virtual machine the minimum is the steadier figure: other load only ever adds time. Peak RSS
# of both comes from GNU time when /usr/bin/time is installed.
#   bench/feed_stats.sh BUILD_DIR [CORPUS_DIR] [RUNS]
# BUILD_DIR is a Release build with -DPRESSROOM_BUILD_BENCHMARKS=ON (for bench/feed_floor).
set -eu
build=${1:?usage: feed_stats.sh BUILD_DIR [CORPUS_DIR] [RUNS]}
corpus=${2:-${PRESSROOM_CORPUS:-/tmp/pressroom-corpus}}
runs=${3:-5}
cli=$(find "$build" -type f -name pressroom -perm -u+x | head -n 1)
floor=$(find "$build" -type f -name feed_floor -perm -u+x | head -n 1)
if [ -z "$cli" ] || [ -z "$floor" ]; then
  echo "feed_stats.sh: pressroom or feed_floor not built in $build" >&2
  exit 1
fi
set -- "$corpus/sized/rss2-10000.xml" "$corpus/sized/atom-10000.xml"
for f in "$@"; do
  if [ ! -f "$f" ]; then
    echo "feed_stats.sh: no corpus at $corpus (run shared/bench/gen_corpus.py); skipped"
    exit 0
  fi
done

# Seconds (wall clock) of one run of the command given.
seconds() {
  s=$(date +%s.%N)
  "$@" >/dev/null
  e=$(date +%s.%N)
  echo "$e - $s" | bc -l
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
minimum() { sort -n | head -n 1; }

"$cli" stats --json "$@"
"$floor" "$@"
tf=""
tp=""
i=0
while [ "$i" -lt "$runs" ]; do
  tf="$tf $(seconds "$floor" "$@")"
  tp="$tp $(seconds "$cli" stats --json "$@")"
  i=$((i + 1))
done
mf=$(echo "$tf" | tr ' ' '\n' | grep . | median)
mp=$(echo "$tp" | tr ' ' '\n' | grep . | median)
nf=$(echo "$tf" | tr ' ' '\n' | grep . | minimum)
np=$(echo "$tp" | tr ' ' '\n' | grep . | minimum)
printf 'median of %s: pugixml floor %.3f s, pressroom stats --json %.3f s: ratio %.2fx (target <= 2)\n' \
  "$runs" "$mf" "$mp" "$(echo "$mp / $mf" | bc -l)"
printf 'minimum of %s: pugixml floor %.3f s, pressroom stats --json %.3f s: ratio %.2fx (target <= 2)\n' \
  "$runs" "$nf" "$np" "$(echo "$np / $nf" | bc -l)"
if [ -x /usr/bin/time ]; then
  rf=$(/usr/bin/time -f %M "$floor" "$@" 2>&1 >/dev/null | tail -n 1)
  rp=$(/usr/bin/time -f %M "$cli" stats --json "$@" 2>&1 >/dev/null | tail -n 1)
  printf 'peak RSS: floor %s KB, pressroom %s KB: ratio %.2fx\n' "$rf" "$rp" \
    "$(echo "$rp / $rf" | bc -l)"
fi
