#!/usr/bin/env python3
"""Load diplograph's exports into real triplestore servers and run the example SPARQL queries.

Usage: stores.py STORE EXPORTS_DIR QUERIES_DIR OUT_JSON
  STORE: virtuoso | oxigraph

For each store it starts a server on loopback in a temporary folder (no system-wide service),
bulk-loads graph.nq (named graph per source) and graph.ttl the way that store's users do, runs every
queries/*.rq over the store's SPARQL HTTP endpoint, and writes
  {"load": {...}, "results": {"<query>": {"nq": [rows], "ttl": [rows]}}}
where each answer is {"vars": [...], "rows": [SPARQL 1.1 JSON bindings]} as the store sent them. The server is stopped whatever happens.
Exit status: 0 on success, 1 on a load warning or error or a failed query, 3 when the store's
programs are not installed (the caller decides whether that is a skip or a failure).
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

TTL_GRAPH = "urn:diplograph:load:ttl"
NQ_DEFAULT_GRAPH = "urn:diplograph:load:nq-default"
NO_NAMED_GRAPHS = "urn:diplograph:load:no-named-graphs"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, proc, seconds=120):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited early with status {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"server did not open port {port} within {seconds}s")


def sparql(endpoint, query, default_graphs=(), named_graphs=()):
    params = [("query", query)]
    params += [("default-graph-uri", g) for g in default_graphs]
    params += [("named-graph-uri", g) for g in named_graphs]
    req = urllib.request.Request(
        endpoint,
        data=urllib.parse.urlencode(params).encode(),
        headers={"Accept": "application/sparql-results+json", "Content-Type": "application/x-www-form-urlencoded"},
    )
    with urllib.request.urlopen(req, timeout=120) as r:
        body = json.loads(r.read().decode("utf-8"))
    if "boolean" in body:
        raise RuntimeError("the example queries are SELECT queries; got an ASK answer")
    rows = sorted(body["results"]["bindings"], key=lambda r: json.dumps(r, sort_keys=True))
    return {"vars": body["head"]["vars"], "rows": rows}


def nq_terms(line):
    """Splits one N-Quads line into its terms (IRIs, literals with their tag, blank nodes)."""
    terms, i, n = [], 0, len(line)
    while i < n:
        c = line[i]
        if c in " \t":
            i += 1
        elif c == "<":
            j = line.index(">", i)
            terms.append(line[i:j + 1])
            i = j + 1
        elif c == '"':
            j = i + 1
            while line[j] != '"':
                j += 2 if line[j] == "\\" else 1
            j += 1
            if j < n and line[j] == "@":
                while j < n and line[j] not in " \t":
                    j += 1
            elif line.startswith("^^<", j):
                j = line.index(">", j) + 1
            terms.append(line[i:j])
            i = j
        elif c == "." or c == "#":
            break
        else:
            j = i
            while j < n and line[j] not in " \t":
                j += 1
            terms.append(line[i:j])
            i = j
    return terms


def nq_graphs(path):
    """The named graphs of an N-Quads file."""
    graphs = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            t = nq_terms(line.strip())
            if len(t) == 4:
                graphs.add(t[3][1:-1])
    return graphs


class Server:
    """A store's server process in a temporary folder; stopped (and the folder removed) on exit,
    whatever happened."""

    def __init__(self, exports, prefix):
        self.exports = os.path.abspath(exports)
        self.tmp = tempfile.mkdtemp(prefix=prefix)
        self.proc = None
        self.log = None

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        if self.log:
            self.log.close()
        shutil.rmtree(self.tmp, ignore_errors=True)


class Virtuoso(Server):
    def __init__(self, exports):
        super().__init__(exports, "diplograph-virtuoso-")

    @staticmethod
    def available():
        return shutil.which("virtuoso-t") and shutil.which("isql-vt") and os.path.exists("/etc/virtuoso-opensource-7/virtuoso.ini")

    def __enter__(self):
        self.port, self.http = free_port(), free_port()
        ini = os.path.join(self.tmp, "virtuoso.ini")
        db = os.path.join(self.tmp, "db")
        os.makedirs(db)
        section = None
        lines = []
        with open("/etc/virtuoso-opensource-7/virtuoso.ini", encoding="utf-8") as f:
            for line in f:
                s = line.strip()
                if s.startswith("["):
                    section = s
                key = s.split("=", 1)[0].strip() if "=" in s and not s.startswith(";") else None
                files = {"DatabaseFile", "ErrorLogFile", "LockFile", "TransactionFile", "xa_persistent_file"}
                if section in ("[Database]", "[TempDatabase]") and key in files:
                    stem = "virtuoso-temp" if section == "[TempDatabase]" else "virtuoso"
                    ext = os.path.splitext(s.split("=", 1)[1].strip())[1]
                    line = f"{key} = {os.path.join(db, stem + ext)}\n"
                elif section == "[Parameters]" and key == "ServerPort":
                    line = f"ServerPort = 127.0.0.1:{self.port}\n"
                elif section == "[Parameters]" and key == "DirsAllowed":
                    line = f"DirsAllowed = ., /usr/share/virtuoso-opensource-7/vad, {self.exports}\n"
                elif section == "[HTTPServer]" and key == "ServerPort":
                    line = f"ServerPort = 127.0.0.1:{self.http}\n"
                lines.append(line)
        with open(ini, "w", encoding="utf-8") as f:
            f.writelines(lines)
        self.log = open(os.path.join(self.tmp, "server.out"), "w")
        self.proc = subprocess.Popen(["virtuoso-t", "-c", ini, "+foreground"], cwd=db, stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        wait_for_port(self.port, self.proc)
        wait_for_port(self.http, self.proc)
        return self

    def isql(self, sql):
        r = subprocess.run(["isql-vt", str(self.port), "dba", "dba", f"exec={sql}"], capture_output=True, text=True, timeout=600)
        if r.returncode != 0 or "*** Error" in r.stdout or "*** Error" in r.stderr:
            raise RuntimeError(f"isql failed: {sql}\n{r.stdout}\n{r.stderr}")
        return r.stdout

    def load(self, filename, named):
        # the default graph of the file goes to a graph of its own; N-Quads keep their named graphs
        self.graph = NQ_DEFAULT_GRAPH if filename.endswith(".nq") else TTL_GRAPH
        self.isql(f"ld_dir('{self.exports}', '{filename}', '{self.graph}');")
        self.isql("rdf_loader_run();")
        self.isql("checkpoint;")
        report = self.isql("SELECT ll_file, ll_state, ll_error FROM DB.DBA.LOAD_LIST;")
        errors = self.isql("SELECT COUNT(*) FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL OR ll_state <> 2;")
        count = [l.strip() for l in errors.splitlines() if l.strip().isdigit()]
        if count != ["0"]:
            raise RuntimeError(f"Virtuoso's loader reported problems:\n{report}")
        return {"loader": "ld_dir + rdf_loader_run", "file": filename}

    def query(self, q, named):
        # The dataset of the query, given explicitly (Virtuoso's implicit default is every graph in
        # the server, its own system graphs included): the file's default graph merged with its
        # named graphs, and the named graphs for GRAPH patterns.
        # With no named-graph-uri Virtuoso would offer every graph it has to GRAPH patterns.
        return sparql(f"http://127.0.0.1:{self.http}/sparql", q, [self.graph] + named, named or [NO_NAMED_GRAPHS])



class Oxigraph(Server):
    def __init__(self, exports):
        super().__init__(exports, "diplograph-oxigraph-")

    @staticmethod
    def available():
        return shutil.which("oxigraph")

    def __enter__(self):
        self.port = free_port()
        self.log = open(os.path.join(self.tmp, "server.out"), "w")
        # --union-default-graph: the default graph is the merge of all graphs, as we give Virtuoso
        self.proc = subprocess.Popen(["oxigraph", "serve", "--location", os.path.join(self.tmp, "db"), "--bind",
                                      f"127.0.0.1:{self.port}", "--union-default-graph"],
                                     stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        wait_for_port(self.port, self.proc)
        return self

    def put(self, path, graph, content_type):
        """Loads a file over the SPARQL 1.1 Graph Store HTTP Protocol (POST to /store)."""
        url = f"http://127.0.0.1:{self.port}/store"
        if graph == "default":
            url += "?default"
        elif graph:
            url += f"?graph={urllib.parse.quote(graph, safe='')}"
        with open(path, "rb") as f:
            req = urllib.request.Request(url, data=f.read(), method="POST", headers={"Content-Type": content_type})
        with urllib.request.urlopen(req, timeout=300) as r:
            if r.status not in (200, 201, 204):
                raise RuntimeError(f"Graph Store load of {path} answered {r.status}")

    def load(self, filename, named):
        # POST to /store: N-Quads as a whole dataset (named graphs kept), Turtle into the default graph.
        if filename.endswith(".nq"):
            self.put(os.path.join(self.exports, filename), None, "application/n-quads")
        else:
            self.put(os.path.join(self.exports, filename), "default", "text/turtle")
        return {"loader": "SPARQL 1.1 Graph Store HTTP Protocol", "file": filename}

    def query(self, q, named):
        return sparql(f"http://127.0.0.1:{self.port}/query", q)



def phase(cls, exports, filename, queries):
    """A fresh server, one export file loaded, every query run; returns (load report, results)."""
    path = os.path.join(exports, filename)
    named = sorted(nq_graphs(path)) if filename.endswith(".nq") else []
    with cls(exports) as server:
        started = time.time()
        load = server.load(filename, named)
        load["seconds"] = round(time.time() - started, 2)
        results = {}
        for name in sorted(os.listdir(queries)):
            if name.endswith(".rq"):
                with open(os.path.join(queries, name), encoding="utf-8") as f:
                    results[name] = server.query(f.read(), named)
    return load, named, results


def main(argv):
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    store, exports, queries, out = argv
    cls = {"virtuoso": Virtuoso, "oxigraph": Oxigraph}[store]
    if not cls.available():
        print(f"{store} is not installed", file=sys.stderr)
        return 3
    report = {"store": store, "load": {}, "results": {}}
    for filename, key in (("graph.nq", "nq"), ("graph.ttl", "ttl")):
        load, named, results = phase(cls, exports, filename, queries)
        report["load"][key] = load
        if key == "nq":
            report["named_graphs"] = named
        for q, rows in results.items():
            report["results"].setdefault(q, {})[key] = rows
    with open(out, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1, sort_keys=True, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Exception as e:  # the caller shows this; the server was stopped by the context manager
        print(f"stores.py: {e}", file=sys.stderr)
        sys.exit(1)
