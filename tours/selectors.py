"""What a tour page shows, read in a number of queries that does not grow with its stops (docs/tours.md)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, Prefetch, Window, prefetch_related_objects
from django.db.models.functions import RowNumber
from wagtail.models import Page

from heritage.labels import archive_language
from heritage.models import MonumentPage, RestorationImage, RestorationRecord
from heritage.renditions import renditions_prefetch
from heritage.selectors import archive_pages

from .models import HotspotTarget, Panorama, PanoramaHotspot, TourPage, TourStop

STOP_RECORDS = 3  # the latest records a stop shows; its monument's page has the rest


@dataclass
class Hotspot:
    """A hotspot as the page lists it: a link when its target is there for the reader, else text."""

    label: str
    yaw: float
    pitch: float
    href: str = ""
    note: str = ""
    target: str = ""
    scene: int | None = None  # the number of the stop whose scene it leads to


@dataclass
class Stop:
    number: int
    stop: TourStop
    monument: MonumentPage
    hotspots: list[Hotspot] = field(default_factory=list)
    records: list = field(default_factory=list)
    records_count: int = 0
    # The latest of those records with images before and after, for the stop's comparison.
    compare: RestorationRecord | None = None


def listed_tours(pages):
    """The tours of `pages` a visitor is shown: live, public, with stops (a tour without stops answers
    404), with their cover's card rendition."""
    return (
        pages.live()
        .public()
        .filter(stops__isnull=False)
        .distinct()
        .select_related("cover_image")
        .prefetch_related(renditions_prefetch("cover_image__renditions", "tour_card"))
    )


def featured_tours(home, *, limit: int = 3) -> list[TourPage]:
    """The first `limit` tours under a home page, in the order of the page tree (curators order them)."""
    return list(listed_tours(TourPage.objects.descendant_of(home)).order_by("path")[:limit])


def by_key(queryset, keys) -> dict:
    """The objects of `queryset` (in one locale) with these translation keys, by translation key (one
    query, none without keys)."""
    if not keys:
        return {}
    return {item.translation_key: item for item in queryset.filter(translation_key__in=keys)}


def where_needed(queryset, items, *, fits) -> dict:
    """`items` by translation key: those that `fits` as they are, the others' translations from
    `queryset` (in one query, none when every item fits); an item with none there is left out."""
    found = {item.translation_key: item for item in items if fits(item)}
    found.update(by_key(queryset, {item.translation_key for item in items} - found.keys()))
    return found


def _records_by_monument(monument_keys, *, user) -> tuple[dict, dict]:
    """The latest STOP_RECORDS records `user` may see per monument (by the monument's translation key,
    so a record filed on any language's page counts), and how many there are, in one query (the count
    of each monument's records is a window over them, as their rank is)."""
    visible = RestorationRecord.objects.visible_to(user).filter(monument__translation_key__in=monument_keys)
    monument = F("monument__translation_key")
    ranked = visible.annotate(
        monument_key=monument,
        rank=Window(
            RowNumber(),
            partition_by=monument,
            order_by=[F("start_earliest").desc(nulls_last=True), F("pk").desc()],
        ),
        total=Window(Count("pk"), partition_by=monument),
    ).filter(rank__lte=STOP_RECORDS)
    latest, counts = defaultdict(list), {}
    records = list(ranked.order_by("monument_key", "rank"))
    # Their images' renditions are read with the panoramas' (tour_stops).
    prefetch_related_objects(records, Prefetch("images", queryset=RestorationImage.objects.select_related("image")))
    for record in records:
        latest[record.monument_key].append(record)
        counts[record.monument_key] = record.total
    return latest, counts


