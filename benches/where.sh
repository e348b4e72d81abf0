#!/usr/bin/env bash
# Where the time of a check goes, by factlint's own functions: perf samples
# the run with call stacks, and each sample is counted for the innermost
# function of factlint on its stack (the regex crate's search counts for the
# factlint function that asked it). Callgrind's counts (instructions.sh) say
# how much work a run does; these shares say where its time goes, cache misses
# and mispredicted branches included, which is what a byte loop or an
# automaton's table lookups cost beyond their instructions.
#
# Usage: benches/where.sh FACTLINT [ROWS] -- ARGS...
#
# ARGS are those of `factlint check` after `--no-config -q --format short`,
# e.g. `--claims claims/trotsky.toml /tmp/factbench/corpus/dir100m/part00`.
# Prints the share of samples of the ROWS (default 30) functions with the
# most, then the library function each of the first five spends its time in.
# Needs perf (linux-perf) and python3; a run of a second or more gives enough
# samples.
set -euo pipefail

if [[ $# -lt 3 ]]; then
    sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
bin=$(realpath "$1")
shift
rows=30
if [[ $1 != -- ]]; then
    rows=$1
    shift
fi
[[ $1 == -- ]] || { echo "ARGS follow --" >&2; exit 2; }
shift
command -v perf >/dev/null || { echo "perf is needed" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# factlint exits 1 where it finds something: the samples are read either way.
perf record -q -e cpu-clock -F 2000 --call-graph dwarf,16384 -o "$work/perf.data" \
    "$bin" check --no-config -q --format short "$@" >/dev/null 2>&1 || true
perf script -i "$work/perf.data" -F ip,sym 2>/dev/null >"$work/stacks.txt"
python3 - "$work/stacks.txt" "$rows" <<'EOF'
import collections
import re
import sys

stacks = open(sys.argv[1]).read().split("\n\n")
rows = int(sys.argv[2])
own = collections.Counter()
inside = collections.defaultdict(collections.Counter)
total = 0
for stack in stacks:
    frames = [re.sub(r"^[0-9a-f]+ ", "", l.strip()).replace(" (inlined)", "")
              for l in stack.strip().split("\n") if l.strip()]
    if not frames:
        continue
    total += 1
    mine = next((f for f in frames if f.startswith("factlint::")), "(outside factlint) " + frames[0])
    own[mine] += 1
    inside[mine][frames[0]] += 1
print(f"{total} samples")
for name, n in own.most_common(rows):
    print(f"{100 * n / total:5.1f}%  {name[:110]}")
print()
for name, _ in own.most_common(5):
    print(name[:110])
    for leaf, n in inside[name].most_common(3):
        print(f"    {100 * n / total:5.1f}%  {leaf[:100]}")
EOF
