"""Bounded pages benchmark (issue 10): a monument page and its timeline with many records vs with a few.

    .venv/bin/python benchmarks/pages.py [--records 10000] [--few 10] [--runs 15] [--seed 1991]

On SQLite (the embedded default), on a throwaway database, with production settings (DEBUG off):
1. migrates, creates the site tree and the 18 demo monuments, and a restorer (Restorers group);
2. imports, with the project's own import (`heritage.importing.restorations_import`, bulk writes),
   --records seeded realistic records on Điện Thái Hòa and --few on Ngọ Môn (a fifth internal),
   and gives every record the same before and after image (each timeline entry shows two figures);
3. times, through Django's test Client (the whole request: middleware, view, queries, templates),
   the monument page and the first page of the timeline of both monuments, anonymous and signed in
   as the restorer: --runs rounds after two warm-up rounds, every case once per round in turn, the
   cache cleared before each request (uncached: no page or rendition cache helps);
4. counts each page's SQL queries and bytes, and times the timeline's last page for information.

The baseline is the same page of the monument with --few records, measured in the same run.
Prints medians and ratios; exits 1 when a page with --records records takes more than 2× the
server time of the same page with --few (the goal), or a page answers wrongly.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import common  # noqa: E402

GOAL_RATIO = 2.0
BIG, SMALL = "dien-thai-hoa", "ngo-mon"
PAGES = {
    "monument page": "/vi/monuments/{slug}/",
    "timeline page": "/vi/restorations/timeline/{slug}/",
}


def records_import(slug: str, count: int, *, seed: int, prefix: str) -> dict:
    """`count` generated records on monument `slug`, through the project's import; its report."""
    from heritage.importing import restorations_import

    rows = []
    for row in common.restoration_rows(count, seed=seed, prefix=prefix):
        rows.append(common.GeneratedRecord(cells={**row.cells, "monument": slug}, monument_slug=slug))
    with common.stopwatch() as elapsed:
        report = restorations_import(data=common.rows_to_csv(rows))
    if not report.ok or report.created != count:
        raise common.BenchmarkFailure(f"the import of {count} records on {slug} failed: {report.summary}")
    return {"seconds": elapsed[0], "summary": report.summary}


def images_attach() -> None:
    """One before and one after image, shared by every record (bulk rows: the pages read them, nothing else)."""
    import io

    from django.core.files.images import ImageFile
    from PIL import Image

    from heritage.models import HeritageImage, RestorationImage, RestorationRecord

    images = {}
    for phase, colour in (("before", (150, 60, 40)), ("after", (60, 120, 60))):
        buffer = io.BytesIO()
        Image.new("RGB", (640, 480), colour).save(buffer, "PNG")
        images[phase] = HeritageImage.objects.create(
            title=phase, file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"{phase}.png"), licence="placeholder"
        )
    pks = RestorationRecord.objects.values_list("pk", flat=True)
    RestorationImage.objects.bulk_create(
        (RestorationImage(record_id=pk, image=images[phase], phase=phase) for pk in pks for phase in images),
        batch_size=1000,
    )


def restorer_create():
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(username="bench-restorer", password="not-a-secret")
    user.groups.add(Group.objects.get(name="Restorers"))
    return user


def expected_counts(slug: str) -> dict[str, int]:
    """How many records of `slug` each visitor may see, counted by the database."""
    from django.contrib.auth.models import AnonymousUser, User

    from heritage.models import RestorationRecord

    restorer = User.objects.get(username="bench-restorer")
    return {
        "anonymous": RestorationRecord.objects.visible_to(AnonymousUser()).filter(monument__slug=slug).count(),
        "restorer": RestorationRecord.objects.visible_to(restorer).filter(monument__slug=slug).count(),
    }


def request(client, url: str) -> tuple[float, object]:
    from django.core.cache import cache

    cache.clear()
    return common.timed_get(client, url)


