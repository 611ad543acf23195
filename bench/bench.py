#!/usr/bin/env python3
"""The side-by-side benchmark: diplograph, its peers and the physical floor on the same data.

    bench/run.sh [--sizes 10000,100000,1000000] [--runs 3] [--no-peers] [--no-build]

Builds diplograph in release, generates synthetic graph-data at each size (bench/synth),
installs the peers into bench/work/venv (rdflib, pyoxigraph, networkx, python-igraph if it
installs), runs every measurement, and writes bench/RESULTS.md (and the raw numbers to
bench/work/results.json). Each process is timed from outside: wall time by this driver, CPU time
(user + sys) and max RSS by GNU time (or os.wait4 without it). Only the standard library is used.
See bench/README.md.
"""

import argparse
import datetime
import json
import os
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import endpoints  # noqa: E402

PEERS = ["rdflib", "pyoxigraph", "networkx"]
OPTIONAL_PEERS = ["python-igraph"]
EXPORTS = [("turtle", "ttl"), ("ntriples", "nt"), ("nquads", "nq"), ("dot", "dot"), ("csv", "csv")]


def log(*parts):
    print("[bench]", *parts, file=sys.stderr, flush=True)


# --- running and measuring ------------------------------------------------------------------


GNU_TIME = "/usr/bin/time"


def gnu_time_works():
    try:
        r = subprocess.run([GNU_TIME, "-f", "%M", "true"], capture_output=True, text=True)
        return r.returncode == 0 and r.stderr.strip().isdigit()
    except OSError:
        return False


USE_GNU_TIME = gnu_time_works()


def run_once(cmd, timeout, stdout_path=None, cwd=None):
    """Runs `cmd` once. Returns wall and CPU seconds, max RSS (KiB), exit code, stdout (when not
    sent to `stdout_path`) and the tail of stderr.

    CPU time and max RSS come from GNU time (`/usr/bin/time`) when it is installed: a child
    forked from this Python process would inherit its ~17 MiB high-water mark (Linux keeps the
    pre-exec peak in ru_maxrss), which hides the footprint of small processes. Without GNU time
    they come from os.wait4, with that floor."""
    out = open(stdout_path, "wb") if stdout_path else tempfile.TemporaryFile()
    err = tempfile.TemporaryFile()
    usage_file = tempfile.NamedTemporaryFile(prefix="bench-time-", delete=False)
    usage_file.close()
    full = [GNU_TIME, "-o", usage_file.name, "-f", "%U %S %M", *cmd] if USE_GNU_TIME else list(cmd)
    started = time.perf_counter()
    proc = subprocess.Popen(full, stdout=out, stderr=err, cwd=cwd, start_new_session=True)
    killed = []

    def kill():
        killed.append(True)
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    timer = threading.Timer(timeout, kill)
    timer.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu, rss_kib = usage.ru_utime + usage.ru_stime, usage.ru_maxrss
    if USE_GNU_TIME:
        lines = Path(usage_file.name).read_text().strip().splitlines()
        fields = lines[-1].split() if lines else []
        if len(fields) == 3:
            cpu, rss_kib = float(fields[0]) + float(fields[1]), int(fields[2])
    os.unlink(usage_file.name)
    stdout = ""
    if not stdout_path:
        out.seek(0)
        stdout = out.read().decode("utf-8", "replace")
    out.close()
    err.seek(0)
    stderr = err.read().decode("utf-8", "replace")
    err.close()
    return {
        "wall": wall,
        "cpu": cpu,
        "rss_kib": rss_kib,
        "code": proc.returncode,
        "timed_out": bool(killed),
        "stdout": stdout,
        "stderr_tail": stderr.strip().splitlines()[-3:] if stderr.strip() else [],
    }


def measure(name, tool, cmd, runs, timeout, stdout_path=None, parse_json=False, note=""):
    """Runs `cmd` `runs` times (stopping at the first failure) and summarizes: medians of wall,
    CPU and max RSS. `parse_json`: stdout is one JSON object per run (all kept in `outputs`, the
    last in `output`)."""
    log(f"{name} [{tool}]: {' '.join(shlex.quote(str(c)) for c in cmd)}")
    rows = []
    for _ in range(runs):
        r = run_once([str(c) for c in cmd], timeout, stdout_path=stdout_path)
        rows.append(r)
        if r["code"] != 0 or r["timed_out"]:
            break
    last = rows[-1]
    result = {
        "name": name,
        "tool": tool,
        "cmd": " ".join(shlex.quote(str(c)) for c in cmd),
        "runs": len(rows),
        "note": note,
    }
    if last["timed_out"]:
        result.update(status="timeout", reason=f"killed after {timeout} s")
    elif last["code"] != 0:
        result.update(status="n/a", reason=" / ".join(last["stderr_tail"]) or f"exit code {last['code']}")
    else:
        result.update(
            status="ok",
            wall=statistics.median(r["wall"] for r in rows),
            cpu=statistics.median(r["cpu"] for r in rows),
            rss_kib=statistics.median(r["rss_kib"] for r in rows),
            walls=[r["wall"] for r in rows],
        )
        if parse_json:
            try:
                result["outputs"] = [json.loads(r["stdout"]) for r in rows]
                result["output"] = result["outputs"][-1]
            except json.JSONDecodeError:
                result.update(status="n/a", reason="no JSON on stdout")
    log(f"  -> {result['status']} {fmt_s(result.get('wall'))} s {fmt_mib(result.get('rss_kib'))} MiB {result.get('reason', '')}")
    return result


