#!/usr/bin/env bash
# Shows that every export is byte-identical between a given git revision's code and the working
# tree's: `export --all --no-svg` of the working tree's graph-data/ (the shipped graph) and of a
# synthetic graph of CLAIMS claims, written by both binaries and compared file by file. Both read
# the same data, so only a change of code shows.
#
#   bench/compare-exports.sh [REV] [CLAIMS]     (defaults: main, 10000)
#
# REV is built in a temporary git worktree; set OLD_BIN (and NEW_BIN) to binaries already built
# to skip the builds. PROFILE=debug builds faster than the default release profile. WORK is the
# scratch folder (default: a temporary one). Exits 1 and lists the files that differ if any do.
set -euo pipefail

rev="${1:-main}"
claims="${2:-10000}"
profile="${PROFILE:-release}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${WORK:-$(mktemp -d)}"
mkdir -p "$work"
flag=()
[ "$profile" = release ] && flag=(--release)

if [ -z "${OLD_BIN:-}" ]; then
    old_tree="$work/old-tree"
    git -C "$repo" worktree add --detach "$old_tree" "$rev" >/dev/null
    trap 'git -C "$repo" worktree remove --force "$old_tree"' EXIT
    (cd "$old_tree" && CARGO_TARGET_DIR="$work/old-target" cargo build "${flag[@]}" --bin diplograph)
    OLD_BIN="$work/old-target/$profile/diplograph"
fi
target="${CARGO_TARGET_DIR:-$repo/target}"
if [ -z "${NEW_BIN:-}" ]; then
    (cd "$repo" && cargo build "${flag[@]}" --bin diplograph)
    NEW_BIN="$target/$profile/diplograph"
fi

data="$work/synth-$claims"
if [ ! -d "$data" ]; then
    (cd "$repo" && cargo run "${flag[@]}" --example synth -- --claims "$claims" --seed 1 --out "$data")
fi

status=0
for graph in shipped "synth-$claims"; do
    args=(--data "$repo/graph-data")
    [ "$graph" != shipped ] && args=(--data "$data")
    for side in old new; do
        bin="$OLD_BIN"
        [ "$side" = new ] && bin="$NEW_BIN"
        rm -rf "$work/$graph-$side"
        "$bin" "${args[@]}" export --all --no-svg --out "$work/$graph-$side" >/dev/null
    done
    files=$(cd "$work/$graph-old" && find . -type f | wc -l)
    if diff -r "$work/$graph-old" "$work/$graph-new" >/dev/null; then
        echo "$graph: $files files, byte-identical"
    else
        echo "$graph: the exports differ:"
        diff -rq "$work/$graph-old" "$work/$graph-new" || true
        status=1
    fi
done
exit $status
