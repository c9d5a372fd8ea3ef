"""Tour page benchmark (the tours issue): a tour page's server time against a bare Django view.

    .venv/bin/python benchmarks/tour_page.py [--runs 30] [--stops 5,50]

On SQLite (the embedded default), on a throwaway database, with production settings (DEBUG off):
1. migrates, creates the site tree, the 18 demo monuments and a tours index;
2. creates a tour for each of --stops, its stops cycling through the monuments, each with a
   panorama (one 2:1 image) with two hotspots (to the next stop's scene and to a monument page),
   a narrative paragraph, and three public records per monument with a before and an after image;
3. times, through Django's test Client (the whole request: every middleware, the view, queries,
   templates), in turn each round: a bare Django view behind the same middleware (the baseline);
   for information, two pages the page cache never keeps: a page of Wagtail's own type with its
   title in Wagtail's own template (what serving any Wagtail page costs) and the tours index,
   which lists the two tours (what the site's frame costs any page: routing, navigation, head
   tags); each tour page uncached, as the first visitor after a publication meets it (the page
   cache emptied, the process's own caches of Wagtail's lookups and renditions warm); each tour
   page cold (every cache emptied: a process's first request; for information); and each tour
   page from the page cache; --runs rounds after three warm-up rounds;
4. counts the SQL queries of each tour page uncached and from the cache;
5. for information, times the smallest tour uncached again with timers around its parts: the
   routing (and its site lookup within it), the page's reading of what it shows, its templates,
   and the rest of the request; and across them, the ORM's composing of SQL and its running.

Prints medians and ratios to the bare view measured in the same run; exits 1 when a goal is
missed: uncached ≤ 15× the bare view, from cache ≤ 2×, at most 10 queries and the same number
for every tour size.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import common  # noqa: E402

UNCACHED_GOAL, CACHED_GOAL, QUERIES_GOAL = 15.0, 2.0, 10
BARE = "/bench/bare/"
INDEX = "/vi/tours/"
WAGTAIL_PAGE = "/vi/wagtail-page/"
urlpatterns = []  # this module is the URLconf while it runs: the bare view, then the site's


def bare(request):
    from django.http import HttpResponse

    return HttpResponse("ok")


def urls_install() -> None:
    from django.conf import settings
    from django.urls import clear_url_caches, path

    import config.urls

    urlpatterns[:] = [path(BARE.strip("/") + "/", bare), *config.urls.urlpatterns]
    settings.ROOT_URLCONF = __name__
    clear_url_caches()


def tours_create(monuments: dict, sizes: list[int]) -> dict[int, str]:
    """A tour per size under a new tours index; their URLs by size."""
    import io

    from django.core.files.images import ImageFile
    from PIL import Image
    from wagtail.models import Locale
    from wagtail.rich_text import RichText

    from heritage.models import HeritageImage, RestorationImage
    from heritage.services import site_tree_ensure
    from tests.factories import make_record
    from tours.models import Panorama, PanoramaHotspot, TourIndexPage, TourPage, TourStop

    def image(title, size, colour):
        buffer = io.BytesIO()
        Image.new("RGB", size, colour).save(buffer, "JPEG")
        return HeritageImage.objects.create(
            title=title, file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"{title}.jpg"), licence="placeholder"
        )

    vi = Locale.objects.get(language_code="vi")
    home = site_tree_ensure()["vi"]["home"]
    index = home.add_child(instance=TourIndexPage(title="Tham quan", slug="tours", locale=vi))
    index.save_revision().publish()
    scene_image = image("panorama", (2048, 1024), (90, 120, 160))
    before, after = image("before", (640, 480), (150, 60, 40)), image("after", (640, 480), (60, 120, 60))
    pages = list(monuments.values())
    for monument in pages:
        for year in (1995, 2005, 2015):
            record = make_record(monument, title=f"Tu bổ {monument.slug} {year}", start=str(year))
            RestorationImage.objects.create(record=record, image=before, phase="before")
            RestorationImage.objects.create(record=record, image=after, phase="after")
    urls = {}
    for size in sizes:
        scenes = [Panorama.objects.create(title=f"Cảnh {n}", image=scene_image, locale=vi) for n in range(size)]
        for number, scene in enumerate(scenes):
            following = scenes[(number + 1) % size]
            if following != scene:
                PanoramaHotspot.objects.create(panorama=scene, yaw=90, pitch=0, label="Tiếp", target_scene=following)
            PanoramaHotspot.objects.create(
                panorama=scene, yaw=-90, pitch=0, label="Trang", target_page=pages[number % len(pages)]
            )
        stops = [
            TourStop(
                monument=pages[number % len(pages)],
                panorama=scenes[number],
                narrative=[("text", RichText(f"<p>Điểm dừng {number + 1}.</p>"))],
                sort_order=number,
            )
            for number in range(size)
        ]
        tour = TourPage(
            title=f"Tour {size}", slug=f"tour-{size}", duration_minutes=60, distance_metres=1000, stops=stops
        )
        index.add_child(instance=tour)
        tour.save_revision().publish()
        urls[size] = f"/vi/tours/tour-{size}/"
    return urls


def wagtail_page_create() -> None:
    """A page of Wagtail's own base type under the home page (WAGTAIL_PAGE): its title in Wagtail's
    own ten-line template, with Wagtail's own checks; what serving any Wagtail page costs here."""
    from wagtail.models import Page

    from heritage.services import site_tree_ensure

    home = site_tree_ensure()["vi"]["home"]
    page = home.add_child(instance=Page(title="Trang Wagtail", slug=WAGTAIL_PAGE.strip("/").split("/")[-1]))
    page.save_revision().publish()


