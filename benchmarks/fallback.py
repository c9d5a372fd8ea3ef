"""Database search benchmark (issue 10): the fallback's API with many records vs with few.

    .venv/bin/python benchmarks/fallback.py [--small 1000] [--large 100000] [--rounds 10] [--seed 1991]
        [--database-url postgres://user:password@127.0.0.1:59432/heritage_bench_fallback]

Without Elasticsearch (the embedded default, or PostgreSQL without it), in one run:
1. migrates a throwaway database (SQLite unless --database-url), creates the 18 demo monuments
   and imports --small seeded synthetic records through the project's import (which writes the
   database index, search.database_index, as it goes);
2. copies that database, and imports --large minus --small more records into the copy, so the two
   archives differ only in size (same monuments, terms and keys);
3. sends the search benchmark's mix of 20 API queries (benchmarks/search.py QUERY_MIX: text with
   and without diacritics, filters, dates, sorts, pages) to /api/v1/restorations/ through Django's
   WSGI application, anonymous, on each archive in turn: per round, every query once on one
   archive then once on the other (which comes first alternates), after a warm-up round;
4. times one `export.csv` of everything on each archive to its first line and to its end.

Goal: the API's p50 over the mix on --large records <= 3 × its p50 on --small, measured in the
same run. The first line of the export must come within the time of one API page (the API's p50
on the large archive). Prints medians, p95 and per-query ratios; exits 1 when a
goal is missed or an answer is wrong. Keeps a copy of its output in benchmarks/logs/.
"""

import argparse
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import common  # noqa: E402
from benchmarks.search import QUERY_MIX, WsgiClient  # noqa: E402

API_URL = "/api/v1/restorations/"
EXPORT_URL = "/api/v1/restorations/export.csv"
GOAL_RATIO = 3.0
IMPORT_BATCH = 20_000


def records_import(count: int, *, seed: int, start: int) -> float:
    """`count` generated records (references from `start`) through the project's import; seconds taken."""
    from heritage.importing import restorations_import

    elapsed = 0.0
    for offset in range(0, count, IMPORT_BATCH):
        size = min(IMPORT_BATCH, count - offset)
        rows = common.restoration_rows(size, seed=seed + start + offset, start=start + offset)
        data = common.rows_to_csv(rows)
        with common.stopwatch() as took:
            report = restorations_import(data=data)
        elapsed += took[0]
        if not report.ok or report.created != size:
            raise common.BenchmarkFailure(f"the import of {size} records failed: {report.summary}")
        print(f"  imported {start + offset + size:,} records", flush=True)
    return elapsed


class Archives:
    """Two databases of the same archive at two sizes; `use(name)` points Django at one of them."""

    def __init__(self, workspace: common.Workspace):
        from django.db import connection

        self.workspace = workspace
        self.names = {"small": connection.settings_dict["NAME"]}

    def copy(self) -> None:
        from django.db import connections

        connections.close_all()
        small = self.names["small"]
        if self.workspace.is_postgres:
            self.names["large"] = f"{small}_large"
            common.pg_recreate(self.workspace, self.names["large"], template=small)
        else:
            self.names["large"] = f"{small}.large"
            shutil.copyfile(small, self.names["large"])

    def use(self, name: str) -> None:
        from django.db import connections

        connections.close_all()
        connections["default"].settings_dict["NAME"] = self.names[name]


def get(client: WsgiClient, path: str, params: dict):
    response = client.get(path, params)
    if response.status_code != 200:
        raise common.BenchmarkFailure(f"{path} {params}: {response.status_code} {response.content[:300]!r}")
    return response


def measure(args, archives: Archives) -> dict:
    from heritage.models import RestorationRecord

    client = WsgiClient()
    times = {size: {name: [] for name, _params in QUERY_MIX} for size in ("small", "large")}
    facts = {}
    for size in ("small", "large"):
        archives.use(size)
        public = RestorationRecord.objects.public().count()
        everything = get(client, API_URL, {}).json()
        if everything["backend"] != "database" or everything["count"] != public:
            raise common.BenchmarkFailure(
                f"{size}: the API answered {everything['count']} records from {everything['backend']}, "
                f"the database holds {public} public ones"
            )
        facts[size] = {"public": public}
    for round_number in range(-1, args.rounds):
        order = ("small", "large") if round_number % 2 else ("large", "small")
        for size in order:
            archives.use(size)
            get(client, API_URL, {"q": "warm"})  # the connection opened, outside the timing
            for name, params in QUERY_MIX:
                started = time.perf_counter()
                answer = get(client, API_URL, params)
                elapsed = time.perf_counter() - started
                if round_number >= 0:
                    times[size][name].append(elapsed)
                elif size == "large" and answer.json()["facets_approximate"]:
                    facts.setdefault("approximate", []).append(name)
        if round_number >= 0:
            print(f"  round {round_number + 1}/{args.rounds} done", flush=True)
    for size in ("small", "large"):
        archives.use(size)
        facts[size]["export"] = export_time(client)
    return {"times": times, "facts": facts}