def _hotspot(hotspot: PanoramaHotspot, *, scenes: dict, pages: dict, stops_by_scene: dict) -> Hotspot:
    """A hotspot as a link to the stop showing its target scene, to its target page in the page's
    language, or as its note; a target deleted, unpublished or outside the tour leaves the label as
    text, never an error."""
    view = Hotspot(label=hotspot.label, yaw=hotspot.yaw, pitch=hotspot.pitch, target=hotspot.target)
    if view.target == HotspotTarget.SCENE:
        key = hotspot.target_scene.translation_key
        number = stops_by_scene.get(key)
        if number and key in scenes:
            view.href = f"#stop-{number}"
            view.scene = number
    elif view.target == HotspotTarget.PAGE:
        page = pages.get(hotspot.target_page.translation_key)
        if page is not None:
            view.href = page.url
    elif view.target == HotspotTarget.NOTE:
        view.note = hotspot.note
    return view


def _compares(record) -> bool:
    return bool(record.images_by_phase("before") and record.images_by_phase("after"))


def tour_stops(tour: TourPage, *, user) -> list[Stop]:
    """The tour's stops in order, each with its monument in the tour's language, its panorama's
    hotspots and its monument's latest records `user` may see. The same queries for 2 stops or 50."""
    locale = tour.locale_id
    # The archive's pages in the reader's language, or the archive's language they read first (Korean).
    archive = archive_language(tour.locale.language_code)
    stops = list(tour.stops.order_by("sort_order", "pk").select_related("monument__locale", "panorama__image", "audio"))
    # A stop's panorama is a synchronised link: on a translated tour it points at the original's
    # panorama, shown here in the page's language where it is translated.
    local_scenes = where_needed(
        Panorama.objects.filter(locale_id=locale).select_related("image"),
        [stop.panorama for stop in stops if stop.panorama],
        fits=lambda scene: scene.locale_id == locale,
    )
    for stop in stops:
        if stop.panorama:
            stop.panorama = local_scenes.get(stop.panorama.translation_key, stop.panorama)
    panoramas = [stop.panorama for stop in stops if stop.panorama]
    hotspots_with_targets = PanoramaHotspot.objects.select_related("target_scene", "target_page__locale")
    prefetch_related_objects(panoramas, Prefetch("hotspots", queryset=hotspots_with_targets))
    hotspots = [hotspot for stop in stops if stop.panorama for hotspot in stop.panorama.hotspots.all()]
    monuments = where_needed(
        archive_pages(MonumentPage, tour).live(),
        [stop.monument for stop in stops],
        # One in the archive's language and not live is shown as it is, as one without a translation.
        fits=lambda monument: monument.locale.language_code == archive,
    )
    scenes = where_needed(
        Panorama.objects.filter(locale_id=locale),
        [h.target_scene for h in hotspots if h.target_scene_id],
        fits=lambda scene: scene.locale_id == locale,
    )
    pages = where_needed(
        archive_pages(Page, tour).live(),
        [h.target_page for h in hotspots if h.target_page_id],
        fits=lambda page: page.live and page.locale.language_code == archive,
    )
    records, counts = _records_by_monument({stop.monument.translation_key for stop in stops}, user=user)
    # Every image's renditions the page shows, the scenes' and the records' comparisons, in one query.
    images = [panorama.image for panorama in panoramas]
    images += [shown.image for latest in records.values() for record in latest for shown in record.images.all()]
    prefetch_related_objects(images, renditions_prefetch("renditions", "panorama", "panorama_low", "compare"))
    stops_by_scene = {}
    for number, stop in enumerate(stops, start=1):
        if stop.panorama:
            stops_by_scene.setdefault(stop.panorama.translation_key, number)

    views = []
    for number, stop in enumerate(stops, start=1):
        key = stop.monument.translation_key
        view = Stop(number=number, stop=stop, monument=monuments.get(key, stop.monument))
        if stop.panorama:
            view.hotspots = [
                _hotspot(h, scenes=scenes, pages=pages, stops_by_scene=stops_by_scene)
                for h in stop.panorama.hotspots.all()
            ]
        view.records = records.get(key, [])
        view.compare = next((r for r in view.records if _compares(r)), None)
        view.records_count = counts.get(key, 0)
        views.append(view)
    return views
