"""What every public page tells search engines and link previews: one rule, one place.

Each page has a `Subject`: its title, a description from its own text in the page's language,
its main image, its schema.org data, and whether it may be indexed. Pages of the tree get theirs
from `page_subject()`; views outside the tree (a record, a timeline, the searches) put one in
their template's context as `seo`. `head_tags()` turns a subject into the tags of the page's
<head> (description, canonical URL, hreflang alternates with x-default, Open Graph and Twitter
card, JSON-LD), which `templates/includes/head_meta.html` writes, called once from base.html
through the `{% head_meta %}` tag. A page without a subject (an error page) is not indexed.

URLs are absolute, from the request's scheme and host (which Django checks against
ALLOWED_HOSTS and the TLS proxy's header) and the paths Wagtail's Site gives the pages, so the
canonical URL, the alternates and the sitemap (heritage/sitemaps.py) agree on whatever host serves
the site. docs/seo.md says why each choice was made.
"""

import html
import json
from dataclasses import dataclass

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import translate_url
from django.utils.html import strip_tags
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .collation import sorted_by_name
from .l10n import partial_date
from .labels import display_names, name_in, text_in
from .models import ArtefactIndexPage, ArtefactPage, HomePage, MonumentIndexPage, MonumentPage, RestorationRecord
from .renditions import rendition_of
from .visibility import record_is_public

# The image of pages that have none of their own: static/img/share.png (scripts/make_icons.py).
SHARE_IMAGE = ("img/share.png", 1200, 630)
OG_LOCALES = {"vi": "vi_VN", "en": "en_GB", "ko": "ko_KR"}
# Query parameters that make another page of content (a category, a page of a list); the canonical
# URL and the alternates keep them, and drop every other one (tracking, sort order, page size).
CANONICAL_PARAMS = ("category", "page")
DESCRIPTION_LENGTH = 160  # what search engines show of it
# What Django's json_script escapes, for a <script> of another type (application/ld+json):
# no "</script>" or "<!--" from the data can end or change the element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@dataclass(frozen=True)
class Subject:
    """What one page is about, in the page's language."""

    title: str
    description: str = ""
    image: object = None  # a HeritageImage, or None for the site's share image
    structured_data: dict | None = None  # schema.org, without @context, url and image
    indexable: bool = True


@dataclass(frozen=True)
class HeadTags:
    """Everything head_meta.html writes; URLs absolute."""

    title: str
    site_name: str
    description: str
    url: str  # og:url: the canonical URL, or the page as requested when it is not indexed
    canonical: str  # empty when the page is not indexed
    alternates: list[tuple[str, str]]  # (hreflang, URL), x-default last
    locale: str
    locale_alternates: list[str]
    image_url: str
    image_width: int
    image_height: int
    image_alt: str
    robots: str
    json_ld: SafeString | str = ""


# --- Subjects --------------------------------------------------------------------------------


