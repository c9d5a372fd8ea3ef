"""Restoration import benchmark (issue 2): validated CSV import speed, and monument page SQL queries.

    .venv/bin/python benchmarks/import.py [--rows 10000] [--runs 3] [--seed 1991]
        [--database-url postgres://heritage:heritage@127.0.0.1:59432/heritage_bench]

For SQLite (always) and each --database-url, in a separate process on a throwaway database:
1. migrates, creates the site tree and the 18 demo monuments (not timed), and saves that state as
   a template; every timed run starts from a fresh copy of it;
2. generates a seeded CSV of --rows realistic records (heritage.demo monuments, Vietnamese text);
3. times the validated import, `heritage.importing.restorations_import` (what `manage.py
   import_restorations` runs, including the after-commit search indexing), --runs times;
4. times the baseline of the same run: the same CSV parsed and written with raw `bulk_create`
   (records, vocabulary terms, many-to-many links; no validation, revisions, log entries or indexing);
5. counts the SQL queries of a monument page (Django test Client) with 5 and with 100 public records,
   each with a before and an after image.

Prints medians and the ratio validated / raw, and keeps a copy of the output in benchmarks/logs/
(git-ignored). Exits 1 when a run fails or a goal is missed
(SQLite >= 1,000 rows/s; the page's query count the same for 5 and 100 records).
"""

import argparse
import csv
import io
import json
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import common  # noqa: E402

GOAL_ROWS_PER_SECOND = 1000


# --- In the worker process (Django set up) ----------------------------------------------------


def validated_import(data: bytes) -> dict:
    """One validated import of `data`; the seconds spent, in total and per stage."""
    from heritage.importing import restorations_import

    marks = {}

    def progress(stage: str, done: int, total: int) -> None:
        if done == total:
            marks[stage] = time.perf_counter()

    started = time.perf_counter()
    report = restorations_import(data=data, progress=progress)
    finished = time.perf_counter()
    if not report.ok:
        raise common.BenchmarkFailure(f"the import refused rows: {[str(e) for e in report.errors[:5]]}")
    return {
        "seconds": finished - started,
        "report": report.summary,
        "created": report.created,
        "read_and_check": marks.get("checking", started) - started,
        "write": marks.get("writing", finished) - marks.get("checking", started),
        "after_commit": finished - marks.get("writing", finished),
    }


def raw_insert(data: bytes) -> int:
    """The baseline: the same rows inserted with bulk_create, trusting every cell."""
    from django.db import transaction

    from heritage.importing import VOCABULARIES
    from heritage.models import MonumentPage, RestorationRecord
    from heritage.services import DEFAULT_LOCALE
    from heritage.text import fold

    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    monuments = {}
    for pk, slug, name_vi, name_en in MonumentPage.objects.filter(locale__language_code=DEFAULT_LOCALE).values_list(
        "pk", "slug", "name_vi", "name_en"
    ):
        for name in (slug, name_vi, name_en):
            monuments[fold(name)] = pk
    with transaction.atomic():
        term_ids = {}
        for column, model in VOCABULARIES.items():
            names = {fold(name): name.strip() for row in rows for name in row[column].split(";") if name.strip()}
            model.objects.bulk_create(
                [model(name=name, key=key) for key, name in names.items()], ignore_conflicts=True, batch_size=500
            )
            term_ids[column] = dict(model.objects.values_list("key", "pk"))
        records = []
        for row in rows:
            record = RestorationRecord(
                reference=row["reference"],
                monument_id=monuments[fold(row["monument"])],
                title=row["title"],
                record_type=row["record_type"],
                start=row["start"],
                end=row["end"],
                funder=row["funder"],
                budget=Decimal(row["budget"]) if row["budget"] else None,
                currency=row["currency"],
                condition_before=row["condition_before"],
                condition_after=row["condition_after"],
                summary=row["summary"],
                visibility=row["visibility"],
                live=True,
            )
            record.set_date_bounds()
            records.append(record)
        RestorationRecord.objects.bulk_create(records, batch_size=500)
        for column in VOCABULARIES:
            through = RestorationRecord._meta.get_field(column).remote_field.through
            m2m = RestorationRecord._meta.get_field(column)
            source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
            links = [
                through(**{f"{source}_id": record.pk, f"{target}_id": term_ids[column][fold(name)]})
                for record, row in zip(records, rows, strict=True)
                for name in row[column].split(";")
                if name.strip()
            ]
            through.objects.bulk_create(links, batch_size=500, ignore_conflicts=True)
    return len(records)


