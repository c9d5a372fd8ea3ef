"""What a tour page shows, read in a bounded number of queries (docs/tours.md)."""

from dataclasses import dataclass, field

from wagtail.models import Page

from heritage.selectors import monument_records

from .models import HotspotTarget, PanoramaHotspot, TourPage, TourStop

STOP_RECORDS = 3  # the latest public records a stop shows; its monument's page has the rest


@dataclass
class Hotspot:
    """A hotspot as the page lists it: a link when its target is there for the reader, else text."""

    label: str
    href: str = ""
    note: str = ""
    target: str = ""


@dataclass
class Stop:
    number: int
    stop: TourStop
    monument: Page
    hotspots: list[Hotspot] = field(default_factory=list)
    records: list = field(default_factory=list)
    records_count: int = 0


def _live_in_language(page: Page | None, locale) -> Page | None:
    """`page`'s live translation in `locale` (or `page` itself when it has none), None when not live."""
    if page is None:
        return None
    translated = page.get_translation_or_none(locale) if page.locale_id != locale.pk else page
    page = translated or page
    return page if page.live else None


def hotspot_view(hotspot: PanoramaHotspot, *, stops_by_panorama: dict[int, int], locale) -> Hotspot:
    """A hotspot as a link to the stop showing its target scene, to its target page, or as its note;
    a target deleted, unpublished or outside the tour leaves the label as text, never an error."""
    view = Hotspot(label=hotspot.label, target=hotspot.target)
    if view.target == HotspotTarget.SCENE:
        panorama_id = hotspot.target_scene_id
        scene = hotspot.target_scene
        if scene is not None and scene.locale_id != locale.pk:
            scene = scene.get_translation_or_none(locale) or scene
        number = stops_by_panorama.get(scene.pk if scene else panorama_id)
        if number:
            view.href = f"#stop-{number}"
    elif view.target == HotspotTarget.PAGE:
        page = _live_in_language(hotspot.target_page, locale)
        if page is not None:
            view.href = page.url
    elif view.target == HotspotTarget.NOTE:
        view.note = hotspot.note
    return view


def tour_stops(tour: TourPage, *, user) -> list[Stop]:
    """The tour's stops in order, each with its monument in the tour's language, hotspots and latest records."""
    locale = tour.locale
    stops = list(
        tour.stops.select_related("monument", "panorama", "panorama__image", "audio").prefetch_related(
            "panorama__hotspots__target_scene", "panorama__hotspots__target_page"
        )
    )
    stops_by_panorama = {stop.panorama_id: number for number, stop in enumerate(stops, start=1) if stop.panorama_id}
    views = []
    for number, stop in enumerate(stops, start=1):
        monument = _live_in_language(stop.monument, locale) or stop.monument
        view = Stop(number=number, stop=stop, monument=monument.specific)
        if stop.panorama is not None:
            view.hotspots = [
                hotspot_view(hotspot, stops_by_panorama=stops_by_panorama, locale=locale)
                for hotspot in stop.panorama.hotspots.all()
            ]
        records = monument_records(stop.monument, user=user)
        view.records_count = records.count()
        view.records = list(records.order_by("-start_earliest", "-pk")[:STOP_RECORDS])
        views.append(view)
    return views