# --- setup ----------------------------------------------------------------------------------


def target_dir():
    if os.environ.get("CARGO_TARGET_DIR"):
        return Path(os.environ["CARGO_TARGET_DIR"])
    meta = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )
    return Path(json.loads(meta.stdout)["target_directory"])


def build(skip, work):
    """Builds the release binaries and copies them to WORK/bin, so that another build in a shared
    target directory cannot replace or delete them during the run."""
    if not skip:
        log("building diplograph and the bench examples in release")
        subprocess.run(
            ["cargo", "build", "--release", "--bin", "diplograph",
             "--example", "synth", "--example", "querybench", "--example", "exportbench", "--example", "floor"],
            cwd=ROOT, check=True,
        )
    release = target_dir() / "release"
    built = {
        "diplograph": release / "diplograph",
        "synth": release / "examples" / "synth",
        "querybench": release / "examples" / "querybench",
        "exportbench": release / "examples" / "exportbench",
        "floor": release / "examples" / "floor",
    }
    snapshot = work / "bin"
    snapshot.mkdir(parents=True, exist_ok=True)
    bins = {}
    for name, path in built.items():
        if not path.exists():
            sys.exit(f"missing {path}: run without --no-build")
        bins[name] = snapshot / name
        shutil.copy2(path, bins[name])
    return bins


def venv(work, offline):
    """The venv's python, with the peers installed; and the peers' versions."""
    env_dir = work / "venv"
    python = env_dir / "bin" / "python"
    if not python.exists():
        log(f"creating {env_dir}")
        subprocess.run([sys.executable, "-m", "venv", str(env_dir)], check=True)
    if not offline:
        pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        log("installing the peers: " + ", ".join(PEERS))
        subprocess.run(pip + PEERS, check=True)
        for optional in OPTIONAL_PEERS:
            if subprocess.run(pip + [optional]).returncode != 0:
                log(f"{optional} did not install; its rows will be n/a")
    versions = {}
    for module, dist in [("rdflib", "rdflib"), ("pyoxigraph", "pyoxigraph"), ("networkx", "networkx"),
                         ("igraph", "python-igraph")]:
        r = subprocess.run(
            [str(python), "-c", f"import importlib.metadata as m, {module}; print(m.version('{dist}'))"],
            capture_output=True, text=True,
        )
        versions[module] = r.stdout.strip() if r.returncode == 0 else None
    return python, versions