def export_time(client: WsgiClient) -> dict:
    """Seconds to the first CSV line and to the end of an export of every public record."""
    started = time.perf_counter()
    chunks = client.application(client.environ(EXPORT_URL, {}), lambda status, headers, exc_info=None: None)
    first = None
    lines = 0
    try:
        for chunk in chunks:
            if first is None and b"\n" in chunk:
                first = time.perf_counter() - started
            lines += chunk.count(b"\n")
    finally:
        getattr(chunks, "close", lambda: None)()
    return {"first": first, "total": time.perf_counter() - started, "rows": lines - 1}


def summary(args, measured: dict, database: str) -> int:
    times, facts = measured["times"], measured["facts"]
    small = [t for samples in times["small"].values() for t in samples]
    large = [t for samples in times["large"].values() for t in samples]
    print()
    print(
        f"Database search ({database}): {args.large:,} vs {args.small:,} records, seed {args.seed}, "
        f"{len(QUERY_MIX)} queries x {args.rounds} rounds, anonymous, DEBUG off"
    )
    print(f"Machine: {common.machine_line()}")
    print(f"{'query':<28}{'small ms':>10}{'large ms':>10}{'ratio':>7}")
    for name, _params in QUERY_MIX:
        a, b = common.median(times["small"][name]), common.median(times["large"][name])
        print(f"{name:<28}{a * 1000:>10.1f}{b * 1000:>10.1f}{b / a:>7.2f}")
    p50 = common.median(large) / common.median(small)
    p95 = common.percentile(large, 95) / common.percentile(small, 95)
    print(
        f"{'all (p50)':<28}{common.median(small) * 1000:>10.1f}{common.median(large) * 1000:>10.1f}{p50:>7.2f}\n"
        f"{'all (p95)':<28}{common.percentile(small, 95) * 1000:>10.1f}"
        f"{common.percentile(large, 95) * 1000:>10.1f}{p95:>7.2f}"
    )
    if facts.get("approximate"):
        print(f"facets estimated from a sample on the large archive for: {', '.join(facts['approximate'])}")
    page = common.median(large)  # one API page: the median over the mix on the large archive
    for size in ("small", "large"):
        export = facts[size]["export"]
        print(
            f"export.csv of everything, {size}: {export['rows']:,} rows, first line after "
            f"{export['first'] * 1000:.1f} ms, all in {export['total']:.2f} s"
        )
        if export["rows"] != facts[size]["public"]:
            return common.goals_report(
                [], [f"the {size} export has {export['rows']} rows, not {facts[size]['public']}"]
            )
    first = facts["large"]["export"]["first"]
    goals = [
        (f"API p50, {args.large:,} / {args.small:,} records", p50, f"<= {GOAL_RATIO}×", p50 <= GOAL_RATIO),
        (
            f"export's first line on {args.large:,} records, ms (vs one API page: the p50 above)",
            round(first * 1000, 1),
            f"<= {page * 1000:.1f}",
            first <= page,
        ),
    ]
    return common.goals_report(goals, [])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1991)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    if args.large <= args.small:
        parser.error("--large must be more than --small")

    common.keep_log("fallback")
    workspace = common.django_setup(database_url=args.database_url)
    database = "PostgreSQL" if workspace.is_postgres else "SQLite"
    try:
        common.monuments_create()
        print(f"migrated ({database}); importing {args.small:,} records", flush=True)
        records_import(args.small, seed=args.seed, start=0)
        archives = Archives(workspace)
        archives.copy()
        archives.use("large")
        print(f"copied; importing {args.large - args.small:,} more into the copy", flush=True)
        seconds = records_import(args.large - args.small, seed=args.seed, start=args.small)
        print(f"  {(args.large - args.small) / seconds:,.0f} rows/s; timing", flush=True)
        measured = measure(args, archives)
    finally:
        common.workspace_cleanup(workspace)
    return summary(args, measured, database)


if __name__ == "__main__":
    sys.exit(main())