def _png(color) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (96, 72), color).save(buffer, "PNG")
    return buffer.getvalue()


def records_with_images(monument, count: int) -> None:
    """`count` published public records on `monument`, each with terms and a before and an after image."""
    from django.core.files.images import ImageFile

    from heritage.models import HeritageImage, Material, Partner, RestorationImage, RestorationRecord, Technique
    from heritage.services import vocabulary_terms_ensure

    techniques = vocabulary_terms_ensure(Technique, ["Tu bổ kết cấu gỗ", "Lợp lại mái ngói"])
    materials = vocabulary_terms_ensure(Material, ["Gỗ lim", "Ngói ống lưu ly"])
    partners = vocabulary_terms_ensure(Partner, ["UNESCO"])
    for number in range(count):
        record = RestorationRecord(
            monument=monument,
            reference=f"PAGE-{monument.slug}-{number:04d}",
            title=f"Tu bổ mái ngói đợt {number + 1}",
            record_type="treatment",
            start=str(1990 + number % 35),
            end=str(1991 + number % 35),
            summary="Thay ngói ống lưu ly, gia cố hệ kèo gỗ lim.",
            visibility="public",
            condition_before="poor",
            condition_after="good",
        )
        record.full_clean()
        record.save()
        record.techniques.set(techniques)
        record.materials.set(materials)
        record.partners.set(partners)
        for phase, color in (("before", (150, 60, 40)), ("after", (60, 120, 60))):
            image = HeritageImage.objects.create(
                title=f"{record.reference} {phase}",
                file=ImageFile(io.BytesIO(_png(color)), name=f"{record.reference}-{phase}.png"),
                licence="placeholder",
            )
            RestorationImage.objects.create(record=record, image=image, phase=phase)
        record.save_revision().publish()


