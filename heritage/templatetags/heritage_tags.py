"""Template helpers for the public site: locale-aware navigation, the language switcher, partial dates."""

import operator
from dataclasses import dataclass
from functools import reduce

from django import template
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import translate_url
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language
from wagtail.images.models import Picture
from wagtail.models import Page

from heritage import l10n, labels, seo, visibility
from heritage.collation import sorted_by_name
from heritage.labels import display_names, name_in, reading_order
from heritage.renditions import PICTURE_SIZES, renditions_of
from heritage.routing import site_for_request
from heritage.sources import source_notes

register = template.Library()


@dataclass
class SitePages:
    """The live pages that every page links to, by language code."""

    homes: dict[str, Page]  # the home page of every language
    sections: dict[str, dict[str, Page]]  # under each home, its sections by name (settings.SITE_SECTIONS)
    translations: dict[str, Page] | None  # the page's own translations, itself included; None outside the tree


def _section_names() -> dict[int, str]:
    """The names of settings.SITE_SECTIONS by the id of their page type."""
    models = {name: apps.get_model(label) for name, label in settings.SITE_SECTIONS.items()}
    types = ContentType.objects.get_for_models(*models.values())  # Django keeps them after the first read
    return {types[model].pk: name for name, model in models.items()}


def site_pages(request, page) -> SitePages:
    """The home pages, their sections and `page`'s translations, read in one query per request (the
    language switcher, the navigation and the head tags all read them). `page` is the context's page:
    None, or not a saved page of the tree, outside it (a record, a search)."""
    cached = getattr(request, "_heritage_site_pages", None)
    if cached is not None:
        return cached
    in_tree = isinstance(page, Page) and bool(page.pk)
    site = site_for_request(request)
    names = _section_names()
    wanted, home_key = [], None
    if site is not None:
        root = site.root_page  # selected with the site: every language's home is its translation
        home_key = root.translation_key
        wanted += [Q(translation_key=home_key), Q(depth=root.depth + 1, content_type__in=names)]
    if in_tree:
        wanted.append(Q(translation_key=page.translation_key))
    pages = []
    if wanted:
        pages = Page.objects.live().filter(reduce(operator.or_, wanted)).select_related("locale").order_by("path")
    homes = {p.locale.language_code: p for p in pages if p.translation_key == home_key}
    sections = {code: {} for code in homes}
    for candidate in pages:
        name = names.get(candidate.content_type_id)
        for code, home in homes.items():
            if name and candidate.depth == home.depth + 1 and candidate.path.startswith(home.path):
                sections[code].setdefault(name, candidate)
    translations = None
    if in_tree:
        translations = {p.locale.language_code: p for p in pages if p.translation_key == page.translation_key}
    request._heritage_site_pages = SitePages(homes=homes, sections=sections, translations=translations)
    return request._heritage_site_pages


def _home_url(request, pages: SitePages, code: str) -> str:
    home = pages.homes.get(code)
    return home.get_url(request) if home else f"/{code}/"


@register.simple_tag(takes_context=True)
def site_links(context) -> dict[str, str]:
    """URLs of the home page and of the site's sections (settings.SITE_SECTIONS: the index pages under
    the home page, by name) in the active language.

    Looked up by page type, not slug: translated index pages may have other slugs.
    """
    request = context.get("request")
    if request is None:
        return {}
    cached = getattr(request, "_heritage_site_links", None)
    if cached is not None:
        return cached
    code = get_language()
    pages = site_pages(request, context.get("page"))
    links = {"home": _home_url(request, pages, code)}
    # A language without the archive's sections (Korean) links to them in the language its readers
    # read next (heritage.labels.reading_order).
    for language in reading_order(code):
        for name, section in pages.sections.get(language, {}).items():
            links.setdefault(name, section.get_url(request))
    # The section the visitor is in, for aria-current in the navigation.
    sections = [key for key in settings.SITE_SECTIONS if key in links and request.path.startswith(links[key])]
    links["current"] = sections[0] if sections else ""
    request._heritage_site_links = links
    return links