def machine():
    def sh(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip()
        except OSError:
            return "(unavailable)"

    return {
        "nproc": sh(["nproc"]),
        "free_g": sh(["free", "-g"]),
        "uname": sh(["uname", "-a"]),
        "rustc": sh(["rustc", "--version"]),
        "python": sys.version.split()[0],
        "cpu": next(
            (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
             if line.startswith("model name")),
            "(unknown)",
        ) if Path("/proc/cpuinfo").exists() else "(unknown)",
    }


def loadavg():
    try:
        return Path("/proc/loadavg").read_text().split()[:3]
    except OSError:
        return None


def folder_bytes(path):
    path = Path(path)
    if path.is_dir():
        return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    return path.stat().st_size if path.exists() else None


def remove(path):
    path = Path(path)
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists():
        path.unlink()


# --- one size -------------------------------------------------------------------------------


def probe_exports(bins, work, timeout):
    """Which export formats the binary implements, tried on the small built-in graph."""
    status = {}
    for fmt, ext in EXPORTS:
        out = work / f"probe.{ext}"
        if fmt == "csv":
            out.mkdir(parents=True, exist_ok=True)
        r = run_once([str(bins["diplograph"]), "export", "--format", fmt, "-o", str(out)], timeout)
        status[fmt] = None if r["code"] == 0 else (" / ".join(r["stderr_tail"]) or f"exit code {r['code']}")
        remove(out)
    return status


def bench_size(size, args, bins, python, export_status):
    work = Path(args.work)
    data = work / "data" / str(size)
    out = work / "out" / str(size)
    remove(out)
    out.mkdir(parents=True, exist_ok=True)
    res = {"size": size, "measurements": []}
    m = res["measurements"]
    T = args.timeout

    gen = measure("generate", "synth", [bins["synth"], "--claims", size, "--seed", args.seed, "--out", data], 1, T)
    m.append(gen)
    if gen["status"] != "ok":
        sys.exit(f"the generator failed: {gen.get('reason')}")
    files = [data / f for f in ["sources.csv", "predicates.csv", "entities.csv", "relations.csv"]]
    res["data_bytes"] = sum(f.stat().st_size for f in files)
    ends = endpoints.choose(str(data))
    res["endpoints"] = ends
    log(f"endpoints: {ends}")

    # The floor: reading.
    m.append(measure("read CSV bytes (std::fs::read, no parsing)", "floor", [bins["floor"], "read-bytes", data],
                     args.runs, T))
    m.append(measure("parse CSV records (Rust csv crate, no processing)", "floor",
                     [bins["floor"], "read-csv", data], args.runs, T))
    m.append(measure("parse CSV records (Python csv module, no processing)", "floor",
                     [sys.executable, "-c",
                      "import csv,sys\ncsv.field_size_limit(1<<24)\nn=0\n"
                      "for p in sys.argv[1:]:\n with open(p,newline='',encoding='utf-8') as f:\n"
                      "  for row in csv.reader(f): n+=1\nprint(n)", *files], args.runs, T))

    # diplograph.
    # --no-cache: these rows time the load from CSV, as they always have; the rows after them
    # time the cached image (a private cache folder under WORK, emptied first).
    dg = [bins["diplograph"], "--data", data, "--no-cache"]
    check = measure("check (load + validate)", "diplograph", dg + ["check"], args.runs, T)
    m.append(check)
    cache = work / "cache"
    remove(cache)
    os.environ["XDG_CACHE_HOME"] = str(cache)
    cached = [bins["diplograph"], "--data", data]
    path_args = ["path", ends["source"], ends["target"]]
    m.append(measure("path A B, whole process, first run (load + save the image)", "diplograph",
                     cached + path_args, 1, T))
    for name, extra in [("path A B", path_args), ("check", ["check"]),
                        ("neighbors HUB", ["neighbors", ends["hub"]])]:
        m.append(measure(f"{name}, whole process, cached image", "diplograph", cached + extra, args.runs, T))
    m.append(measure("path A B, whole process, --no-cache", "diplograph", dg + path_args, args.runs, T))
    remove(cache)
    nt_file = ttl_file = None
    for fmt, ext in EXPORTS:
        target = out / f"diplograph.{ext}"
        if export_status.get(fmt):
            m.append({"name": f"export {fmt}", "tool": "diplograph", "status": "n/a",
                      "reason": export_status[fmt], "cmd": "", "runs": 0, "note": "probed on the built-in graph"})
            continue
        if fmt == "csv":
            target.mkdir(parents=True, exist_ok=True)
        r = measure(f"export {fmt}", "diplograph", dg + ["export", "--format", fmt, "-o", target], args.runs, T)
        r["bytes"] = folder_bytes(target)
        m.append(r)
        if fmt == "ntriples" and r["status"] == "ok":
            nt_file = target
        elif fmt == "turtle" and r["status"] == "ok":
            ttl_file = target
        else:
            remove(target)

    # The RDF writers alone, after one load (what the peers' "serialize" times are compared with).
    m.append(measure(EXPORT_ALONE, "diplograph",
                     [bins["exportbench"], "--data", data, "--out", out / "exportbench.out",
                      "--format", "ntriples", "--format", "turtle", "--format", "nquads", "--repeat", args.runs],
                     1, T, parse_json=True))

    # Issue 16, item 3 (the loader helper's rows): the writers against dd, paired.
    res["writers_paired"] = writers_paired(bins, data, out, args.runs, T)

    q = measure("queries (one process: load once, then each query alone)", "diplograph",
                [bins["querybench"], "--data", data, "--hub", ends["hub"], "--from", ends["source"],
                 "--to", ends["target"], "--all-paths-to", ends["hub2"], "--repeat", args.runs],
                1, T, parse_json=True)
    m.append(q)

    # Peers.
    peer_nt = None
    if not args.no_peers:
        for lib in ["pyoxigraph", "rdflib"]:
            for fmt in ["nt", "ttl"]:
                name = f"RDF {'N-Triples' if fmt == 'nt' else 'Turtle'}"
                if lib == "rdflib" and size > args.rdflib_max:
                    m.append({"name": name, "tool": lib, "status": "skipped", "cmd": "", "runs": 0,
                              "reason": f"rdflib is impractical above {args.rdflib_max:,} claims "
                                        "(its Turtle writer is superlinear); skipped", "note": ""})
                    continue
                target = out / f"{lib}.{fmt}"
                cmd = [python, HERE / "peers" / "rdf_peer.py", "--lib", lib, "--format", fmt, "--out", target]
                if nt_file:
                    cmd += ["--triples", nt_file] + (["--prefixes-from", ttl_file] if ttl_file else [])
                    note = "the triples of diplograph's N-Triples export"
                else:
                    cmd += ["--data", data]
                    note = "triples built from the CSV (diplograph's export is not available)"
                runs = args.runs if lib == "pyoxigraph" else min(args.runs, args.slow_peer_runs)
                r = measure(name, lib, cmd, runs, T, parse_json=True, note=note)
                r["bytes"] = folder_bytes(target)
                m.append(r)
                if lib == "pyoxigraph" and fmt == "nt" and r["status"] == "ok":
                    peer_nt = target
                else:
                    remove(target)
        for lib in ["networkx", "igraph"]:
            m.append(measure("queries (one process: build graph once, then each query alone)", lib,
                             [python, HERE / "peers" / "graph_peer.py", "--lib", lib, "--data", data,
                              "--hub", ends["hub"], "--from", ends["source"], "--to", ends["target"],
                              "--all-paths-to", ends["hub2"], "--repeat", args.runs],
                             1, T, parse_json=True))

    # The floor: writing as many bytes as the N-Triples output (ours, else pyoxigraph's).
    reference = nt_file or peer_nt
    if reference:
        size_bytes = folder_bytes(reference)
        res["nt_reference"] = {"file": "diplograph" if nt_file else "pyoxigraph", "bytes": size_bytes}
        sink = out / "floor.out"
        m.append(measure("buffered write of the N-Triples byte count", "floor",
                         [bins["floor"], "write", "--bytes", size_bytes, "--out", sink], args.runs, T))
        m.append(measure("buffered write of the N-Triples byte count + fsync", "floor",
                         [bins["floor"], "write", "--bytes", size_bytes, "--out", sink, "--fsync"], args.runs, T))
        m.append(measure("plain copy of the N-Triples file (dd bs=1M)", "floor",
                         ["dd", f"if={reference}", f"of={sink}", "bs=1M", "status=none"], args.runs, T))
        remove(sink)
    if not args.keep_outputs:
        remove(out)
    return res


# --- issue 16, item 3: the writers against dd, paired in one run (the loader helper's rows) ----


WRITERS_PAIRED = "RDF writers paired with dd (one process: load once, each export then a dd of its bytes)"


def writers_paired(bins, data, out, runs, timeout):
    """Each RDF writer timed after one load and paired with a `dd bs=1M` copy of the very bytes
    it just wrote, run right after it (bench/exportbench.rs --dd), so that both meet the same
    machine load; once formatting on one thread (--threads 1) and once on one thread per core
    (the default, as `diplograph export` does)."""
    rows = []
    for threads in [1, None]:
        cmd = [bins["exportbench"], "--data", data, "--out", out / "paired.out", "--dd",
               "--format", "ntriples", "--format", "turtle", "--repeat", runs]
        if threads:
            cmd += ["--threads", threads]
        r = measure(WRITERS_PAIRED, "diplograph", cmd, 1, timeout, parse_json=True)
        r["threads"] = threads or "default"
        rows.append(r)
    return rows


def writers_paired_table(res, w):
    """The paired writers' section of the report: medians of each export and of its dd."""
    rows = [r for r in res.get("writers_paired", []) if r["status"] == "ok"]
    if not rows:
        return
    w("### Writers against dd, paired (issue 16)")
    w("")
    w("Each export is followed by a `dd bs=1M` copy of its own output in the same process; the "
      "ratio is the median of the per-pair ratios (wall), CPU is user + system.")
    w("")
    w("| syntax | threads | MB | write wall (s) | write CPU (s) | dd wall (s) | dd CPU (s) | write / dd |")
    w("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        for e in r["output"]["exports"]:
            med = lambda k: statistics.median(e[k]) if e.get(k) else None
            w(f"| {e['syntax']} | {r['threads']} | {e['bytes'] / 1e6:.0f} | {fmt_s(med('seconds'))} | "
              f"{fmt_s(med('cpu_seconds'))} | {fmt_s(med('dd_seconds'))} | {fmt_s(med('dd_cpu_seconds'))} | "
              f"{med('export_over_dd'):.2f}× |")
    w("")


# --- the report -----------------------------------------------------------------------------


EXPORT_ALONE = "RDF exports (one process: load once, then each syntax alone)"


def export_alone(res, fmt):
    """The median time of diplograph writing `fmt` alone, after the load (bench/exportbench.rs)."""
    r = find(res, EXPORT_ALONE, "diplograph")
    if not r or r.get("status") != "ok":
        return None
    for e in (r.get("output") or {}).get("exports", []):
        if e.get("syntax") == fmt and e.get("seconds"):
            return statistics.median(e["seconds"])
    return None


def fmt_s(v):
    if v is None:
        return "n/a"
    if v >= 100:
        return f"{v:.0f}"
    if v >= 1:
        return f"{v:.2f}"
    if v >= 0.001:
        return f"{v:.4f}".rstrip("0")
    return f"{v:.2g}"


def fmt_mib(kib):
    return "n/a" if kib is None else f"{kib / 1024:.0f}"


def ratio(a, b):
    """How many times `a` is `b` (a / b), as text."""
    if a is None or b is None or b == 0:
        return "n/a"
    return f"{a / b:.2f}×" if a / b < 10 else f"{a / b:.0f}×"


def find(res, name, tool):
    for r in res["measurements"]:
        if r["name"] == name and r["tool"] == tool:
            return r
    return None


def wall(res, name, tool):
    r = find(res, name, tool)
    return r.get("wall") if r and r.get("status") == "ok" else None


def median_of(r, key):
    """The median of `key` over a measurement's JSON outputs."""
    values = [o[key] for o in r.get("outputs") or [r.get("output") or {}] if key in o]
    return statistics.median(values) if values else None


def serialized(res, name, tool):
    """A peer's serialization time alone (median over runs)."""
    r = find(res, name, tool)
    return median_of(r, "serialize_seconds") if r and r.get("status") == "ok" else None


def cpu(res, name, tool):
    r = find(res, name, tool)
    return r.get("cpu") if r and r.get("status") == "ok" else None


def rss(res, name, tool):
    r = find(res, name, tool)
    return r.get("rss_kib") if r and r.get("status") == "ok" else None


QUERIES = [
    ("shortest_path", "shortest path"),
    ("k_shortest_paths", "k = 10 shortest paths"),
    ("all_simple_paths", "all simple paths ≤ 4 hops (cap 10,000)"),
    ("time_respecting_path", "time-respecting path"),
    ("neighbourhood_depth2", "depth-2 neighbourhood of the hub"),
    ("timeline", "full timeline"),
]


def query_table(res):
    """{query: {tool: (median seconds or None, answer or reason)}}"""
    table = {q: {} for q, _ in QUERIES}
    for r in res["measurements"]:
        if not r["name"].startswith("queries"):
            continue
        if r["status"] != "ok":
            for q, _ in QUERIES:
                table[q][r["tool"]] = (None, f"{r['status']} (see Processes)")
            continue
        out = r["output"]
        if r["tool"] == "diplograph":
            for item in out["queries"]:
                tool = "petgraph (reference)" if item["impl"] == "petgraph-reference" else "diplograph"
                if item["status"] == "ok":
                    table[item["query"]][tool] = (statistics.median(item["seconds"]), item.get("answer"))
                    if tool == "diplograph" and item["impl"] != "diplograph":
                        table[item["query"]][tool] = (statistics.median(item["seconds"]),
                                                      f"{item.get('answer')}; {item['impl']}")
                else:
                    table[item["query"]][tool] = (None, "pending: " + item.get("note", ""))
        else:
            for q, item in out["queries"].items():
                table[q][r["tool"]] = (statistics.median(item["seconds"]), item.get("answer"))
    return table


def query_rss(res, tool):
    for r in res["measurements"]:
        if r["name"].startswith("queries") and r["tool"] == tool and r["status"] == "ok":
            return r["rss_kib"], r["output"]
    return None, None


def write_report(path, results, meta):
    L = []
    w = L.append
    w("# diplograph benchmark results")
    w("")
    w("Generated by `bench/bench.py` (see [README.md](README.md) for what is measured and how to read it).")
    w("Numbers are medians of the runs; times in seconds, memory is max RSS in MiB of the whole process.")
    w("")
    w(f"- **Date**: {meta['date']}")
    w(f"- **Command**: `{meta['command']}`")
    w(f"- **Commit**: `{meta['commit']}`")
    w(f"- **Machine**: {meta['machine']['cpu']}, `nproc` = {meta['machine']['nproc']}; "
      f"`{meta['machine']['uname']}`")
    w(f"- **Toolchain**: {meta['machine']['rustc']}; Python {meta['machine']['python']}; peers: " +
      (", ".join(f"{k} {v}" for k, v in meta["versions"].items() if v) or "not run (--no-peers)"))
    w(f"- **Load average** (1/5/15 min) at start: {' '.join(meta['load_start'] or [])}; at end: "
      f"{' '.join(meta['load_end'] or [])}. Other processes share the machine; compare CPU time when "
      "wall time looks noisy.")
    w("")
    w("```")
    w("$ free -g")
    w(meta["machine"]["free_g"])
    w("```")
    w("")
    targets = evaluate_targets(results)
    w("## Targets (issue 8)")
    w("")
    w("| target | measured | status |")
    w("| --- | --- | --- |")
    for t, measured, status in targets:
        w(f"| {t} | {measured} | {status} |")
    w("")
    if (HERE / "PROFILE.md").exists():
        w("Where the time goes for the targets not met, and what it would take to meet them: "
          "[PROFILE.md](PROFILE.md).")
        w("")
    for res in results:
        size = res["size"]
        check = find(res, "check (load + validate)", "diplograph")
        w(f"## {size:,} claims")
        w("")
        ends = res["endpoints"]
        w(f"Data: {res['data_bytes'] / 1e6:.1f} MB of CSV; generated in {fmt_s(wall(res, 'generate', 'synth'))} s. "
          f"Hub `{ends['hub']}` ({ends['hub_neighbours']:,} neighbours), second hub `{ends['hub2']}` "
          f"({ends['hub2_neighbours']:,}); paths from `{ends['source']}` ({ends['source_neighbours']} "
          f"neighbours) to `{ends['target']}` ({ends['target_neighbours']}; {ends['source_target_hops']} hops apart); "
          f"all simple paths from `{ends['source']}` to `{ends['hub2']}`.")
        if res.get("nt_reference"):
            w(f"N-Triples size used for the write floor: {res['nt_reference']['bytes'] / 1e6:.0f} MB "
              f"({res['nt_reference']['file']}'s output).")
        w("")
        w("### Processes")
        w("")
        w("| what | tool | wall (s) | CPU (s) | max RSS (MiB) | runs | notes |")
        w("| --- | --- | ---: | ---: | ---: | ---: | --- |")
        for r in res["measurements"]:
            if r["status"] == "ok":
                notes = []
                if r.get("bytes"):
                    notes.append(f"{r['bytes'] / 1e6:.0f} MB written")
                out = r.get("output") or {}
                if "parse_seconds" in out:
                    notes.append(f"parse diplograph's N-Triples {fmt_s(median_of(r, 'parse_seconds'))} s, "
                                 f"**serialize {fmt_s(median_of(r, 'serialize_seconds'))} s**; {out['triples']:,} triples")
                elif "serialize_seconds" in out:
                    notes.append(f"CSV read {fmt_s(out['read_seconds'])} s, build {fmt_s(out['build_seconds'])} s, "
                                 f"**serialize {fmt_s(median_of(r, 'serialize_seconds'))} s**; {out['triples']:,} triples")
                if "exports" in out:
                    notes.append("write alone: " + ", ".join(
                        f"{e['syntax']} **{fmt_s(statistics.median(e['seconds']))} s** ({e['bytes'] / 1e6:.0f} MB)"
                        for e in out["exports"]))
                if "load_seconds" in out:
                    notes.append(f"load {fmt_s(out['load_seconds'])} s; peak RSS by the end of the load "
                                 f"{fmt_mib(out['memory_after_load']['peak_kib'])} MiB")
                if "query_index_seconds" in out:
                    notes.append(f"adjacency index built by the first query {fmt_s(out['query_index_seconds'])} s")
                if "build_seconds" in out and "nodes" in out:
                    notes.append(f"graph build {fmt_s(out['build_seconds'])} s ({out['nodes']:,} nodes, "
                                 f"{out['edges']:,} edges)")
                if r.get("note"):
                    notes.append(r["note"])
                w(f"| {r['name']} | {r['tool']} | {fmt_s(r['wall'])} | {fmt_s(r['cpu'])} | "
                  f"{fmt_mib(r['rss_kib'])} | {r['runs']} | {'; '.join(notes)} |")
            else:
                w(f"| {r['name']} | {r['tool']} | {r['status']} | | | {r['runs']} | {r.get('reason', '')} |")
        w("")
        writers_paired_table(res, w)
        w("### Queries (the query alone, after the graph is loaded; median of the repetitions)")
        w("")
        table = query_table(res)
        tools = ["diplograph", "petgraph (reference)", "networkx", "igraph"]
        w("| query | " + " | ".join(f"{t} (s)" for t in tools) + " | networkx / diplograph | igraph / diplograph "
          "| answers |")
        w("| --- | " + " | ".join("---:" for _ in tools) + " | ---: | ---: | --- |")
        for q, label in QUERIES:
            row = table[q]
            cells = [fmt_s(row[t][0]) if t in row else "—" for t in tools]
            dg = row.get("diplograph", (None, None))[0]
            nx = row.get("networkx", (None, None))[0]
            ig = row.get("igraph", (None, None))[0]
            answers = "; ".join(f"{t}: {row[t][1]}" for t in tools if t in row and row[t][1])
            w(f"| {label} | " + " | ".join(cells) + f" | {ratio(nx, dg)} | {ratio(ig, dg)} | {answers} |")
        w("")
        w("### Ratios")
        w("")
        w("| comparison | on wall time | on CPU time | meaning |")
        w("| --- | ---: | ---: | --- |")

        def both(a, b):
            return f"{ratio(wall(res, *a), wall(res, *b))} | {ratio(cpu(res, *a), cpu(res, *b))}"

        chk = ("check (load + validate)", "diplograph")
        for name in ["read CSV bytes (std::fs::read, no parsing)", "parse CSV records (Rust csv crate, no processing)",
                     "parse CSV records (Python csv module, no processing)"]:
            w(f"| check / {name} | {both(chk, (name, 'floor'))} | times the floor (lower is better) |")
        for fmt, label in [("ntriples", "RDF N-Triples"), ("turtle", "RDF Turtle")]:
            ours = (f"export {fmt}", "diplograph")
            for peer in ["pyoxigraph", "rdflib"]:
                w(f"| {peer} {label}, serialization alone / diplograph export {fmt}, whole process | "
                  f"{ratio(serialized(res, label, peer), wall(res, *ours))} | | "
                  "times faster than the peer's serializer (higher is better) |")
                w(f"| {peer} {label}, whole process / diplograph export {fmt}, whole process | "
                  f"{both((label, peer), ours)} | times faster than the peer (higher is better) |")
            for floor in ["plain copy of the N-Triples file (dd bs=1M)", "buffered write of the N-Triples byte count",
                          "buffered write of the N-Triples byte count + fsync"]:
                w(f"| diplograph export {fmt} / {floor} | {both(ours, (floor, 'floor'))} | "
                  "times the floor (lower is better) |")
        w("")
    w("## Method")
    w("")
    w("- Every row of *Processes* is one command, run `runs` times (stopping at the first failure); wall time "
      "from the driver, CPU time (user + sys) and max RSS " +
      ("from GNU time (`/usr/bin/time`)." if meta.get("gnu_time") else
       "from `os.wait4` (GNU time missing: small processes show the driver's ~17 MiB floor).") + " Medians.")
    w("- The machine may be shared: when the load average is above `nproc`, wall times are inflated; CPU time "
      "is less sensitive, so the *Ratios* table gives both.")
    w("- `n/a`: the command exited non-zero (e.g. an export format not implemented yet); the reason is its stderr.")
    w("- diplograph's exports are probed once on the built-in graph; a format that fails there is not run on the "
      "large data.")
    w("- Queries: one process per tool loads (or builds) the graph once, then runs each query `runs` times; the "
      "table shows the median of those repetitions. diplograph: `Graph::paths(..).shortest()`, "
      "`.k_shortest(10)`, `.max_hops(4).limit(10000).work(usize::MAX).all()` (no work budget, as the peers "
      "have none), `.journeys(1)` (default work budget), `Graph::neighbours(hub).depth(2).run()`, "
      "`Graph::timeline().run()`, default filter, relations followed both ways (`bench/querybench.rs`). "
      "`petgraph (reference)` times petgraph's `astar` and `all_simple_paths` on an undirected simple graph of "
      "the same edges, for orientation. networkx and igraph use that undirected simple graph too (one edge per "
      "pair of entities sharing a relation); the *answers* column shows that every tool answered the same "
      "question.")
    w("- Peers' RDF: rdflib and pyoxigraph parse diplograph's own N-Triples export and serialize exactly those "
      "triples to N-Triples and to Turtle (with the prefixes of diplograph's Turtle export); the notes give the "
      "parse and the serialization alone, in bold the number the targets compare with. (Without diplograph's "
      "export they build similar triples from the CSV instead.) rdflib runs once per format (minutes per run).")
    w("- Floors: the four CSV files read into memory with `std::fs::read`, as diplograph reads them (page cache "
      "warm: the files were just written; `cat > /dev/null` is no floor, the kernel may discard the data "
      "without copying it); the same files parsed record by record with the Rust `csv` crate and with "
      "Python's `csv` module, nothing else; a buffered write of as many bytes as the N-Triples output (with and without fsync — "
      "`diplograph::write_atomically` syncs); a plain `dd bs=1M` copy of the N-Triples file.")
    w("")
    Path(path).write_text("\n".join(L) + "\n", encoding="utf-8")


def evaluate_targets(results):
    """[(target, measured, status)] for the issue's targets, at the sizes they name."""
    by_size = {r["size"]: r for r in results}
    big = by_size.get(1_000_000)
    mid = by_size.get(100_000)
    rows = []

    def status(ok):
        return "**met**" if ok else "**not met**"

    missing_1m = "not measured (1M not in this run)"
    copy_floor = "plain copy of the N-Triples file (dd bs=1M)"
    for fmt, label in [("ntriples", "RDF N-Triples"), ("turtle", "RDF Turtle")]:
        # The peers' serializers are timed after their parse; diplograph's writer likewise after its
        # load (bench/exportbench.rs). The whole `diplograph export` process, load included, is
        # given beside it.
        t = f"{fmt} export at 1M: at least as fast as pyoxigraph serializing the same triples"
        if not big:
            rows.append((t, "", missing_1m))
        else:
            ours, theirs = export_alone(big, fmt), serialized(big, label, "pyoxigraph")
            process = wall(big, f"export {fmt}", "diplograph")
            whole = wall(big, label, "pyoxigraph")
            if ours is None or theirs is None:
                rows.append((t, f"diplograph {fmt_s(ours)} s; pyoxigraph {fmt_s(theirs)} s", "not measurable yet"))
            else:
                rows.append((t, f"writing alone {fmt_s(ours)} s vs pyoxigraph's serializer {fmt_s(theirs)} s; whole "
                                f"processes: `diplograph export` {fmt_s(process)} s (load included), pyoxigraph "
                                f"{fmt_s(whole)} s (parse included)", status(ours <= theirs)))
        t = f"{fmt} export at 1M: within 1.5× of the plain-copy floor"
        if not big:
            rows.append((t, "", missing_1m))
        else:
            ours, floor = export_alone(big, fmt), wall(big, copy_floor, "floor")
            process = wall(big, f"export {fmt}", "diplograph")
            if ours is None or floor is None:
                rows.append((t, f"floor {fmt_s(floor)} s", "not measurable yet"))
            else:
                rows.append((t, f"{ratio(ours, floor)} ({fmt_s(ours)} s writing alone vs {fmt_s(floor)} s to copy the "
                                f"N-Triples file; the whole `diplograph export`, load included, {fmt_s(process)} s = "
                                f"{ratio(process, floor)})", status(ours <= 1.5 * floor)))
        t = f"{fmt} export at 100k: at least 30× faster than rdflib"
        if not mid:
            rows.append((t, "", "not measured (100k not in this run)"))
        else:
            ours, theirs = export_alone(mid, fmt), serialized(mid, label, "rdflib")
            process = wall(mid, f"export {fmt}", "diplograph")
            if ours is None or theirs is None:
                rows.append((t, f"rdflib {fmt_s(theirs)} s", "not measurable yet"))
            else:
                rows.append((t, f"{ratio(theirs, ours)}: rdflib's serializer {fmt_s(theirs)} s vs writing alone "
                                f"{fmt_s(ours)} s (whole processes: rdflib {fmt_s(wall(mid, label, 'rdflib'))} s, "
                                f"`diplograph export` {fmt_s(process)} s = {ratio(wall(mid, label, 'rdflib'), process)})",
                             status(theirs >= 30 * ours)))
    # Load.
    t = "check (load + validate) at 1M: within 3× of reading the CSV with no processing"
    if not big:
        rows.append((t, "", missing_1m))
    else:
        chk = wall(big, "check (load + validate)", "diplograph")
        cat = wall(big, "read CSV bytes (std::fs::read, no parsing)", "floor")
        parse = wall(big, "parse CSV records (Rust csv crate, no processing)", "floor")
        if chk is None:
            rows.append((t, "check failed", "**not met**"))
        else:
            rows.append((t, f"{fmt_s(chk)} s = {ratio(chk, parse)} a Rust CSV parse ({fmt_s(parse)} s), "
                            f"{ratio(chk, cat)} reading the bytes ({fmt_s(cat)} s)",
                         status(parse is not None and chk <= 3 * parse)))
    # Paths vs networkx.
    t = "path queries at 1M: at least 20× faster than networkx (shortest, k = 10, all simple ≤ 4)"
    if not big:
        rows.append((t, "", missing_1m))
    else:
        table = query_table(big)
        parts, ok, pending = [], True, False
        for q in ["shortest_path", "k_shortest_paths", "all_simple_paths"]:
            dg = table[q].get("diplograph", (None, None))[0]
            nx = table[q].get("networkx", (None, None))[0]
            parts.append(f"{q}: {ratio(nx, dg)}")
            if dg is None or nx is None:
                pending = True
            elif nx < 20 * dg:
                ok = False
        rows.append((t, "; ".join(parts), "not measurable yet" if pending else status(ok)))
    # Memory.
    t = "peak memory under 1 GB (load, any query, any export) at 1M"
    if not big:
        rows.append((t, "", missing_1m))
    else:
        peaks = [(r["name"], r["rss_kib"]) for r in big["measurements"]
                 if r["tool"] == "diplograph" and r["status"] == "ok"]
        worst = max(peaks, key=lambda p: p[1]) if peaks else None
        missing = [f for f, _ in EXPORTS if (find(big, f"export {f}", "diplograph") or {}).get("status") != "ok"]
        measured = f"worst: {worst[0]} {fmt_mib(worst[1])} MiB" if worst else "n/a"
        if missing:
            measured += f" (not measured: export {', '.join(missing)})"
        if worst and worst[1] * 1024 >= 1e9:
            rows.append((t, measured, "**not met**"))
        else:
            rows.append((t, measured, "not measurable yet" if missing else status(True)))
    # Streaming: an export's memory is bounded by the graph, not by its output.
    t = "exports stream: memory grows with the graph, not the output"
    if not big:
        rows.append((t, "", missing_1m))
    else:
        graph_rss = rss(big, "check (load + validate)", "diplograph")
        parts, ok, any_export = [], True, False
        for fmt, _ in EXPORTS:
            r = find(big, f"export {fmt}", "diplograph")
            if r and r["status"] == "ok" and graph_rss:
                any_export = True
                parts.append(f"{fmt} {fmt_mib(r['rss_kib'])} MiB for {r['bytes'] / 1e6:.0f} MB")
                # Held in memory, the output would add its size to the graph's footprint.
                if r["rss_kib"] * 1024 > graph_rss * 1024 + 0.5 * r["bytes"]:
                    ok = False
        rows.append((t, f"check {fmt_mib(graph_rss)} MiB; " + "; ".join(parts),
                     status(ok) if any_export else "not measurable yet"))
    rows.append(("progress bar on stderr for long load/export on a terminal", "not measured by the benchmark",
                 "not checked here"))
    return rows


def commit():
    """The commit of the working tree, marked when it has uncommitted changes."""
    def git(*a):
        return subprocess.run(["git", *a], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "(unknown)"
    return head + (" with uncommitted changes" if git("status", "--porcelain", "--untracked-files=no") else "")


def main():
    ap = argparse.ArgumentParser(description="diplograph's side-by-side benchmark")
    ap.add_argument("--sizes", default="10000,100000,1000000", help="claims per dataset, comma-separated")
    ap.add_argument("--runs", type=int, default=3, help="runs per measurement (median reported)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-peers", action="store_true", help="skip rdflib, pyoxigraph, networkx, igraph")
    ap.add_argument("--no-build", action="store_true", help="use the release binaries already built")
    ap.add_argument("--offline", action="store_true", help="do not pip-install (use the venv as it is)")
    ap.add_argument("--rdflib-max", type=int, default=100_000, help="skip rdflib above this many claims")
    ap.add_argument("--slow-peer-runs", type=int, default=1,
                    help="runs for rdflib (minutes per run at 100k; its median matters little)")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds before a process is killed")
    ap.add_argument("--work", default=str(HERE / "work"), help="scratch folder (data, outputs, venv)")
    ap.add_argument("--report", default=str(HERE / "RESULTS.md"), help="where to write the results table")
    ap.add_argument("--keep-outputs", action="store_true", help="keep the exported files")
    ap.add_argument("--report-only", action="store_true",
                    help="rewrite the report from WORK/results.json without measuring anything")
    args = ap.parse_args()
    if args.report_only:
        saved = json.loads((Path(args.work) / "results.json").read_text())
        write_report(args.report, saved["results"], saved["meta"])
        log(f"wrote {args.report}")
        return
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)

    meta = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        # The scratch folder is this machine's: the report names it WORK, not its path.
        "command": (os.environ.get("BENCH_COMMAND") or "bench/bench.py " + " ".join(shlex.quote(a) for a in sys.argv[1:]))
        .replace(f"--work {args.work}", "--work WORK")
        .replace(f"--work={args.work}", "--work=WORK"),
        "commit": commit(),
        "machine": machine(),
        "load_start": loadavg(),
        "gnu_time": USE_GNU_TIME,
    }
    bins = build(args.no_build, work)
    python, versions = (None, {}) if args.no_peers else venv(work, args.offline)
    meta["versions"] = versions
    export_status = probe_exports(bins, work, args.timeout)
    log(f"export formats: {export_status}")
    results = []
    for size in sizes:
        log(f"=== {size:,} claims")
        results.append(bench_size(size, args, bins, python, export_status))
        # Write after every size, so a long run leaves its results even if interrupted.
        meta["load_end"] = loadavg()
        (work / "results.json").write_text(json.dumps({"meta": meta, "results": results}, indent=1))
        write_report(args.report, results, meta)
    log(f"wrote {args.report}")


if __name__ == "__main__":
    main()