def page_query_counts() -> dict:
    """SQL queries of two monument pages: one with 5 records (10 images), one with 100 (200 images)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from heritage.models import MonumentPage
    from heritage.selectors import SUMMARY_LATEST, SUMMARY_MAJOR

    sizes = {"ngo-mon": 5, "dien-thai-hoa": 100}
    result = {}
    client = Client()
    for slug, count in sizes.items():
        monument = MonumentPage.objects.get(slug=slug, locale__language_code="vi")
        records_with_images(monument, count)
        url = monument.get_url()
        counts = []
        for _view in range(3):  # the first view generates the renditions; the later ones are what visitors cost
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            if response.status_code != 200:
                raise common.BenchmarkFailure(f"{url} answered {response.status_code}")
            counts.append(len(queries))
        shown = response.content.decode().count('class="record"')
        expected = min(count, SUMMARY_LATEST + SUMMARY_MAJOR)  # the page summarises: latest and major works
        if shown != expected:
            raise common.BenchmarkFailure(f"{url} shows {shown} records, expected {expected}")
        result[count] = {"url": url, "first_view": counts[0], "later_views": counts[1:]}
    return result


def worker(args) -> dict:
    workspace = common.django_setup(database_url=args.database_url)
    try:
        from django.db import connection

        from heritage.models import RestorationRecord

        vendor = connection.vendor
        print(f"[{vendor}] migrated; creating the monuments", flush=True)
        with common.stopwatch() as elapsed:
            common.monuments_create()
        print(f"[{vendor}] site tree and 18 monuments in {elapsed[0]:.1f}s", flush=True)
        databases = common.FreshDatabases(workspace)
        databases.snapshot()

        data = common.rows_to_csv(common.restoration_rows(args.rows, seed=args.seed))
        csv_path = workspace.root / "restorations.csv"
        csv_path.write_bytes(data)
        print(f"[{vendor}] generated {args.rows} rows ({len(data) / 1024 / 1024:.1f} MB) in {csv_path}", flush=True)

        from heritage.importing import file_read

        imports, baselines = [], []
        for run in range(1, args.runs + 1):
            databases.restore()
            outcome = validated_import(file_read(csv_path))
            stored = RestorationRecord.objects.count()
            if outcome["created"] != args.rows or stored != args.rows:
                raise common.BenchmarkFailure(f"created {outcome['created']}, stored {stored}, expected {args.rows}")
            imports.append(outcome)
            print(
                f"[{vendor}] run {run}: validated import {outcome['seconds']:.2f}s "
                f"({args.rows / outcome['seconds']:.0f} rows/s; read+check {outcome['read_and_check']:.2f}s, "
                f"write {outcome['write']:.2f}s, after commit {outcome['after_commit']:.2f}s) — {outcome['report']}",
                flush=True,
            )
            databases.restore()
            with common.stopwatch() as elapsed:
                inserted = raw_insert(data)
            if inserted != args.rows or RestorationRecord.objects.count() != args.rows:
                raise common.BenchmarkFailure(f"the raw insert stored {inserted} rows, expected {args.rows}")
            baselines.append(elapsed[0])
            print(f"[{vendor}] run {run}: raw bulk_create {elapsed[0]:.2f}s ({args.rows / elapsed[0]:.0f} rows/s)")

        databases.restore()
        queries = page_query_counts()
        for count, figures in queries.items():
            print(
                f"[{vendor}] monument page with {count} records: {figures['first_view']} queries on the first view "
                f"(renditions generated), {figures['later_views']} on later views",
                flush=True,
            )
        return {
            "vendor": vendor,
            "rows": args.rows,
            "imports": imports,
            "baselines": baselines,
            "queries": queries,
        }
    finally:
        common.workspace_cleanup(workspace)


# --- The orchestrating process -----------------------------------------------------------------


def summary(results: list[dict], failures: list[str], args) -> int:
    print()
    print(f"Restoration import: {args.rows:,} rows, seed {args.seed}, median of {args.runs} runs, fresh database each")
    print(f"Machine: {common.machine_line()}")
    print("Throughput ratio = validated rows/s / raw bulk_create rows/s (the raw insert is the same run's baseline).")
    print(
        f"{'database':<12}{'validated rows/s':>18}{'raw insert rows/s':>19}{'ratio':>8}"
        "   median stages of the validated import"
    )
    goals = []
    for result in results:
        seconds = common.median([run["seconds"] for run in result["imports"]])
        raw = common.median(result["baselines"])
        stages = " / ".join(
            f"{name} {common.median([run[key] for run in result['imports']]):.2f}s"
            for name, key in (("read+check", "read_and_check"), ("write", "write"), ("after commit", "after_commit"))
        )
        rate, raw_rate = result["rows"] / seconds, result["rows"] / raw
        print(f"{result['vendor']:<12}{rate:>18,.0f}{raw_rate:>19,.0f}{raw / seconds:>8.2f}   {stages}")
        if result["vendor"] == "sqlite":
            goals.append(
                (
                    f"SQLite validated import, rows/s (ratio to raw {raw / seconds:.2f})",
                    round(rate),
                    f">= {GOAL_ROWS_PER_SECOND:,}",
                    rate >= GOAL_ROWS_PER_SECOND,
                )
            )
    print()
    print("Monument page SQL queries (Django test Client, anonymous, Vietnamese page):")
    for result in results:
        few, many = result["queries"]["5"], result["queries"]["100"]
        equal = few["later_views"][-1] == many["later_views"][-1]
        print(
            f"  {result['vendor']}: 5 records + 10 images: {few['later_views'][-1]} queries; "
            f"100 records + 200 images: {many['later_views'][-1]} queries; equal: {'yes' if equal else 'NO'} "
            f"(first views, which generate the renditions: {few['first_view']} and {many['first_view']})"
        )
        goals.append(
            (f"{result['vendor']} monument page queries, 100 vs 5 records", many["later_views"][-1], "equal", equal)
        )
    return common.goals_report(goals, failures)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1991)
    parser.add_argument(
        "--database-url",
        action="append",
        default=[],
        help="also measure on this PostgreSQL database (created and dropped; repeatable)",
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--result-file", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        args.database_url = args.database_url[0] if args.database_url else ""
        try:
            result = worker(args)
        except Exception as error:
            print(f"benchmark failed: {error.__class__.__name__}: {error}", file=sys.stderr)
            raise
        Path(args.result_file).write_text(json.dumps(result))
        return 0

    common.keep_log("import")
    # One process per database: Django's settings are read once.
    results, failures = [], []
    for url in ["", *args.database_url]:
        label = url.rpartition("@")[2] if url else "SQLite (temporary file)"
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            command = [sys.executable, __file__, "--worker", "--result-file", out.name]
            command += ["--rows", str(args.rows), "--runs", str(args.runs), "--seed", str(args.seed)]
            if url:
                command += ["--database-url", url]
            print(f"== {label}", flush=True)
            # The worker's output goes through this process's stdout, so that the log keeps it too.
            with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as worker_run:
                for line in worker_run.stdout:
                    print(line, end="", flush=True)
            if worker_run.returncode != 0:
                failures.append(f"{label}: the benchmark process exited with {worker_run.returncode}")
                continue
            results.append(json.loads(Path(out.name).read_text()))
    return summary(results, failures, args)


if __name__ == "__main__":
    sys.exit(main())
