#!/bin/sh
# Whole processes side by side: diplograph's `path`, `neighbors`, `timeline` from the cached graph
# image (and the first, uncached run that builds it) against NetworkX's and pyoxigraph's whole
# processes, on the graph ../shared/bench/peers.py writes; then shortest paths as queries alone
# on peers.py's own pairs. CPU time (user + sys) is the main figure: the machine is shared.
#
#   bench/cache/run.sh [--sizes 100000,1000000] [--runs 3] [--peers PATH/peers.py] [--work DIR]
#
# Needs a release build (cargo build --release --example pathbench), python3 with networkx and
# pyoxigraph, GNU time (/usr/bin/time). Prints Markdown rows on stdout, details on stderr.
# SKIP_PEERS=1 leaves out the peers.py processes (minutes each at 1M on a loaded machine).
set -eu
cd "$(dirname "$0")/../.."
SIZES=100000,1000000
RUNS=3
PEERS=../shared/bench/peers.py
WORK=bench/work/cache
while [ $# -gt 0 ]; do
    case $1 in
        --sizes) SIZES=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --peers) PEERS=$2; shift 2 ;;
        --work) WORK=$2; shift 2 ;;
        *) sed -n '2,11p' "$0"; exit 2 ;;
    esac
done
T=${CARGO_TARGET_DIR:-target}/release
BIN=$T/diplograph
PATHBENCH=$T/examples/pathbench
mkdir -p "$WORK"
export XDG_CACHE_HOME="$(cd "$WORK" && pwd)/xdg"
TIMEFMT="%U %S %e %M"

# `measure LABEL CMD...`: runs CMD $RUNS times, prints the row with the best CPU time (user+sys s,
# wall s, peak RSS MiB) of the runs.
measure() {
    label=$1; shift
    best=""
    i=0
    while [ $i -lt "$RUNS" ]; do
        /usr/bin/time -f "$TIMEFMT" -o "$WORK/time" "$@" >"$WORK/out" 2>"$WORK/err" || {
            echo "$label: failed: $(tail -3 "$WORK/err")" >&2; return 0; }
        row=$(awk '{printf "%.2f %.2f %.0f", $1 + $2, $3, $4 / 1024}' "$WORK/time")
        echo "  $label run $i: cpu wall MiB = $row" >&2
        if [ -z "$best" ] || awk -v a="$row" -v b="$best" 'BEGIN{split(a,x," ");split(b,y," ");exit !(x[1]<y[1])}'; then
            best=$row
        fi
        i=$((i + 1))
    done
    echo "$best" | awk -v l="$label" -v n="$N" '{printf "| %s | %s | %s s | %s s | %s MiB |\n", n, l, $1, $2, $3}'
}

echo "| claims | whole process | CPU (user+sys) | wall | peak RSS |"
echo "| ---: | --- | ---: | ---: | ---: |"
for N in $(echo "$SIZES" | tr , ' '); do
    DATA=$WORK/peers-$N
    [ -f "$DATA/relations.csv" ] || python3 "$PEERS" "$N" graph-data "$DATA" >&2
    [ -s "$WORK/pairs-$N" ] || python3 bench/cache/pairs.py "$PEERS" "$N" >"$WORK/pairs-$N" 2>/dev/null
    set -- $(head -1 "$WORK/pairs-$N")
    FROM=$1 TO=$2
    echo "size $N: uptime $(uptime)" >&2
    # The first run after a change: CSV loaded and validated, the image written.
    rm -rf "$XDG_CACHE_HOME"
    RUNS_SAVED=$RUNS RUNS=1
    measure "diplograph path (first run: CSV, writes the image)" "$BIN" --data "$DATA" path "$FROM" "$TO"
    RUNS=$RUNS_SAVED
    measure "diplograph path (cached image)" "$BIN" --data "$DATA" path "$FROM" "$TO"
    measure "diplograph neighbors (cached image)" "$BIN" --data "$DATA" neighbors "$FROM"
    measure "diplograph timeline ENTITY (cached image)" "$BIN" --data "$DATA" timeline "$FROM"
    measure "diplograph path --no-cache" "$BIN" --no-cache --data "$DATA" path "$FROM" "$TO"
    measure "NetworkX: read relations.csv, one shortest path (bench/cache/nx_path.py)" python3 bench/cache/nx_path.py "$DATA" "$FROM" "$TO"
    if [ -z "${SKIP_PEERS:-}" ]; then
    RUNS_SAVED=$RUNS RUNS=1
    measure "peers.py $N networkx (its graph, 20 shortest, k=10, all paths)" python3 "$PEERS" "$N" networkx
    cat "$WORK/out" >&2
    measure "peers.py $N pyoxigraph (its triples, N-Triples + Turtle)" python3 "$PEERS" "$N" pyoxigraph
    cat "$WORK/out" >&2
    RUNS=$RUNS_SAVED
    fi
    echo "size $N: shortest path alone, peers.py's pairs: $("$PATHBENCH" --data "$DATA" --pairs "$WORK/pairs-$N" --rounds 5)" >&2
done
echo "uptime at the end: $(uptime)" >&2
