"""Writes that span several models. Each runs in one transaction."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from .labels import ARCHIVE_LANGUAGES
from .models import ArtefactIndexPage, FeaturedMonument, HomePage, MonumentIndexPage, MonumentPage

DEFAULT_LOCALE = "vi"
# The archive's pages (monuments, artefacts and their indexes) are translated into English; the site's
# other languages (Korean) have a home page and what other apps add (tours/demo.py).
TRANSLATION_LOCALES = tuple(code for code in ARCHIVE_LANGUAGES if code != DEFAULT_LOCALE)

SITE_TITLES = {
    "home": {"vi": "Di sản Huế", "en": "Hue Heritage", "ko": "후에 문화유산"},
    "monuments": {"vi": "Di tích", "en": "Monuments"},
    "artefacts": {"vi": "Hiện vật", "en": "Artefacts"},
}


def _publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _translate(page: Page, *, locale: Locale, **strings) -> Page:
    """The page's translation in `locale` through wagtail-localize, created (and published) if missing.

    `strings` are translations of the page's strings by field ("title"), set only when the
    translation is created: afterwards curators translate in wagtail-localize's editor.
    """
    from .translation import strings_translate, translation_adopt, translations_create

    existing = page.get_translation_or_none(locale)
    if existing:
        from wagtail_localize.models import Translation

        if not Translation.objects.filter(source__object_id=page.translation_key, target_locale=locale).exists():
            translation_adopt(original=page, translation=existing)  # made before wagtail-localize
        return existing.specific
    strings_translate(page, locale, strings)
    return translations_create(page, locales=[locale])[0]


@transaction.atomic
def site_tree_ensure() -> dict[str, dict[str, Page]]:
    """The home page in every language of the site and the archive's two index pages in the
    archive's languages, created when missing.

    Replaces Wagtail's welcome page and points the default site at our home page.
    Returns {"vi": {"home": ..., "monuments": ..., "artefacts": ...}, "en": {...}, "ko": {"home": ...}}.
    """
    vi = Locale.objects.get(language_code=DEFAULT_LOCALE)
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=vi).first()
    if home is None:
        home = root.add_child(instance=HomePage(title=SITE_TITLES["home"]["vi"], slug="home-vi", locale=vi, live=True))
        _publish(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Hue Heritage"
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Hue Heritage"
        site.save()
    # Wagtail's welcome page is of the plain Page type; nothing else of ours is.
    for page in Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore"):
        page.delete()

    tree = {"vi": {"home": home}}
    for key, model in (("monuments", MonumentIndexPage), ("artefacts", ArtefactIndexPage)):
        index = model.objects.child_of(home).first()
        if index is None:
            index = home.add_child(instance=model(title=SITE_TITLES[key]["vi"], slug=key, locale=vi))
            _publish(index)
        tree["vi"][key] = index

    for code, _name in settings.LANGUAGES:
        if code == DEFAULT_LOCALE:
            continue
        locale, _ = Locale.objects.get_or_create(language_code=code)
        tree[code] = {}
        for key, page in tree["vi"].items():
            if key != "home" and code not in TRANSLATION_LOCALES:
                continue
            strings = {"title": SITE_TITLES[key][code]}
            if key == "home":
                strings["slug"] = f"{page.slug}-{code}"  # siblings under the root: slugs must differ
            tree[code][key] = _translate(page, locale=locale, **strings)
    return tree


@transaction.atomic
def monument_create(*, index: MonumentIndexPage, slug: str, translate: bool = True, **fields) -> MonumentPage:
    """A published monument under `index`, titled with its Vietnamese name, and its translations.

    Idempotent by slug: an existing monument is updated with the given fields, and its translations
    follow it (heritage.translation: facts copied, text kept as translated). A new monument's
    translations are made by wagtail-localize, titled with the monument's name in their language,
    their text the original's until translated.
    """
    from .translation import translations_follow

    monument = MonumentPage.objects.child_of(index).filter(slug=slug).first()
    if monument is None:
        monument = MonumentPage(slug=slug, locale=index.locale, title=fields["name_vi"], **fields)
        index.add_child(instance=monument)
    else:
        for name, value in fields.items():
            setattr(monument, name, value)
        monument.title = fields.get("name_vi", monument.title)
    monument.full_clean()
    _publish(monument)
    if translate:
        translations_follow(monument, locales=Locale.objects.filter(language_code__in=TRANSLATION_LOCALES))
    return monument


def vocabulary_terms_ensure(model, names: list[str]) -> list:
    """The terms of `model` (Technique, Material, Partner) with these names, created when unknown.

    Names match without regard to case or diacritics, so "son mai" finds "Sơn mài".
    """
    from .text import fold

    wanted = {}
    for name in names:
        clean = " ".join(name.split())
        if clean:
            wanted.setdefault(fold(clean), clean)
    existing = {term.key: term for term in model.objects.filter(key__in=wanted)}
    missing = [model(name=name) for key, name in wanted.items() if key not in existing]
    for term in missing:
        term.set_derived()  # bulk_create does not call save()
    if missing:
        model.objects.bulk_create(missing, ignore_conflicts=True)
        existing = {term.key: term for term in model.objects.filter(key__in=wanted)}
    return [existing[key] for key in wanted]


@transaction.atomic
def home_featured_set(*, home: HomePage, monuments: list[MonumentPage]) -> bool:
    """Feature `monuments` on `home` (an original), in this order; its translations follow it.

    The list is a fact of every language's home page (heritage.translation copies it); each home
    page shows the monuments' translations in its own locale (heritage.selectors.home_monuments).
    A new revision is published only when the list changes. True when it did.
    """
    from .translation import translations_sync

    if [item.monument_id for item in home.featured_monuments.all()] == [m.pk for m in monuments]:
        return False
    home.featured_monuments = [
        FeaturedMonument(monument=monument, sort_order=position) for position, monument in enumerate(monuments)
    ]
    _publish(home)
    translations_sync(instance=home)
    return True
