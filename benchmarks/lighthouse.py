"""`benchmarks/lighthouse.py`: Lighthouse (mobile) on the demo archive, served production-like.

    .venv/bin/python benchmarks/lighthouse.py [--runs 3] [--keep] [--pages /vi/ /en/tours/…]

What it does, in a temporary folder of its own (nothing of the checkout is touched):
1. installs Lighthouse at the version pinned in benchmarks/lighthouse/package-lock.json
   (scripts/npm-assets --lighthouse; npm, nothing downloaded at install time);
2. migrates a scratch SQLite database and loads the demo archive (manage.py load_demo);
3. serves the site with debug off, a throwaway secret key and plain HTTP on 127.0.0.1 (the
   TLS redirect and HSTS are a proxy's business here), static files through Django's static
   files handler (`runserver --insecure`: the files `collectstatic` would copy, uncompressed:
   a front proxy that compresses only does better);
4. runs Lighthouse's default mobile audit (a mid-range phone, simulated slow 4G and 4x CPU
   slowdown) in Debian's Chromium (path and flags: config/chromium.py) on each page,
   `--runs` times, and keeps the median of each category;
5. prints a table (Markdown, for docs/benchmarks.md) and every audit that cost a point, and exits
   1 when a page misses a goal: SEO, accessibility and best practices 100, performance >= 95, and
   a critical path of at most 170 KB: the page's HTML, its stylesheets and its render-blocking
   scripts as Lighthouse loaded them, each fetched again and compressed with gzip (level 6, what a
   front proxy does; the test server sends them uncompressed). Scripts that wait (defer, modules)
   and what a page fetches only when asked (the 360° viewer) are not on it; the table also shows all
   the JavaScript the page loaded.
"""

import argparse
import gzip
import json
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from config import chromium  # noqa: E402

LIGHTHOUSE = REPO / "benchmarks" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = (
    "/vi/",
    "/en/",
    "/vi/monuments/ngo-mon/",
    "/vi/artefacts/than-cong/",
    "/vi/restorations/",
    "/en/tours/hoang-thanh-buoi-sang/",
    "/ko/tours/hoang-thanh-buoi-sang/",
)
# The tours' budget: the HTML, CSS and JavaScript needed before the first render, compressed.
CRITICAL_BUDGET = 170 * 1024
CATEGORIES = ("seo", "accessibility", "best-practices", "performance")
GOALS = {"seo": 100, "accessibility": 100, "best-practices": 100, "performance": 95}
CHROME_FLAGS = " ".join(("--headless=new", *chromium.FLAGS))
# Settings of the project's environment that would point the scratch site at real services.
DROPPED = ("DATABASE_URL", "ELASTICSEARCH_URL", "AWS_STORAGE_BUCKET_NAME", "AWS_S3_ENDPOINT_URL", "DJANGO_DEBUG")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _site_env(folder: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in DROPPED}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        MEDIA_ROOT=str(folder / "media"),
        STATIC_ROOT=str(folder / "static"),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_HSTS_SECONDS="0",
    )
    return env


def _manage(env: dict[str, str], *args: str) -> None:
    print(f"manage.py {' '.join(args)}", flush=True)
    subprocess.run([sys.executable, "manage.py", *args], cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)


