"""The image renditions the public pages show, by name, in one table.

Templates render them with `{% rendition image "gallery" %}` (heritage/templatetags/heritage_tags.py)
and querysets prefetch them with `renditions_prefetch()`, both reading `RENDITIONS`, so that a page
shows exactly the renditions it fetched beforehand, in one query, however many images it has.
"""

from django.db.models import Prefetch

RENDITIONS = {
    # Monument gallery, artefact images, images in a monument's body.
    "gallery": "width-960|format-webp",
    # Before/during/after images of a restoration record.
    "record_figure": "fill-480x360|format-webp",
    # A before/after comparison (a narrative's pair, a record's before and after images): both cut to
    # the same size, so that the slider lays one exactly over the other.
    "compare": "fill-960x720|format-webp",
    # A tour's cover on its card (tours index, home page).
    "tour_card": "fill-640x360|format-webp",
    # An artefact's first image in the artefacts listing.
    "card_thumbnail": "fill-160x160|format-webp",
    # A tour stop's 360° scene (an equirectangular image, 2:1) in the viewer: 4096 pixels wide at most,
    # which phones' graphics take as one texture.
    "panorama": "max-4096x2048|format-jpeg|jpegquality-80",
    # The same scene saved for offline use (a phone's storage) and shown without network.
    "panorama_low": "max-2048x1024|format-jpeg|jpegquality-70",
    # A page's image in link previews (Open Graph, Twitter card): their 1.91:1 size, in JPEG, which
    # every preview reader takes (heritage/seo.py).
    "share": "fill-1200x630|format-jpeg",
}


def renditions_prefetch(lookup: str, *names: str) -> Prefetch:
    """Prefetch, along `lookup` (e.g. "images__image__renditions"), the renditions named `names`."""
    from .models import HeritageRendition

    specs = [RENDITIONS[name] for name in names]
    return Prefetch(lookup, queryset=HeritageRendition.objects.filter(filter_spec__in=specs))