def clip(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """Plain text from `text` (rich text included), cut at a word to at most `limit` characters."""
    plain = " ".join(html.unescape(strip_tags(str(text or ""))).split())
    if len(plain) <= limit:
        return plain
    cut = plain[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:·–- ")
    return f"{cut}…"


def _default_language() -> str:
    return settings.LANGUAGE_CODE


def _own_texts(page, fields: tuple[str, ...], lang: str) -> dict[str, str]:
    """The page's text in `fields`, each empty where a translation still carries its original's words.

    A translated page starts as a copy of its original (Wagtail's copy_for_translation, and
    wagtail-localize for segments nobody translated yet): text identical to the default-language
    page's is not in this page's language, and a description must be.
    """
    texts = {name: str(getattr(page, name, "") or "") for name in fields}
    if lang == _default_language() or not any(texts.values()):
        return texts
    original = (
        type(page)
        .objects.filter(translation_key=page.translation_key, locale__language_code=_default_language())
        .values(*fields)
        .first()
    ) or {}
    return {name: "" if original.get(name) == text else text for name, text in texts.items()}


def description_of(page, field_name: str, lang: str, fallback: str) -> str:
    """The page's search description, else its `field_name` text, in `lang` only; else `fallback`."""
    return _description(page, field_name, lang, fallback)


def _description(page, field_name: str, lang: str, fallback: str) -> str:
    texts = _own_texts(page, ("search_description", field_name), lang)
    return texts["search_description"] or texts[field_name] or fallback


def _first_image(items):
    """The image of the first item of an ordered inline panel (gallery, artefact images)."""
    first = items.select_related("image").order_by("sort_order", "pk").first()
    return first.image if first else None


def page_subject(page, *, lang: str) -> Subject:
    """A page of the tree: monuments and artefacts say most; any other page its title and intro."""
    page = page.specific
    indexable = page.live and not page.get_view_restrictions().exists()
    if isinstance(page, MonumentPage):
        return _monument_subject(page, lang=lang, indexable=indexable)
    if isinstance(page, ArtefactPage):
        return _artefact_subject(page, lang=lang, indexable=indexable)
    if hasattr(page, "seo_subject"):  # pages of other apps say their own (tours.TourPage)
        return page.seo_subject(lang=lang, indexable=indexable)
    fallbacks = {
        HomePage: _(
            "Explore the monuments of the former imperial capital of Huế, the artefacts kept there, "
            "and the history of their restoration."
        ),
        MonumentIndexPage: _(
            "The monuments of Huế in the Hue Heritage archive, by category, with their history and restoration records."
        ),
        ArtefactIndexPage: _(
            "The artefacts kept at the monuments of Huế, with their accession numbers, dates, materials and "
            "restoration records."
        ),
    }
    return Subject(
        title=page.seo_title or page.title,
        description=_description(page, "intro", lang, fallbacks.get(type(page), "")),
        indexable=indexable,
    )


def _monument_subject(page: MonumentPage, *, lang: str, indexable: bool) -> Subject:
    names = display_names(page.name_vi, page.name_en, lang, fallback=page.title)
    category = page.get_category_display()
    description = _description(
        page,
        "intro",
        lang,
        _("%(name)s (%(category)s): history, images and restoration records in the Hue Heritage archive.")
        % {"name": names["primary"], "category": category},
    )
    data = {
        "@type": "LandmarksOrHistoricalBuildings",
        "name": names["primary"],
        "alternateName": [name for name in [names["secondary"], *page.other_names_list] if name],
        "description": clip(description),
    }
    if page.latitude is not None and page.longitude is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": float(page.latitude), "longitude": float(page.longitude)}
    if page.unesco_component:
        data["containedInPlace"] = {"@type": "LandmarksOrHistoricalBuildings", "name": _("Complex of Huế Monuments")}
    return Subject(
        title=names["primary"],
        description=description,
        image=_first_image(page.gallery_images),
        structured_data=data,
        indexable=indexable,
    )


def _artefact_subject(page: ArtefactPage, *, lang: str, indexable: bool) -> Subject:
    names = display_names(page.title_vi, page.title_en, lang, fallback=page.title)
    description = _description(
        page,
        "description",
        lang,
        _("%(name)s (%(accession)s): an artefact in the Hue Heritage archive, with its images and restoration records.")
        % {"name": names["primary"], "accession": page.accession_number},
    )
    # CreativeWork, not VisualArtwork: the collection holds cannons, urns and stelae as well as art,
    # and what we know of each (identifier, material, date) is CreativeWork's (docs/seo.md).
    data = {
        "@type": "CreativeWork",
        "name": names["primary"],
        "alternateName": [names["secondary"]] if names["secondary"] else [],
        "identifier": page.accession_number,
        "description": clip(description),
        "material": sorted_by_name([name_in(term.name, term.name_en, lang) for term in page.materials.all()], lang),
    }
    if page.date:
        data["dateCreated"] = page.date  # a partial ISO 8601 date ("1835", "1835-06") as it was given
    return Subject(
        title=names["primary"],
        description=description,
        image=_first_image(page.images),
        structured_data=data,
        indexable=indexable,
    )


def record_subject(record: RestorationRecord, *, monument, lang: str) -> Subject:
    """A restoration record's page. Only a public, published record is described and indexed.

    A record's texts are kept in both languages (docs/translation.md): the title and summary in
    `lang`; where the summary is not yet translated, a description made of the record's facts.
    """
    title = text_in(record.title, record.title_en, lang).text
    if not record_is_public(record):
        return Subject(title=title, indexable=False)
    place = display_names(monument.name_vi, monument.name_en, lang, fallback=monument.title)["primary"]
    start, end = (partial_date(value, lang=lang) for value in (record.start, record.end))
    dates = f"{start}–{end}" if record.end and record.end != record.start else start
    facts = _("Restoration record %(reference)s on %(monument)s (%(dates)s): %(type)s.") % {
        "reference": record.reference,
        "monument": place,
        "dates": dates,
        "type": record.get_record_type_display(),
    }
    summary = text_in(record.summary, record.summary_en, lang)
    description = summary.text if summary and not summary.fallback else facts
    # The view prefetches its images' "share" renditions with the others (heritage/views.py).
    image = next((item.image for item in record.images.all()), None)
    return Subject(title=title, description=description, image=image)


def timeline_subject(monument: MonumentPage, *, lang: str) -> Subject:
    name = display_names(monument.name_vi, monument.name_en, lang, fallback=monument.title)["primary"]
    return Subject(
        title=_("Restoration timeline of %(name)s") % {"name": name},
        description=_(
            "Every published restoration record of %(name)s, oldest first: dates, techniques, materials and images."
        )
        % {"name": name},
        image=_first_image(monument.gallery_images),
    )


def view_subject(request, *, title: str, description: str) -> Subject:
    """A search page: indexed as it first opens, not with a query or filters (endless combinations)."""
    return Subject(title=title, description=description, indexable=not request.GET)


# --- Head tags -------------------------------------------------------------------------------


def json_ld(data: dict) -> SafeString:
    """schema.org data as the text of a <script type="application/ld+json">, escaped like json_script."""
    return mark_safe(json.dumps(data, cls=DjangoJSONEncoder).translate(JSON_SCRIPT_ESCAPES))


def canonical_query(request) -> str:
    """The query string the canonical URL keeps: CANONICAL_PARAMS, page 1 left out ("?category=gate&page=2")."""
    kept = [
        (name, value)
        for name in CANONICAL_PARAMS
        if (value := request.GET.get(name, "").strip()) and not (name == "page" and value == "1")
    ]
    return f"?{urlencode(kept)}" if kept else ""


def hreflang_links(paths: dict[str, str]) -> list[tuple[str, str]]:
    """(hreflang, path) for every language the content exists in, then x-default: the default
    language's version (else the first there is), which the heritage site treats as the original."""
    ordered = [(code, paths[code]) for code, _name in settings.LANGUAGES if paths.get(code)]
    if not ordered:
        return []
    default = paths.get(_default_language()) or ordered[0][1]
    return [*ordered, ("x-default", default)]


def language_paths(request, *, translations: dict | None) -> dict[str, str]:
    """The path of this content in every language: a page's live translations, or, outside the
    page tree (records, timelines, searches), the same view under each language prefix."""
    if translations is not None:
        return {code: page.get_url(request) for code, page in translations.items()}
    return {code: translate_url(request.path, code) for code, _name in settings.LANGUAGES}


def _image(request, subject: Subject, alt: str) -> tuple[str, int, int, str]:
    if subject.image is not None:
        rendition = rendition_of(subject.image, "share")
        return request.build_absolute_uri(rendition.url), rendition.width, rendition.height, alt
    path, width, height = SHARE_IMAGE
    return request.build_absolute_uri(static(path)), width, height, _("Hue Heritage")


def head_tags(request, *, subject: Subject | None, lang: str, translations: dict | None = None) -> HeadTags:
    """The <head> tags of a page about `subject` (None: a page that is not indexed, e.g. an error),
    in `lang`; `translations` are a tree page's live translations by language code."""
    site_name = _("Hue Heritage")
    if subject is None:
        subject = Subject(title=site_name, indexable=False)
    query = canonical_query(request)
    if subject.indexable:
        alternates = [
            (code, request.build_absolute_uri(path + query))
            for code, path in hreflang_links(language_paths(request, translations=translations))
        ]
        canonical = request.build_absolute_uri(request.path + query)
        url = canonical
    else:
        alternates, canonical, url = [], "", request.build_absolute_uri()
    description = clip(subject.description)
    image_url, width, height, alt = _image(request, subject, subject.title)
    data = ""
    if subject.structured_data and subject.indexable:
        data = json_ld(
            {"@context": "https://schema.org", **subject.structured_data, "url": canonical, "image": image_url}
        )
    return HeadTags(
        title=subject.title,
        site_name=site_name,
        description=description,
        url=url,
        canonical=canonical,
        alternates=alternates,
        locale=OG_LOCALES.get(lang, lang),
        locale_alternates=[OG_LOCALES.get(code, code) for code, _url in alternates if code not in (lang, "x-default")],
        image_url=image_url,
        image_width=width,
        image_height=height,
        image_alt=alt,
        robots="" if subject.indexable else "noindex",
        json_ld=data,
    )
