"""What the 360° viewer (static/js/tour.js, Photo Sphere Viewer) is given: the tour's scenes as its
virtual-tour nodes, their hotspots as links between scenes or markers, and its interface's words in
the page's language. Everything here is also in the page's HTML; the viewer only shows it in 360°."""

from django.templatetags.static import static
from django.utils.translation import gettext

from heritage.renditions import rendition_of

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
        rendition = rendition_of(panorama.image, "panorama")
        low = rendition_of(panorama.image, "panorama_low")
        scenes.append(
            {
                "id": scene_id(view.number),
                "stop": view.number,
                "name": panorama.title,
                "panorama": rendition.url,
                "panoramaLow": low.url,  # without network (static/js/tour.js), what offline keeps
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


# The viewer's code (static/js/tour.js imports it when asked): saved for offline with the tour.
VIEWER_FILES = (
    "vendor/photo-sphere-viewer/core/index.module.js",
    "vendor/photo-sphere-viewer/core/index.css",
    "vendor/photo-sphere-viewer/markers-plugin/index.module.js",
    "vendor/photo-sphere-viewer/markers-plugin/index.css",
    "vendor/photo-sphere-viewer/virtual-tour-plugin/index.module.js",
    "vendor/photo-sphere-viewer/virtual-tour-plugin/index.css",
    "vendor/three/three.module.min.js",
    "vendor/three/three.core.min.js",
    "tours/citadel.geojson",
)


def offline_files(stops: list[Stop], viewer: dict) -> list[str]:
    """What "Save for offline" keeps besides what the page itself loads (its HTML, styles, scripts
    and images, which static/js/offline.js reads from the page): the low-resolution panoramas, the
    stops' audio and, when there are scenes, the viewer's code."""
    files = [scene["panoramaLow"] for scene in viewer["scenes"]]
    files += [view.stop.audio.url for view in stops if view.stop.audio]
    if viewer["scenes"]:
        files += [static(name) for name in VIEWER_FILES]
    else:
        files.append(static("tours/citadel.geojson"))
    return files
