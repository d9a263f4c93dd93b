#!/usr/bin/env python3
"""make bench: bk's performance scenarios, side by side with a baseline in one run.

Scenarios (see BENCHMARKS.md): overview, transport (bk vs fair curl and a C libcurl multi client),
cpu (callgrind), encryption (documents encrypted to the run beside TLS only), scale, pdf, batch (bk requester batch),
paper (QR code sizes, bk verify --scan beside zbarimg). Every figure is a median of RUNS runs with min and max. Only loopback addresses are used.
"""
import json, os, shutil, signal, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("BIN", os.path.join(ROOT, ".build/release"))
WORK = os.path.join(ROOT, ".build-bench")
TEST_CA = os.path.join(ROOT, "Examples/pki/ca.pem")
RUNS = int(os.environ.get("RUNS", "5"))
# curl 7.88 runs at most this many transfers at once, whatever --parallel-max asks.
CURL_PARALLEL_MAX = 300
QUICK = os.environ.get("QUICK") == "1"


class Holder:
    """A bk-holder serving a generated environment of n organisations with latency l ms."""

    def __init__(self, n, latency, jitter=None, name=None, encryption=True):
        self.dir = os.path.join(WORK, name or f"n{n}-l{latency}")
        if jitter is None:
            jitter = latency // 10
        if not os.path.exists(os.path.join(self.dir, "environment.json")):
            subprocess.run([f"{BIN}/bk-holder", "generate", "--organizations", str(n), "--latency-ms", str(latency),
                            "--jitter-ms", str(jitter), "--output", self.dir], check=True)
        environment_path = os.path.join(self.dir, "environment.json")
        with open(environment_path) as f:
            environment = json.load(f)
        for organization in environment["organizations"]:  # PROTOCOL §13: documents encrypted to the run, or TLS alone
            organization["encryption"] = encryption
        with open(environment_path, "w") as f:
            json.dump(environment, f)
        self.log = open(os.path.join(self.dir, "holder.log"), "w+")
        self.proc = subprocess.Popen([f"{BIN}/bk-holder", "serve", "--config", os.path.join(self.dir, "environment.json"),
                                      "--certificate", os.path.join(ROOT, "Examples/pki/server.pem"),
                                      "--private-key", os.path.join(ROOT, "Examples/pki/server.key")],
                                     stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 120
        self.url = None
        while time.time() < deadline and self.proc.poll() is None:
            self.log.seek(0)
            for line in self.log.read().splitlines():
                if line.startswith("ready "):
                    self.url = line[6:]
            if self.url:
                break
            time.sleep(0.1)
        if not self.url:
            self.stop()
            sys.exit(f"bk-holder did not start for n={n}")
        self.state = tempfile.mkdtemp(prefix="bk-bench-")
        self.env = dict(os.environ, BK_SCHEME_URL=self.url, BK_TRUST_ANCHOR=os.path.join(self.dir, "trust-anchor.jwks.json"),
                        BK_ENVIRONMENT="test", BK_CACERT=TEST_CA, BK_STATE_DIR=self.state,
                        XDG_CONFIG_HOME=os.path.join(self.state, "config"))
        subprocess.run([f"{BIN}/bk", "login", "--test-bsn", "999993653"], env=self.env, check=True, capture_output=True)

    def cpu_seconds(self):
        """User+system CPU the holder process has used so far."""
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def discovery_urls(self):
        out = subprocess.run([f"{BIN}/bk", "scheme", "show", "--format", "json"], env=self.env, check=True, capture_output=True, text=True).stdout
        return [o["url"] for o in json.loads(out)["organizations"]]

    def forget_kept(self):
        """Removes what bk keeps between runs (TLS sessions, discovery documents): the next run is a first visit."""
        for name in ("tls-sessions", "discovery-cache.json"):
            try:
                os.remove(os.path.join(self.state, name))
            except FileNotFoundError:
                pass

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(getattr(self, "state", ""), ignore_errors=True)


def timed(cmd, env, expect=0):
    """Runs cmd; returns (wall s, cpu s, peak RSS MB).

    Wall time is perf_counter around the child's whole life (nanosecond clock), CPU and peak RSS
    come from the child's own rusage (wait4: microseconds, KiB). GNU time's %e has a resolution
    of 10 ms, too coarse for runs of a few hundred milliseconds.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != expect:
            err.seek(0)
            sys.exit(f"{' '.join(cmd[:3])}… exited {proc.returncode}: {err.read().decode(errors='replace')[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def stats(values):
    return statistics.median(values), min(values), max(values)


def fmt(triple, unit="", digits=3):
    med, lo, hi = triple
    return f"{med:.{digits}f}{unit} [{lo:.{digits}f}–{hi:.{digits}f}]"


def table(title, headers, rows):
    print(f"\n## {title}\n")
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows)]
    line = lambda cells: "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"
    print(line(headers))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print(line(row))
    sys.stdout.flush()


def overview_scenario():
    rows = []
    sizes = [9, 100] if QUICK else [9, 100, 400]
    for n in sizes:
        holder = Holder(n, 50)
        try:
            cmd = [f"{BIN}/bk", "overview", "--format", "json", "--output", os.path.join(holder.state, "o.json")]
            timed(cmd, holder.env)  # warm-up: scheme state, page cache
            samples, resumed = [], []
            holder_cpu = 0.0
            for _ in range(RUNS):  # a first visit, then a repeat visit (kept TLS sessions and discovery documents)
                holder.forget_kept()
                holder_before = holder.cpu_seconds()
                samples.append(timed(cmd, holder.env))
                holder_cpu += (holder.cpu_seconds() - holder_before) / RUNS
                resumed.append(timed(cmd, holder.env))
        finally:
            holder.stop()
        wall, cpu, rss = (stats([s[i] for s in samples]) for i in range(3))
        resumed_wall, resumed_cpu = stats([s[0] for s in resumed]), stats([s[1] for s in resumed])
        bound = 5 * 0.050
        rows.append([n, fmt(wall, " s"), fmt(cpu, " s"), fmt(rss, " MB", 1), f"{wall[0] / bound:.2f}", f"{cpu[0] / n * 1000:.2f} ms",
                     f"{holder_cpu:.2f} s", fmt(resumed_wall, " s"), f"{resumed_wall[0] / bound:.2f}", f"{resumed_cpu[0] / n * 1000:.2f} ms"])
    table("overview (L = 50 ms ± 5 ms; lower bound 5 × L = 0.250 s); first visit, and a repeat visit that resumes the TLS sessions and "
          "uses the discovery documents bk kept (4 round trips)",
          ["N", "wall median [min–max]", "bk user+sys CPU", "bk peak RSS", "wall / bound", "bk CPU per org", "bk-holder CPU per run",
           "repeat: wall", "repeat: wall / bound", "repeat: bk CPU per org"], rows)


def ratio_of_pairs(ours, theirs):
    """Median of the per-pair ratios of two interleaved series, with min and max."""
    return stats([a / b for a, b in zip(ours, theirs)])


def transport_scenario():
    """The same GETs (every discovery URL) by bk and two baselines, interleaved run by run.

    fair curl: curl with only the test CA in --cacert (Debian's CA path still loads lazily);
    C multi: Benchmarks/multi-client.c, one libcurl multi handle, epoll, CA store cached.
    """
    client = os.path.join(WORK, "multi-client")
    subprocess.run(["cc", "-O2", "-o", client, os.path.join(ROOT, "Benchmarks/multi-client.c"), "-lcurl"], check=True)
    rows, cpu_rows = [], []
    for n in ([100] if QUICK else [100, 400]):
        for latency in (0, 50):
            holder = Holder(n, latency)
            try:
                urls = holder.discovery_urls()
                url_file = os.path.join(holder.state, "urls.txt")
                with open(url_file, "w") as f:
                    f.write("\n".join(urls) + "\n")
                curl_config = os.path.join(holder.state, "curl.cfg")
                with open(curl_config, "w") as f:
                    for url in urls:
                        f.write(f'url = "{url}"\noutput = "/dev/null"\n')
                # Every client runs at the same concurrency: curl 7.88 caps --parallel-max at 300, so
                # bk and the C client get the same cap on connections open at once.
                width = min(n, CURL_PARALLEL_MAX)
                curl = ["curl", "--silent", "--show-error", "--fail", "--tlsv1.3", "--cacert", TEST_CA, "--parallel",
                        "--parallel-max", str(width), "--parallel-immediate", "-K", curl_config]
                bk = [f"{BIN}/bk", "fetch-urls", "--max-connections", str(width)]
                commands = {
                    "bk": bk + [url_file],
                    "bk resumed": bk + [url_file],
                    "bk 1 thread": bk + ["--engine-threads", "1", url_file],
                    "fair curl": curl,
                    "C multi": [client, TEST_CA, url_file, str(width)],
                }
                samples = {name: [] for name in commands}
                for command in commands.values():
                    timed(command, holder.env)  # warm-up
                for _ in range(RUNS):  # interleaved, so that all see the same machine
                    for name, command in commands.items():
                        if name != "bk resumed":  # it runs right after "bk", whose sessions it resumes
                            holder.forget_kept()
                        samples[name].append(timed(command, holder.env))
            finally:
                holder.stop()
            wall = {name: [s[0] for s in series] for name, series in samples.items()}
            cpu = {name: [s[1] for s in series] for name, series in samples.items()}
            rows.append([n, latency, min(n, CURL_PARALLEL_MAX)] + [fmt(stats(wall[name]), " s") for name in commands] +
                        [fmt(ratio_of_pairs(wall["bk"], wall["fair curl"]), "", 2), fmt(ratio_of_pairs(wall["bk"], wall["C multi"]), "", 2),
                         fmt(ratio_of_pairs(wall["bk resumed"], wall["C multi"]), "", 2)])
            cpu_rows.append([n, latency, min(n, CURL_PARALLEL_MAX)] + [fmt(stats(cpu[name]), " s") for name in commands] +
                            [f"{stats(cpu['bk'])[0] / n * 1000:.2f} ms", f"{stats(cpu['bk resumed'])[0] / n * 1000:.2f} ms",
                             fmt(ratio_of_pairs(cpu["bk"], cpu["fair curl"]), "", 2), fmt(ratio_of_pairs(cpu["bk"], cpu["C multi"]), "", 2),
                             fmt(ratio_of_pairs(cpu["bk resumed"], cpu["C multi"]), "", 2)])
    table("transport wall: the same GETs (every discovery URL), interleaved, every client at the same concurrency; "
          "ratios are medians of per-pair ratios",
          ["N", "L ms", "at once (all clients)", f"bk ({os.cpu_count()} engine threads)", "bk resumed (repeat run, resumed handshakes)",
           "bk 1 thread", "fair curl (test CA)", "C multi (CA cached)", "bk / fair curl", "bk / C multi",
           "bk resumed / C multi (resumed vs full handshakes)"], rows)
    table("transport CPU (user+sys) of the same runs",
          ["N", "L ms", "at once", "bk", "bk resumed", "bk 1 thread", "fair curl", "C multi", "bk per org", "bk resumed per org",
           "bk / fair curl", "bk / C multi", "bk resumed / C multi (resumed vs full handshakes)"], cpu_rows)


def callgrind_inclusive(cmd, env, out):
    """Runs cmd under callgrind; returns (total instructions, {function: inclusive instructions})."""
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"] + cmd, env=env, check=True, capture_output=True)
    annotated = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", out], capture_output=True, text=True).stdout
    total, inclusive = None, {}
    for line in annotated.splitlines():
        parts = line.strip().split(None, 1)
        if len(parts) != 2:
            continue
        count = parts[0].replace(",", "")
        if not count.isdigit():
            continue
        if "PROGRAM TOTALS" in parts[1]:
            total = int(count)
            continue
        inclusive.setdefault(parts[1], int(count))
    return total, inclusive


def cpu_scenario():
    """Instructions of one overview at N = 400, L = 0: a first visit (full handshakes) and a repeat
    visit that resumes the TLS sessions and uses the discovery documents the first one kept."""
    n = int(os.environ.get("CPU_N", "400"))
    holder = Holder(n, 0, 0)
    try:
        out = os.path.join(holder.state, "callgrind.out")
        cmd = [f"{BIN}/bk", "overview", "--format", "json", "--deadline", "600", "--request-timeout", "600", "--connect-timeout", "600",
               "--output", os.path.join(holder.state, "o.json")]
        holder.forget_kept()
        cold = callgrind_inclusive(cmd, holder.env, out)
        warm = callgrind_inclusive(cmd, holder.env, out)
        plain = [f"{BIN}/bk", "overview", "--format", "json", "--output", os.path.join(holder.state, "o.json")]
        cold_cpu, warm_cpu = [], []
        for _ in range(RUNS):
            holder.forget_kept()
            cold_cpu.append(timed(plain, holder.env)[1])
            warm_cpu.append(timed(plain, holder.env)[1])
    finally:
        holder.stop()

    def find(inclusive, *needles):
        return max([count for name, count in inclusive.items() if any(needle in name for needle in needles)], default=0)
    parts = [
        ("TLS handshakes and records (libssl: SSL_do_handshake, SSL_read/SSL_write)", ("SSL_do_handshake", "SSL_read ", "SSL_write "), True),
        ("signature verification (EVP_DigestVerify)", ("EVP_DigestVerify ",), False),
        ("signing session proofs (EVP_DigestSign)", ("EVP_DigestSign ",), False),
        ("a new SSL_CTX per connection (libcurl 7.88: SSL_CTX_new)", ("SSL_CTX_new ",), False),
        ("server certificate decoding (d2i_X509)", ("d2i_X509 ",), False),
        ("kept TLS sessions read (d2i_SSL_SESSION, the server certificate decoded again)", ("d2i_SSL_SESSION ",), False),
        ("kept TLS sessions written (i2d_SSL_SESSION)", ("i2d_SSL_SESSION ",), False),
        ("certificate chain verification (X509_verify_cert)", ("X509_verify_cert ",), False),
        ("strict JSON reading (StrictJSONParser)", ("16StrictJSONParserV5parse_10duplicates",), False),
        ("decoding into types (JSONValueDecoder)", ("16JSONValueDecoderV6decode_4from10codingPath",), False),
        ("event fold (ClaimsFold.fold)", ("10ClaimsFoldO4fold",), False),
        ("all engine threads (libcurl, TLS included)", ("CurlShardC3run",), False),
    ]
    rows = []
    for name, needles, summed in parts:
        counts = []
        for total, inclusive in (cold, warm):
            count = sum(find(inclusive, needle) for needle in needles) if summed else find(inclusive, *needles)
            counts.append(count)
        rows.append([name] + [f"{c / n / 1e6:.2f} M" for c in counts] + [f"{c / t * 100:.1f} %" if t else "-" for c, t in zip(counts, (cold[0], warm[0]))])
    rows.append(["total (all threads)"] + [f"{t / n / 1e6:.2f} M" if t else "?" for t in (cold[0], warm[0])] + ["100 %", "100 %"])
    table(f"cpu: instructions per organisation of one overview at N = {n}, L = 0 (callgrind, inclusive; parts overlap where nested)",
          ["part", "first visit", "repeat visit (sessions resumed)", "share, first", "share, repeat"], rows)
    cold_stats, warm_stats = stats(cold_cpu), stats(warm_cpu)
    print(f"\nuser+sys CPU of the same overview without valgrind: first visit {fmt(cold_stats, ' s')} = {cold_stats[0] / n * 1000:.2f} ms "
          f"per organisation; repeat visit {fmt(warm_stats, ' s')} = {warm_stats[0] / n * 1000:.2f} ms per organisation")


def encryption_scenario():
    """The cost of PROTOCOL §13: the same overview from holders that encrypt every document to
    the run's X-Wing key, and from the same holders sending over TLS alone; runs interleaved, first
    visit and repeat visit, bk's CPU per organisation and the holders' CPU per run side by side."""
    rows = []
    for n in (9, 400):
        holders = {"X-Wing": Holder(n, 0, 0, name=f"enc-n{n}"), "TLS only": Holder(n, 0, 0, name=f"plain-n{n}", encryption=False)}
        try:
            samples = {(kind, visit): [] for kind in holders for visit in ("first", "repeat")}
            holder_cpu = {kind: [] for kind in holders}
            for kind, holder in holders.items():
                cmd = [f"{BIN}/bk", "overview", "--format", "json", "--deadline", "120", "--output", os.path.join(holder.state, "o.json")]
                timed(cmd, holder.env)  # warm-up: scheme state, page cache
                with open(os.path.join(holder.state, "o.json")) as f:
                    encrypted = sum(1 for h in json.load(f)["holders"] if h.get("encrypted"))
                if encrypted != (n if kind == "X-Wing" else 0):
                    sys.exit(f"encryption: {encrypted} of {n} documents came encrypted from the {kind} holders")
            for _ in range(RUNS):
                for kind, holder in holders.items():
                    cmd = [f"{BIN}/bk", "overview", "--format", "json", "--deadline", "120", "--output", os.path.join(holder.state, "o.json")]
                    holder.forget_kept()
                    before = holder.cpu_seconds()
                    samples[(kind, "first")].append(timed(cmd, holder.env))
                    holder_cpu[kind].append(holder.cpu_seconds() - before)
                    samples[(kind, "repeat")].append(timed(cmd, holder.env))
        finally:
            for holder in holders.values():
                holder.stop()
        for visit in ("first", "repeat"):
            cpu = {kind: [s[1] for s in samples[(kind, visit)]] for kind in holders}
            per_org = {kind: stats(values)[0] / n * 1000 for kind, values in cpu.items()}
            rows.append([n, visit, f"{per_org['X-Wing']:.3f} ms", f"{per_org['TLS only']:.3f} ms",
                         fmt(ratio_of_pairs(cpu["X-Wing"], cpu["TLS only"]), "", 3),
                         f"{stats(holder_cpu['X-Wing'])[0] / n * 1000:.3f} ms" if visit == "first" else "",
                         f"{stats(holder_cpu['TLS only'])[0] / n * 1000:.3f} ms" if visit == "first" else ""])
    table("encryption: bk CPU (user+sys) per organisation of one overview, documents encrypted to the run (HPKE X-Wing) beside TLS "
          "only, L = 0, runs interleaved; target: X-Wing / TLS only at most 1.10",
          ["N", "visit", "bk CPU per org, X-Wing", "bk CPU per org, TLS only", "X-Wing / TLS only [min–max]", "holder CPU per org, X-Wing",
           "holder CPU per org, TLS only"], rows)


def scale_scenario():
    n = 2000
    holder = Holder(n, 50)
    try:
        # Under an open-file limit of 256: bk asks no more holders at once than it has descriptors for.
        cmd = ["bash", "-c", 'ulimit -n 256 && exec "$0" "$@"', f"{BIN}/bk", "overview", "--format", "json", "--deadline", "120",
               "--output", os.path.join(holder.state, "o.json")]
        samples = [timed(cmd, holder.env) for _ in range(max(3, RUNS // 2))]
        with open(os.path.join(holder.state, "o.json")) as f:
            overview = json.load(f)
    finally:
        holder.stop()
    statuses = {}
    for h in overview["holders"]:
        statuses[h["status"]] = statuses.get(h["status"], 0) + 1
    wall, cpu, rss = (stats([s[i] for s in samples]) for i in range(3))
    table(f"scale: N = {n}, L = 50 ms, ulimit -n 256", ["N", "wall", "user+sys CPU", "peak RSS", "holder statuses"],
          [[n, fmt(wall, " s"), fmt(cpu, " s"), fmt(rss, " MB", 1), ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items()))]])


def pdf_scenario():
    """PDF rendering (bk pdf render: verify, then render) and PDF verification (bk verify FILE.pdf:
    verify, render again, compare) against verifying the same overview as JSON, N = 9 and 400."""
    rows = []
    for n in (9, 400):
        holder = Holder(n, 0, 0)
        try:
            json_path = os.path.join(holder.state, "o.json")
            pdf_path = os.path.join(holder.state, "o.pdf")
            subprocess.run([f"{BIN}/bk", "overview", "--format", "json", "--deadline", "120", "--output", json_path], env=holder.env, check=True,
                           capture_output=True)
            render = [f"{BIN}/bk", "pdf", "render", json_path, "--output", pdf_path]
            verify_pdf = [f"{BIN}/bk", "verify", pdf_path, "--output", "/dev/null"]
            verify_json = [f"{BIN}/bk", "verify", json_path, "--output", "/dev/null"]
            timed(render, holder.env)
            samples = {"render": [], "verify pdf": [], "verify json": []}
            for _ in range(RUNS):
                samples["render"].append(timed(render, holder.env))
                samples["verify pdf"].append(timed(verify_pdf, holder.env))
                samples["verify json"].append(timed(verify_json, holder.env))
            pages = subprocess.run(["pdfinfo", pdf_path], capture_output=True, text=True).stdout
            pages = next((l.split()[-1] for l in pages.splitlines() if l.startswith("Pages:")), "?")
            pdf_size, json_size = os.path.getsize(pdf_path), os.path.getsize(json_path)
        finally:
            holder.stop()
        wall = {k: [x[0] for x in v] for k, v in samples.items()}
        rows.append([n, fmt(stats(wall["render"]), " s"), fmt(stats(wall["verify pdf"]), " s"), fmt(stats(wall["verify json"]), " s"),
                     fmt(ratio_of_pairs(wall["verify pdf"], wall["verify json"]), "", 2), pages,
                     f"{pdf_size / 1024:.0f} KiB", f"{json_size / 1024:.0f} KiB",
                     fmt(stats([x[2] for x in samples["render"]]), " MB", 1)])
    table("pdf: bk pdf render (verify + render) and bk verify FILE.pdf, beside bk verify of the same overview as JSON",
          ["N", "render", "verify PDF", "verify JSON", "verify PDF / JSON", "pages", "PDF size", "JSON size", "render peak RSS"], rows)


# Bytes a QR code holds in byte mode at error correction level M, versions 1–40 (ISO/IEC 18004 table 7).
QR_CAPACITY_M = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666, 711, 779, 857, 911, 997,
                 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331]


def paper_scenario():
    """bk share --to paper for the demo citizen (Examples environment), printed with pdftoppm at
    150 dpi: each QR code's payload, version and module size; bk verify --scan of the 5 pages
    (load, read, verify against the scheme) beside zbarimg reading the same pages (read only),
    and of a degraded copy (rotated 3°, 70 %, grey, JPEG 40), which zbarimg cannot read."""
    work = tempfile.mkdtemp(prefix="bk-paper-")
    log = open(os.path.join(work, "holder.log"), "w+")
    proc = subprocess.Popen([f"{BIN}/bk-holder", "serve", "--config", os.path.join(ROOT, "Examples/environment.json"), "--port", "0"],
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        url = None
        for _ in range(600):
            log.seek(0)
            url = next((l[6:] for l in log.read().splitlines() if l.startswith("ready ")), None)
            if url:
                break
            time.sleep(0.1)
        env = dict(os.environ, BK_SCHEME_URL=url, BK_TRUST_ANCHOR=os.path.join(ROOT, "Examples/trust-anchor.jwks.json"), BK_ENVIRONMENT="test",
                   BK_CACERT=TEST_CA, BK_STATE_DIR=os.path.join(work, "state"), XDG_CONFIG_HOME=os.path.join(work, "config"))
        for cmd in (["login", "--test-bsn", "999993653"], ["overview"], ["share", "--to", "paper", "--yes", "-o", os.path.join(work, "paper.pdf")]):
            subprocess.run([f"{BIN}/bk"] + cmd, env=env, check=True, capture_output=True)
        subprocess.run(["pdftoppm", "-r", "150", "-png", os.path.join(work, "paper.pdf"), os.path.join(work, "page")], check=True)
        pages = sorted(os.path.join(work, f) for f in os.listdir(work) if f.startswith("page") and f.endswith(".png"))
        degraded = []
        for page in pages:
            copy = page.replace(".png", ".jpg")
            subprocess.run(["python3", os.path.join(ROOT, "Tests/EndToEndTests/Fixtures/paper_images.py"), "degrade", page, copy], check=True)
            degraded.append(copy)
        codes = subprocess.run(["zbarimg", "-q", "--raw"] + pages, capture_output=True, text=True).stdout.splitlines()
        verify = [f"{BIN}/bk", "verify", "--scan", "--output", "/dev/null"]
        zbar = ["zbarimg", "-q", "--raw"]
        samples = {"bk": [], "zbarimg": [], "bk degraded": []}
        for _ in range(RUNS):
            samples["bk"].append(timed(verify + pages, env))
            samples["zbarimg"].append(timed(zbar + pages, env))
            samples["bk degraded"].append(timed(verify + degraded, env))
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(10)
    rows = []
    for code in codes:
        size = len(code.encode())
        version = next(v for v, capacity in enumerate(QR_CAPACITY_M, 1) if capacity >= size)
        modules = 17 + 4 * version
        rows.append([size, version, modules, f"{60 / modules:.2f} mm", f"{60 / modules / 25.4 * 150:.1f}", f"{60 / modules / 25.4 * 150 * 0.7:.1f}"])
    table("paper: the demo citizen's QR codes (bk share --to paper), 60 mm wide at error correction M",
          ["payload bytes", "version", "modules", "module", "pixels per module at 150 dpi", "after 70 %"], sorted(rows))
    wall = {k: [x[0] for x in v] for k, v in samples.items()}
    table(f"paper: reading {len(pages)} pages at 150 dpi ({len(codes)} codes): bk verify --scan beside zbarimg (reads only)",
          ["pages", "bk verify --scan", "zbarimg", "bk / zbarimg", "bk, degraded copy", "bk peak RSS"],
          [[len(pages), fmt(stats(wall["bk"]), " s"), fmt(stats(wall["zbarimg"]), " s"), fmt(ratio_of_pairs(wall["bk"], wall["zbarimg"]), "", 2),
            fmt(stats(wall["bk degraded"]), " s"), fmt(stats([x[2] for x in samples["bk"]]), " MB", 1)]])


def batch_scenario():
    """bk requester batch over C consents of the citizen × 9 organisations (L = 50 ms), against
    the same number of overviews fetched by C separate runs of bk requester overview."""
    consents_count = int(os.environ.get("BATCH_CONSENTS", "200"))
    holder = Holder(9, 50, name="batch-n9-l50")
    try:
        folder = os.path.join(holder.state, "consents")
        os.makedirs(folder)
        for index in range(consents_count):
            subprocess.run([f"{BIN}/bk", "consent", "grant", "--to", "Bench SHV", "--purpose", "schuldhulpverlening", "--days", "30", "--yes",
                            "-o", os.path.join(folder, f"c{index:04d}.jws")], env=holder.env, check=True, capture_output=True)
        key = os.path.join(holder.dir, "keys", "requester.pem")
        os.chmod(key, 0o600)
        requester_env = dict(holder.env, BK_STATE_DIR=os.path.join(holder.state, "requester"))
        out = os.path.join(holder.state, "out")
        batch = [f"{BIN}/bk", "requester", "batch", "--consents", folder, "--output-dir", out, "--requester-key", key]
        timed(batch, requester_env)
        samples = [timed(batch, requester_env) for _ in range(max(3, RUNS // 2))]
        with open(os.path.join(out, "summary.json")) as f:
            results = [row["result"] for row in json.load(f)["rows"]]
        single = [f"{BIN}/bk", "requester", "overview", "--consent", os.path.join(folder, "c0000.jws"), "--requester-key", key, "-o", "/dev/null"]
        one = [timed(single, requester_env) for _ in range(RUNS)]
    finally:
        holder.stop()
    wall, cpu, rss = (stats([s[i] for s in samples]) for i in range(3))
    one_wall, one_cpu = stats([s[0] for s in one]), stats([s[1] for s in one])
    table(f"batch: bk requester batch, {consents_count} consents × 9 organisations, L = 50 ms (one requester overview alone beside it)",
          ["consents", "batch wall", "batch CPU", "batch peak RSS", "CPU per consent", "results", "one overview wall", "one overview CPU",
           "batch wall / (consents × one overview)"],
          [[consents_count, fmt(wall, " s"), fmt(cpu, " s"), fmt(rss, " MB", 1), f"{cpu[0] / consents_count * 1000:.1f} ms",
            ", ".join(f"{k}: {results.count(k)}" for k in sorted(set(results))), fmt(one_wall, " s"), fmt(one_cpu, " s"),
            f"{wall[0] / (consents_count * one_wall[0]):.3f}"]])


if __name__ == "__main__":
    os.makedirs(WORK, exist_ok=True)
    chosen = sys.argv[1:] or ["overview", "transport", "cpu", "encryption", "scale", "pdf", "batch", "paper"]
    print(f"# bk benchmarks — {time.strftime('%Y-%m-%d %H:%M %Z')}, {os.cpu_count()} cores, {RUNS} runs per figure, binaries in {BIN}")
    print("bk, fair curl and the C client trust the test CA alone and run at the same concurrency")
    for name in chosen:
        globals()[f"{name}_scenario"]()