def _wait_for(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the site's server exited with {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    raise SystemExit(f"{url} did not answer within {seconds:.0f} s")


def _lighthouse(url: str, out: Path, chrome: str) -> dict:
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    # Lighthouse sometimes loses the trace on a busy machine (NO_NAVSTART): one more try.
    for attempt in (1, 2):
        result = subprocess.run(command, env={**os.environ, "CHROME_PATH": chrome})
        if result.returncode == 0:
            return json.loads(out.read_text())
        print(f"lighthouse exited {result.returncode} on {url} (attempt {attempt} of 2)", flush=True)
    raise SystemExit(f"Lighthouse failed twice on {url}")


def _gzipped(url: str) -> int:
    with urllib.request.urlopen(url, timeout=30) as response:
        return len(gzip.compress(response.read(), compresslevel=6))


def _critical_path(report: dict) -> tuple[int, int]:
    """(critical path, all JavaScript loaded) in compressed bytes, from the report's requests."""
    requests = report["audits"]["network-requests"]["details"]["items"]
    blocking_audit = report["audits"].get("render-blocking-resources", {})
    blocking = {item["url"] for item in blocking_audit.get("details", {}).get("items", [])}
    critical = script = 0
    for item in requests:
        kind, url = item.get("resourceType"), item["url"]
        if not url.startswith("http"):
            continue
        if kind in ("Document", "Stylesheet") or (kind == "Script" and url in blocking):
            critical += _gzipped(url)
        if kind == "Script":
            script += _gzipped(url)
    return critical, script


def _lost_points(report: dict) -> list[str]:
    """The audits of the pass/fail categories that did not pass, and the performance metrics below 0.9."""
    lost = []
    for name, category in report["categories"].items():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            score = audit.get("score")
            if score is None or (name == "performance" and ref.get("weight", 0) == 0):
                continue
            if (name != "performance" and score < 1) or (name == "performance" and score < 0.9):
                value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                lost.append(f"{name}: {ref['id']} {score:.2f}{value}: {audit['title']}")
    return lost


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page; the median counts (default 1)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (database, reports)")
    parser.add_argument("--pages", nargs="+", default=PAGES, help="paths to audit (default: every page type)")
    args = parser.parse_args()
    chrome = chromium.PATH
    if not os.access(chrome, os.X_OK):
        raise SystemExit(f"no Chromium at {chrome} (install Debian's chromium package, or set CHROMIUM_PATH)")

    subprocess.run([str(REPO / "scripts" / "npm-assets"), "--lighthouse"], check=True)
    folder = Path(tempfile.mkdtemp(prefix="hue-heritage-lighthouse-"))
    env = _site_env(folder)
    server = None
    try:
        _manage(env, "migrate", "--no-input")
        _manage(env, "load_demo")
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_for(base + args.pages[0], server)

        rows, lost, missed, cpu, sizes = [], {}, [], [], {}
        for path in args.pages:
            scores: dict[str, list[int]] = {name: [] for name in CATEGORIES}
            for run in range(args.runs):
                print(f"lighthouse {path} (run {run + 1} of {args.runs})", flush=True)
                report = _lighthouse(base + path, folder / f"report-{len(rows)}-{run}.json", chrome)
                for name in CATEGORIES:
                    scores[name].append(round(report["categories"][name]["score"] * 100))
                lost.setdefault(path, set()).update(_lost_points(report))
                sizes[path] = _critical_path(report)
                cpu.append(report["environment"]["benchmarkIndex"])
            median = {name: round(statistics.median(values)) for name, values in scores.items()}
            rows.append((path, median))
            missed += [
                f"{path} {name} {median[name]} < {GOALS[name]}" for name in CATEGORIES if median[name] < GOALS[name]
            ]
            if sizes[path][0] > CRITICAL_BUDGET:
                missed.append(f"{path} critical path {sizes[path][0] / 1024:.0f} KB > {CRITICAL_BUDGET // 1024} KB")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if args.keep:
            print(f"kept: {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)

    version = json.loads((LIGHTHOUSE.parents[1] / "package.json").read_text())["version"]
    print(f"\nLighthouse {version}, mobile, {args.runs} run(s) per page, median")
    # Lighthouse's measure of the host's CPU: a busy machine scores low, and so does performance.
    print(f"host benchmarkIndex {min(cpu):.0f} to {max(cpu):.0f}\n")
    print("| page | SEO | accessibility | best practices | performance | critical path, gzip | JavaScript, gzip |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for path, median in rows:
        critical, script = (f"{size / 1024:.1f} KB" for size in sizes[path])
        print(f"| `{path}` | " + " | ".join(str(median[name]) for name in CATEGORIES) + f" | {critical} | {script} |")
    for path, lines in lost.items():
        for line in sorted(lines):
            print(f"  {path} {line}")
    if missed:
        print("\nBelow the goals: " + "; ".join(missed))
        return 1
    print("\nEvery page meets the goals (SEO, accessibility, best practices 100; performance >= 95;")
    print("critical path <= 170 KB).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
