"""What the 360° viewer (static/js/tour.js, Photo Sphere Viewer) is given: the tour's scenes as its
virtual-tour nodes, their hotspots as links between scenes or markers, and its interface's words in
the page's language. Everything here is also in the page's HTML; the viewer only shows it in 360°."""

from django.utils.translation import gettext
from wagtail.images.shortcuts import get_rendition_or_not_found

from heritage.renditions import RENDITIONS

from .selectors import Stop


def _degrees(value) -> str:
    return f"{float(value)}deg"


def scene_id(number: int) -> str:
    return f"stop-{number}-scene"


def viewer_data(stops: list[Stop]) -> dict:
    """The virtual tour's nodes (one per stop with a panorama, by stop number) and the viewer's words."""
    scenes = []
    for view in stops:
        panorama = view.stop.panorama
        if panorama is None:
            continue
        links, markers = [], []
        for index, hotspot in enumerate(view.hotspots):
            position = {"yaw": _degrees(hotspot.yaw), "pitch": _degrees(hotspot.pitch)}
            item = {"id": f"{scene_id(view.number)}-{index}", "label": hotspot.label, "position": position}
            if hotspot.scene:
                links.append({**item, "nodeId": scene_id(hotspot.scene)})
            else:
                markers.append({**item, "href": hotspot.href, "note": hotspot.note})
        rendition = get_rendition_or_not_found(panorama.image, RENDITIONS["panorama"])
        scenes.append(
            {
                "id": scene_id(view.number),
                "stop": view.number,
                "name": panorama.title,
                "panorama": rendition.url,
                "yaw": _degrees(panorama.initial_yaw),
                "pitch": _degrees(panorama.initial_pitch),
                "zoom": panorama.initial_zoom,
                "links": links,
                "markers": markers,
            }
        )
    return {"scenes": scenes, "words": viewer_words()}


def viewer_words() -> dict:
    """The viewer's own words, in the page's language."""
    return {
        "loading": gettext("Loading the panorama…"),
        "loadError": gettext("The panorama cannot be loaded."),
        "webglError": gettext("Your browser cannot show 360° panoramas (WebGL is off or missing)."),
        "left": gettext("Turn left"),
        "right": gettext("Turn right"),
        "up": gettext("Look up"),
        "down": gettext("Look down"),
        "zoomIn": gettext("Zoom in"),
        "zoomOut": gettext("Zoom out"),
        "close": gettext("Close the 360° view"),
        "controls": gettext("Move the view"),
        "hotspots": gettext("In this scene"),
        "goTo": gettext("Go to: %(label)s"),
        "scene": gettext("Scene: %(name)s"),
    }
