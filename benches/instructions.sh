#!/usr/bin/env bash
# Instructions a run of factlint executes, counted by callgrind: unlike times,
# the counts do not move with the machine's load, so two binaries can be
# compared on a shared machine one run each.
#
# Usage: benches/instructions.sh FACTLINT [WORK]
#
# WORK is the benchmark corpus that ../shared/bench/compare.py builds (default
# /tmp/factbench); run compare.py once first. Run from the project root. Prints
# the millions of instructions of:
#   terms N10, terms N1000   10 / 1,000 term claims on parts part00 and part01
#   real claims              claims/trotsky.toml on part00
#   start-up                 claims/trotsky.toml on the 2 KB file
# Needs valgrind. Each count is one run; a run with claims/trotsky.toml takes
# a few minutes under callgrind.
set -euo pipefail

if [[ $# -lt 1 ]]; then
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
bin=$(realpath "$1")
work=${2:-/tmp/factbench}
corpus=$work/corpus
rules=$work/rules
command -v valgrind >/dev/null || { echo "valgrind is needed" >&2; exit 2; }
[[ -d $corpus/dir100m/part00 ]] || { echo "no corpus under $work: run compare.py first" >&2; exit 2; }

count() {
    local label=$1
    shift
    local log n
    # factlint exits 1 where it finds something: the count is read either way.
    log=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        "$bin" check --no-config -q --format short "$@" 2>&1 >/dev/null) || true
    n=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' <<<"$log")
    [[ -n $n ]] || { echo "no count for $label:" >&2; echo "$log" | tail -5 >&2; exit 1; }
    awk -v label="$label" -v n="$n" 'BEGIN { printf "%-14s %8.1f M instructions\n", label, n / 1e6 }'
}

count "terms N10" --claims "$rules/N10/claims.toml" "$corpus/dir100m/part00" "$corpus/dir100m/part01"
count "terms N1000" --claims "$rules/N1000/claims.toml" "$corpus/dir100m/part00" "$corpus/dir100m/part01"
count "real claims" --claims claims/trotsky.toml "$corpus/dir100m/part00"
count "start-up" --claims claims/trotsky.toml "$corpus/small2k.txt"