@register.inclusion_tag("includes/head_meta.html", takes_context=True)
def head_meta(context) -> dict:
    """The <head> tags of every public page (heritage/seo.py): from the view's `seo` subject, else the tree page's."""
    request = context.get("request")
    if request is None:
        return {}
    page = context.get("page")
    subject = context.get("seo")
    translations = site_pages(request, page).translations
    lang = get_language()
    if subject is None and translations is not None:
        subject = seo.page_subject(page, lang=lang)
    tags = seo.head_tags(request, subject=subject, lang=lang, translations=translations)
    return {"tags": tags, "request": request}


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """One plain link per language: to this page's live translation, else to that locale's home page.

    Views outside the page tree (search) keep their path and query string in the other language.
    """
    request = context.get("request")
    if request is None:
        return []
    current = get_language()
    page = context.get("page")
    pages = site_pages(request, page)
    translations = pages.translations or {}
    match = getattr(request, "resolver_match", None)
    query = request.GET.urlencode()
    outside_tree = page is None and match is not None and match.url_name not in (None, "wagtail_serve")
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            # Keep filters and page numbers (?category=gate) when switching language.
            url = translations[code].get_url(request) + (f"?{query}" if query else "")
        elif outside_tree:
            url = translate_url(request.get_full_path(), code)
        else:
            url = _home_url(request, pages, code)
        links.append(
            {"code": code, "name": name, "url": url, "current": code == current, "translation": code in translations}
        )
    return links


@register.filter
def term_name(term) -> str:
    """A vocabulary term in the active language, else in the other one."""
    return name_in(term.name, getattr(term, "name_en", ""), get_language())


@register.filter
def by_term_name(terms) -> list:
    """Vocabulary terms sorted by their name in the active language (heritage.collation), as term_name shows it."""
    return sorted_by_name(terms, get_language(), name=term_name)


@register.filter
def as_time(value: str):
    """A partial date as the page's language writes it ("1833", "10/1921", "October 1921"; heritage.l10n),
    marked up as <time> with the date exactly as stored."""
    if not value:
        return ""
    return format_html('<time datetime="{}">{}</time>', value, l10n.partial_date(value))


@register.simple_tag
def date_range(start: str, end: str):
    """ "1921–1923" for a span, "1833" for a single date; each part only as precise as it was given."""
    if start and end and start != end:
        return format_html("{}–{}", as_time(start), as_time(end))
    return as_time(start or end)


@register.filter
def names(page) -> dict:
    """A monument's or artefact's name in the active language first, then the other one.

    Works for MonumentPage (name_vi/name_en) and ArtefactPage (title_vi/title_en); falls back
    to the page title. `secondary` is empty when there is no different second name.
    """
    vi = getattr(page, "name_vi", "") or getattr(page, "title_vi", "")
    en = getattr(page, "name_en", "") or getattr(page, "title_en", "")
    return display_names(vi, en, get_language(), fallback=page.title)


@register.filter
def images_in_phase(record, phase: str) -> list:
    """A restoration record's images of one phase ("before", "during", "after"), from its prefetched images."""
    return record.images_by_phase(phase)


@register.simple_tag
def rendition(image, name: str, **attrs):
    """The image named `name` in heritage.renditions.RENDITIONS (what the views prefetch): an `<img>`,
    or a `<picture>` with its AVIF and WebP sources and widths when the name offers choices.

    Like Wagtail's `{% image %}` and `{% picture %}`, which take their spec as literal words and so
    cannot read the table. A missing source file gives Wagtail's "not found" image, as theirs do.
    """
    if not image:
        return ""
    renditions = renditions_of(image, name)
    if len(renditions) == 1:
        return next(iter(renditions.values())).img_tag(attrs)
    if name in PICTURE_SIZES:
        attrs.setdefault("sizes", PICTURE_SIZES[name])
    return Picture(renditions, attrs).__html__()


@register.simple_tag
def text_in(text_vi: str, text_en: str):
    """A text kept in both languages (heritage.labels.text_in) in the active language, else the other's,
    as a Text: `{% text_in record.summary record.summary_en as summary %}`, then
    `<p{{ summary|lang_attr }}>{{ summary }}</p>{% untranslated summary %}`."""
    return labels.text_in(text_vi, text_en, get_language())


