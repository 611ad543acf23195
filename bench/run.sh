#!/bin/sh
# The side-by-side benchmark in one command (see bench/README.md):
#   bench/run.sh [--sizes 10000,100000,1000000] [--runs 3] [--no-peers] [--no-build] [--help]
# Needs cargo and python3 (3.9+); the peers are pip-installed into bench/work/venv.
set -eu
cd "$(dirname "$0")/.."
PY=${DIPLOGRAPH_PYTHON:-python3}
if ! command -v "$PY" >/dev/null 2>&1; then
    echo "bench/run.sh: $PY not found; install Python 3 (or set DIPLOGRAPH_PYTHON)" >&2
    exit 1
fi
BENCH_COMMAND="bench/run.sh $*" exec "$PY" bench/bench.py "$@"