def timed(client, url: str, *, clear: str = "") -> tuple[float, object]:
    """One request, after emptying the page cache (clear="pages") or every cache (clear="all")."""
    from django.core.cache import caches

    from heritage.page_cache import invalidate

    if clear == "pages":
        invalidate()
    elif clear == "all":
        for cache in caches.all():
            cache.clear()
    return common.timed_get(client, url)


def queries_of(client, url: str, *, clear: str) -> tuple[int, object]:
    """The SQL queries of the request alone (the emptying of caches before it not counted)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if clear:
        timed(client, BARE, clear=clear)  # the caches emptied by a request outside the count
    with CaptureQueriesContext(connection) as queries:
        _seconds, response = timed(client, url)
    return len(queries), response


def measure(args, urls: dict[int, str]) -> dict:
    from django.test import Client

    from heritage.page_cache import HIT_HEADER

    client = Client()
    # For information, two pages the page cache does not keep: a page of Wagtail's own type in its
    # own template (what serving any Wagtail page costs), and the tours index (what a page of the
    # site costs with its frame: the navigation, the head tags, the base template).
    cases = [
        ("bare view", BARE, ""),
        ("Wagtail page (information)", WAGTAIL_PAGE, "pages"),
        ("tours index (information)", INDEX, "pages"),
    ]
    for size, url in urls.items():
        cases += [
            (f"tour, {size} stops, uncached", url, "pages"),
            (f"tour, {size} stops, cold", url, "all"),
            (f"tour, {size} stops, from cache", url, ""),
        ]
    facts = {}
    for name, url, clear in cases:
        timed(client, url, clear=clear)  # renditions made, cache filled
        count, response = queries_of(client, url, clear=clear)
        hit = response.get(HIT_HEADER, "")
        expected = "" if url in (BARE, WAGTAIL_PAGE, INDEX) else ("hit" if clear == "" else "miss")
        if hit != expected:
            raise common.BenchmarkFailure(f"{name}: the page cache answered {hit!r}, expected {expected!r}")
        facts[name] = {"queries": count, "bytes": len(response.content)}
    times = {name: [] for name, _url, _clear in cases}
    for round_number in range(-3, args.runs):
        for name, url, clear in cases:
            seconds, _response = timed(client, url, clear=clear)
            if round_number >= 0:
                times[name].append(seconds)
    return {"facts": facts, "times": times}


def parts_measure(args, url: str) -> dict[str, list[float]]:
    """Where an uncached tour page's time goes (for information): timers around the routing
    (heritage.routing, and within it the site lookup), the page's reading of what it shows (its
    context) and its templates, in requests of their own after the timed rounds; the rest is the
    whole request less those (middleware, view restrictions, the page cache's write, compression).
    Across those parts, the time Django's ORM spends composing SQL (its compiler) and running it
    (the cursor's execute)."""
    import contextlib
    import time
    from unittest import mock

    from django.db.backends.utils import CursorWrapper
    from django.db.models.sql.compiler import SQLCompiler
    from django.template.response import SimpleTemplateResponse
    from django.test import Client

    from heritage import routing
    from tours.models import TourPage

    spent, depth = {}, {}

    def timer(part, function):
        """`function` timed as `part`, its outermost calls only (a query's compiler compiles its
        subqueries)."""

        def timed_call(*args, **kwargs):
            depth[part] = depth.get(part, 0) + 1
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                depth[part] -= 1
                if not depth[part]:
                    spent[part] += time.perf_counter() - start

        return timed_call

    parts = {
        "routing": (routing, "route_for_request"),
        "  of which the site lookup": (routing, "site_for_request"),
        "reading (the page's context)": (TourPage, "get_context"),
        "templates": (SimpleTemplateResponse, "render"),
        "  SQL composed, in all parts": (SQLCompiler, "as_sql"),
        "  SQL run, in all parts": (CursorWrapper, "_execute_with_wrappers"),
    }
    samples = {part: [] for part in [*parts, "the rest", "whole request"]}
    client = Client()
    with contextlib.ExitStack() as stack:
        for part, (owner, name) in parts.items():
            stack.enter_context(mock.patch.object(owner, name, timer(part, getattr(owner, name))))
        for round_number in range(-3, args.runs):
            spent.update(dict.fromkeys(parts, 0.0))
            seconds, _response = timed(client, url, clear="pages")
            if round_number >= 0:
                for part in parts:
                    samples[part].append(spent[part])
                samples["whole request"].append(seconds)
                samples["the rest"].append(seconds - sum(spent[part] for part in parts if part[0] != " "))
    return samples


def summary(args, measured: dict, sizes: list[int]) -> int:
    facts, times = measured["facts"], measured["times"]
    base = common.median(times["bare view"])
    print()
    print(f"Tour page vs a bare Django view: median of {args.runs} rounds, SQLite, DEBUG off, same middleware")
    print("uncached: page cache emptied, Wagtail's lookups warm; cold: every cache emptied (information)")
    print(f"Machine: {common.machine_line()}")
    print(f"{'case':<32}{'median ms':>10}{'p90 ms':>8}{'× bare':>8}{'queries':>9}{'KB':>6}")
    for name, values in times.items():
        print(
            f"{name:<32}{common.median(values) * 1000:>10.2f}{common.percentile(values, 90) * 1000:>8.2f}"
            f"{common.median(values) / base:>8.1f}{facts[name]['queries']:>9}{facts[name]['bytes'] / 1024:>6.0f}"
        )
    if measured.get("parts"):
        print()
        print(f"Where an uncached {min(sizes)}-stop tour's time goes (timers around each part; information)")
        for part, values in measured["parts"].items():
            print(f"{part:<32}{common.median(values) * 1000:>10.2f}{'':>8}{common.median(values) / base:>8.1f}")
    goals = []
    for size in sizes:
        uncached = common.median(times[f"tour, {size} stops, uncached"]) / base
        cached = common.median(times[f"tour, {size} stops, from cache"]) / base
        queries = facts[f"tour, {size} stops, uncached"]["queries"]
        goals += [
            (f"{size} stops, uncached / bare view", uncached, f"<= {UNCACHED_GOAL:.0f}×", uncached <= UNCACHED_GOAL),
            (f"{size} stops, from cache / bare view", cached, f"<= {CACHED_GOAL:.0f}×", cached <= CACHED_GOAL),
            (f"{size} stops, SQL queries uncached", queries, f"<= {QUERIES_GOAL}", queries <= QUERIES_GOAL),
        ]
    counts = {facts[f"tour, {size} stops, uncached"]["queries"] for size in sizes}
    goals.append(("distinct query counts across tour sizes", len(counts), "= 1", len(counts) == 1))
    return common.goals_report(goals, [])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--stops", default="5,50")
    args = parser.parse_args()
    sizes = [int(size) for size in args.stops.split(",")]

    common.keep_log("tour_page")
    workspace = common.django_setup()
    try:
        print("migrated; creating the site tree, the 18 monuments and the tours", flush=True)
        monuments = common.monuments_create()
        urls = tours_create(monuments, sizes)
        wagtail_page_create()
        urls_install()
        print(f"tours {', '.join(urls.values())}; timing", flush=True)
        measured = measure(args, urls)
        measured["parts"] = parts_measure(args, urls[min(sizes)])
    finally:
        common.workspace_cleanup(workspace)
    return summary(args, measured, sizes)


if __name__ == "__main__":
    sys.exit(main())