@register.filter
def lang_attr(text) -> str:
    """` lang="vi"` for a Text shown in another language than the page's (a fallback), else nothing.

    Also for anything else that says its language (a source note, heritage.sources) when that is not
    the page's."""
    if isinstance(text, labels.Text):
        return format_html(' lang="{}"', text.lang) if text.fallback else ""
    lang = getattr(text, "lang", "")
    if lang and lang.split("-")[0] != (get_language() or "").split("-")[0]:
        return format_html(' lang="{}"', lang)
    return ""


@register.inclusion_tag("includes/untranslated.html")
def untranslated(text) -> dict:
    """The "not yet translated" note, in the reader's language, after a Text that is a fallback."""
    return {"show": isinstance(text, labels.Text) and text.fallback}


@register.filter
def mark_han(text: str) -> str:
    """`text`, escaped, with each run of Chinese characters (午門) in a span of its own `lang`."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html('<span lang="{}">{}</span>', labels.HAN_LANG, part) if han else part,)
            for part, han in labels.han_runs(text)
        ),
    )


@register.filter
def term_text(term) -> labels.Text:
    """A vocabulary term's name as a Text (heritage.labels.text_in): in the active language, else the
    other one marked as a fallback, for `lang_attr` and `untranslated`."""
    return labels.text_in(term.name, getattr(term, "name_en", ""), get_language())


@register.simple_tag
def money(value, currency: str = "") -> str:
    """A budget as the page's language writes it: "100.000 USD", "100,000 USD" (heritage.l10n)."""
    return l10n.amount(value, currency)


@register.filter
def sources(text: str) -> list:
    """A record's source notes (heritage.sources), each with its language and whether it is uncertain."""
    return source_notes(text)


@register.filter
def sees_internal(user) -> bool:
    """Whether `user` may read internal records (heritage.visibility): who sees editorial details
    (a record's visibility, which search backend answered)."""
    return visibility.sees_internal(user)


# --- Translated pages (heritage.translation) -----------------------------------------------


@register.simple_tag
def page_texts(page):
    """A page's translatable texts, each a Text marked as a fallback where its translation is missing:
    `{% page_texts page as t %}<p{{ t.intro|lang_attr }}>{{ t.intro }}</p>{% untranslated t.intro %}`."""
    from heritage.page_texts import PageTexts
    from heritage.page_texts import page_texts as texts_of

    if isinstance(page, Page) and page.pk:
        return texts_of(page)
    return PageTexts(page, lang=get_language())


@register.filter
def caption_in(item, texts) -> labels.Text:
    """A gallery item's caption from its page's texts (page_texts): `{% with c=item|caption_in:t %}`."""
    if texts is None:
        return labels.Text(getattr(item, "caption", ""), get_language())
    return texts.of(item, "caption")


@register.filter
def block_text(texts, block) -> labels.Text:
    """A body block from its page's texts (page_texts): its language, for `lang_attr` and
    `untranslated`, and `.block`, the block to render."""
    return texts.block(block)


@register.filter
def in_lang(value, lang: str):
    """`value` in a span of its language `lang` when the page is in another one (a reign's Vietnamese
    name on an English page), else as it is; escaped either way."""
    if not value:
        return ""
    if lang == get_language():
        return format_html("{}", value)
    return format_html('<span lang="{}">{}</span>', lang, value)


@register.inclusion_tag("includes/map.html")
def map_of(points_id: str, *, label: str, route: bool = False, links: bool = True):
    """A map (static/js/map.js) of the points listed, with `data-lat` and `data-lng`, in the element
    `points_id`: the page's own list stays the content, the map draws it. Tiles from settings.

    `links=False` draws the points without making them buttons: for maps whose points lie too close
    together to be pressed apart (WCAG's target size), where the list is the way to them."""
    return {
        "points_id": points_id,
        "label": label,
        "route": route,
        "links": links,
        "tiles": settings.MAP_TILES_URL,
        "attribution": settings.MAP_TILES_ATTRIBUTION,
    }