def page_facts(client, url: str) -> dict:
    """Queries, bytes and records shown of one (untimed) request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        _seconds, response = request(client, url)
    html = response.content.decode()
    return {"queries": len(queries), "bytes": len(response.content), "shown": html.count('class="record"')}


def measure(args, *, restorer, visible: dict) -> dict:
    from django.test import Client

    from heritage.selectors import SUMMARY_LATEST, SUMMARY_MAJOR, TIMELINE_PAGE_SIZE

    clients = {"anonymous": Client(), "restorer": Client()}
    clients["restorer"].force_login(restorer)
    cases = [(page, user, slug) for page in PAGES for user in clients for slug in (SMALL, BIG)]
    facts, times = {}, {case: [] for case in cases}
    for case in cases:
        page, user, slug = case
        request(clients[user], PAGES[page].format(slug=slug))  # the first view generates the renditions
        facts[case] = page_facts(clients[user], PAGES[page].format(slug=slug))
        limit = SUMMARY_LATEST + SUMMARY_MAJOR if page == "monument page" else TIMELINE_PAGE_SIZE
        expected = min(visible[slug][user], limit)
        # A monument page shows the latest works and, among the others, up to SUMMARY_MAJOR major ones.
        low = min(visible[slug][user], SUMMARY_LATEST) if page == "monument page" else expected
        if not low <= facts[case]["shown"] <= expected:
            raise common.BenchmarkFailure(f"the {page} of {slug} ({user}) shows {facts[case]['shown']} records")
    for round_number in range(-2, args.runs):
        for case in cases:
            page, user, slug = case
            seconds, _response = request(clients[user], PAGES[page].format(slug=slug))
            if round_number >= 0:
                times[case].append(seconds)
        if round_number >= 0:
            shown = ", ".join(f"{times[case][-1] * 1000:.0f}" for case in cases)
            print(f"  round {round_number + 1}/{args.runs}, ms in the order of the table below: {shown}", flush=True)
    last = {}
    for user, client in clients.items():
        number = -(-visible[BIG][user] // TIMELINE_PAGE_SIZE)
        url = f"{PAGES['timeline page'].format(slug=BIG)}?page={number}"
        last[user] = {"page": number, "seconds": common.median([request(client, url)[0] for _run in range(5)])}
    return {"facts": facts, "times": times, "last": last}


def summary(args, measured: dict, visible: dict) -> int:
    facts, times = measured["facts"], measured["times"]
    print()
    print(
        f"Bounded pages: monument {BIG} with {args.records:,} records vs {SMALL} with {args.few}, seed {args.seed}, "
        f"median of {args.runs} rounds, SQLite, DEBUG off, cache cleared before each request"
    )
    print(f"Machine: {common.machine_line()}")
    print(f"Records visible: {BIG} {visible[BIG]}, {SMALL} {visible[SMALL]}")
    print(
        f"{'page':<15}{'visitor':<11}{'monument':<15}{'median ms':>10}{'p90 ms':>8}{'queries':>9}{'KB':>7}{'shown':>7}"
    )
    goals = []
    for page in PAGES:
        for user in ("anonymous", "restorer"):
            for slug in (SMALL, BIG):
                case = (page, user, slug)
                fact = facts[case]
                print(
                    f"{page:<15}{user:<11}{slug:<15}{common.median(times[case]) * 1000:>10.1f}"
                    f"{common.percentile(times[case], 90) * 1000:>8.1f}{fact['queries']:>9}"
                    f"{fact['bytes'] / 1024:>7.0f}{fact['shown']:>7}"
                )
            ratio = common.median(times[(page, user, BIG)]) / common.median(times[(page, user, SMALL)])
            goals.append(
                (f"{page}, {user}: {args.records:,} / {args.few} records, server time", ratio, f"<= {GOAL_RATIO}×",
                 ratio <= GOAL_RATIO)
            )  # fmt: skip
            same = facts[(page, user, BIG)]["queries"] == facts[(page, user, SMALL)]["queries"]
            goals.append((f"{page}, {user}: queries with {args.records:,} records", facts[(page, user, BIG)]["queries"],
                          f"= {facts[(page, user, SMALL)]['queries']} (as with {args.few})", same))  # fmt: skip
    for user, last in measured["last"].items():
        print(f"timeline's last page ({last['page']}), {user}, {BIG}: {last['seconds'] * 1000:.1f} ms (information)")
    return common.goals_report(goals, [])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--few", type=int, default=10)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--seed", type=int, default=1991)
    args = parser.parse_args()

    common.keep_log("pages")
    workspace = common.django_setup()
    try:
        print("migrated; creating the site tree, the 18 monuments and a restorer", flush=True)
        common.monuments_create()
        restorer = restorer_create()
        for slug, count, prefix in ((SMALL, args.few, "FEW"), (BIG, args.records, "MANY")):
            outcome = records_import(slug, count, seed=args.seed, prefix=prefix)
            print(
                f"imported {count:,} records on {slug} in {outcome['seconds']:.1f}s: {outcome['summary']}", flush=True
            )
        images_attach()
        visible = {slug: expected_counts(slug) for slug in (SMALL, BIG)}
        print(f"every record has a before and an after image; visible records {visible}; timing", flush=True)
        measured = measure(args, restorer=restorer, visible=visible)
    finally:
        common.workspace_cleanup(workspace)
    return summary(args, measured, visible)


if __name__ == "__main__":
    sys.exit(main())
