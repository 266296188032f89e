#!/bin/bash
# Alternate the 50 x 30 burst between two trees, one repetition at a time, on the same machine:
#   bench/ab_burst.sh OUT TREE_A TREE_B [ROUNDS] [ACTIVITY]
# Each round runs `python -m bench.load --scenario burst ... --servers ours-redis` from TREE_A,
# then from TREE_B (each with its own compact frames, unlike --baseline-root's base-* servers),
# and appends the result lines to OUT with the load average. PY defaults to this checkout's venv.
set -eu
out=$1; a=$2; b=$3; rounds=${4:-3}; activity=${5:-wordcloud,dots}
py=${PY:-$(cd "$(dirname "$0")/.." && pwd)/.venv/bin/python}
: > "$out"
for i in $(seq "$rounds"); do
  for tree in "$a" "$b"; do
    echo "## $tree round $i $(uptime)" >> "$out"
    (cd "$tree" && "$py" -m bench.load --scenario burst --activity "$activity" --servers ours-redis \
        --reps 1 --measure 6 --generators 2 2>&1 | grep "^ours-redis/") >> "$out"
  done
done
