"""The image renditions the public pages show, by name, in one table.

Templates render them with `{% rendition image "gallery" %}` (heritage/templatetags/heritage_tags.py)
and querysets prefetch them with `renditions_prefetch()`, both reading `RENDITIONS`, so that a page
shows exactly the renditions it fetched beforehand, in one query, however many images it has.

A spec may offer choices in braces, as Wagtail's `{% picture %}` takes them: the page then shows a
`<picture>` with an AVIF source, a WebP image for browsers without AVIF, and, where it offers
several sizes, each with its width for the browser to choose by `PICTURE_SIZES` (the width the
image takes in the layout, static/css/site.css: the content column is at most 60rem).
"""

from functools import cache

from django.db.models import Prefetch
from wagtail.images.models import Filter, SourceImageIOError
from wagtail.images.shortcuts import get_rendition_or_not_found

PICTURE_FORMATS = "format-{avif,webp}"

RENDITIONS = {
    # Monument gallery, artefact images, images in a monument's body or a tour's narrative.
    "gallery": f"width-{{480,960}}|{PICTURE_FORMATS}",
    # Before/during/after images of a restoration record.
    "record_figure": f"fill-480x360|{PICTURE_FORMATS}",
    # A before/after comparison (a narrative's pair, a record's before and after images): both cut to
    # the same size, so that the slider lays one exactly over the other.
    "compare": f"fill-{{480x360,960x720}}|{PICTURE_FORMATS}",
    # A tour's cover on its card (tours index, home page).
    "tour_card": f"fill-640x360|{PICTURE_FORMATS}",
    # An artefact's first image in the artefacts listing.
    "card_thumbnail": f"fill-160x160|{PICTURE_FORMATS}",
    # A tour stop's 360° scene (an equirectangular image, 2:1) in the viewer: 4096 pixels wide at most,
    # which phones' graphics take as one texture.
    "panorama": "max-4096x2048|format-jpeg|jpegquality-80",
    # The same scene saved for offline use (a phone's storage) and shown without network.
    "panorama_low": "max-2048x1024|format-jpeg|jpegquality-70",
    # A page's image in link previews (Open Graph, Twitter card): their 1.91:1 size, in JPEG, which
    # every preview reader takes (heritage/seo.py).
    "share": "fill-1200x630|format-jpeg",
}


# The `sizes` of the pictures offered in several widths: the width they take on the page.
PICTURE_SIZES = {
    "gallery": "(min-width: 60rem) 60rem, 100vw",
    "compare": "(min-width: 60rem) 60rem, 100vw",
}


@cache
def specs(name: str) -> list[str]:
    """The rendition specs the picture named `name` is made of ("fill-480x360|format-avif", …),
    expanded once per process (the tag asks for every image it renders)."""
    return Filter.expand_spec(RENDITIONS[name])


@cache
def filters(name: str) -> tuple[Filter, ...]:
    """The filters of `name`, made once per process: Wagtail parses a filter's operations again for
    every new Filter, and a tour page asks for hundreds of renditions."""
    return tuple(Filter(spec=spec) for spec in specs(name))


def renditions_of(image, name: str) -> dict:
    """`image`'s renditions named `name`, by spec: those the view prefetched (renditions_prefetch),
    else from Wagtail's rendition cache or database, made where missing. Only Wagtail's "not found"
    image when the source file is missing, as `{% image %}` gives."""
    chosen = filters(name)
    try:
        return image.get_renditions(*chosen)
    except SourceImageIOError:
        return {chosen[-1].spec: get_rendition_or_not_found(image, chosen[-1])}


def rendition_of(image, name: str):
    """`image`'s rendition named `name`, a name of one spec (renditions_of)."""
    [rendition] = renditions_of(image, name).values()
    return rendition


def renditions_prefetch(lookup: str, *names: str) -> Prefetch:
    """Prefetch, along `lookup` (e.g. "images__image__renditions"), the renditions named `names`."""
    from .models import HeritageRendition

    wanted = [spec for name in names for spec in specs(name)]
    return Prefetch(lookup, queryset=HeritageRendition.objects.filter(filter_spec__in=wanted))
