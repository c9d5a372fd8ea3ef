"""load_demo: the demo archive loads whole, stays whole on a second run, and is readable back.

Loading takes seconds, so it happens once for the module, inside a transaction that is rolled
back at the end; each test runs in a savepoint within it.
"""

import io
import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import transaction
from PIL import Image
from wagtail.models import Page, Revision

from heritage.demo.monuments import ARTEFACTS, HOME_FEATURED, MONUMENTS
from heritage.demo.restorations import RECORDS
from heritage.models import (
    ArtefactImage,
    ArtefactPage,
    FeaturedMonument,
    HeritageImage,
    HeritageRendition,
    Licence,
    Material,
    MonumentGalleryImage,
    MonumentPage,
    Partner,
    RestorationImage,
    RestorationProject,
    RestorationRecord,
    Technique,
    Visibility,
)
from tours.models import Panorama, PanoramaHotspot, TourStop

COUNTED = (
    Page,
    Revision,
    MonumentPage,
    ArtefactPage,
    HeritageImage,
    MonumentGalleryImage,
    ArtefactImage,
    FeaturedMonument,
    RestorationRecord,
    RestorationImage,
    Technique,
    Material,
    Partner,
    RestorationProject,
    Panorama,
    PanoramaHotspot,
    TourStop,
)


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def _load(*args) -> str:
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield _load()
            # Files outlive the rolled-back rows (on S3 they would stay in the bucket).
            files = [*HeritageImage.objects.values_list("file", flat=True)]
            files += HeritageRendition.objects.values_list("file", flat=True)
            transaction.set_rollback(True)
        for name in files:
            default_storage.delete(name)
        if settings.ELASTICSEARCH_URL:
            # The loader rebuilt the Wagtail index from rows now rolled back: rebuild it again
            # so later tests start from an index equal to the database.
            call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())


def test_every_monument_is_published_in_both_locales_with_both_names(demo_output, db):
    assert "Demo loaded" in demo_output
    slugs = {data.slug for data in MONUMENTS}
    assert len(slugs) == 18
    for code in ("vi", "en"):
        pages = MonumentPage.objects.live().filter(locale__language_code=code)
        assert set(pages.values_list("slug", flat=True)) == slugs, code
    for page in MonumentPage.objects.filter(locale__language_code="vi"):
        translation = MonumentPage.objects.get(translation_key=page.translation_key, locale__language_code="en")
        assert page.name_vi and page.name_en and page.title == page.name_vi
        assert translation.title == page.name_en and translation.name_vi == page.name_vi
        assert translation.intro and translation.intro != page.intro
        # Around Huế: the tombs lie about 10 km south of the Citadel.
        assert 16.35 < page.latitude < 16.48 and 107.53 < page.longitude < 107.61
        assert page.construction_start and page.category
        assert page.gallery_images.count() == 1 and translation.gallery_images.count() == 1


def test_records_are_published_and_some_are_internal(demo_output, db):
    records = RestorationRecord.objects.filter(reference__in=[data.reference for data in RECORDS])
    assert records.count() == len(RECORDS) >= 10
    assert all(record.live and record.live_revision_id for record in records)
    assert records.filter(visibility=Visibility.INTERNAL).count() >= 2
    assert all(record.sources for record in records)
    assert all(record.currency for record in records if record.budget is not None)
    required = {"HUE-NGM-1991-01", "HUE-DTD-1995-01", "HUE-CAD-2002-01", "HUE-DKT-2019-01", "HUE-DTH-2021-01"}
    assert required <= set(records.values_list("reference", flat=True))
    assert records.filter(monument__slug="trieu-to-mieu", partners__name_en__contains="Ambassadors Fund").exists()
    with_both_phases = [
        record for record in records if record.images_by_phase("before") and record.images_by_phase("after")
    ]
    assert len(with_both_phases) >= 2


def test_panoramas_exactly_two_to_one(demo_output, db):
    panoramas = HeritageImage.objects.filter(is_panorama=True)
    assert panoramas.count() == 8  # one per stop of the demo tours (tours/demo.py), Ngọ Môn's among them
    for panorama in panoramas:
        assert panorama.width == 2 * panorama.height
        with default_storage.open(panorama.file.name) as stored:
            assert Image.open(stored).size == (panorama.width, panorama.height)


def test_images_are_labelled_placeholders_readable_through_storage(demo_output, db):
    images = HeritageImage.objects.all()
    assert images.count() >= len(MONUMENTS) + 1
    for image in images:
        assert image.licence == Licence.PLACEHOLDER
        assert image.creator == "Hue Heritage demo data"
        assert default_storage.exists(image.file.name)
    gallery_image = MonumentGalleryImage.objects.select_related("image").first().image
    with default_storage.open(gallery_image.file.name) as stored:
        picture = Image.open(stored)
        picture.load()
    assert picture.format == "JPEG" and picture.size == (gallery_image.width, gallery_image.height)


def test_artefacts_exist_in_both_locales(demo_output, db):
    for data in ARTEFACTS:
        pages = ArtefactPage.objects.live().filter(accession_number=data.accession_number)
        assert set(pages.values_list("locale__language_code", flat=True)) == {"vi", "en"}
        assert {page.location.slug for page in pages} == {data.location}


def test_running_again_changes_nothing(demo_output, db):
    before = _counts()
    output = _load()
    assert _counts() == before
    assert "18 monuments (unchanged)" in output and "records (unchanged)" in output
    assert "2 tours (unchanged)" in output and "8 panoramas (unchanged)" in output


def test_if_empty_skips_when_monuments_exist(demo_output, db):
    before = _counts()
    output = _load("--if-empty")
    assert "demo not loaded" in output
    assert _counts() == before


def test_the_monument_page_answers(demo_output, db, client):
    page = MonumentPage.objects.get(slug="ngo-mon", locale__language_code="vi")
    assert page.url == "/vi/monuments/ngo-mon/"
    response = client.get(page.url)
    assert response.status_code == 200
    assert "HUE-NGM-1991-01" in response.content.decode()


def test_the_home_page_features_the_best_known_monuments_in_both_languages(demo_output, db, client):
    for lang in ("vi", "en"):
        html = client.get(f"/{lang}/").content.decode()
        links = re.findall(r'class="card__title"><a href="([^"]+)"', html)
        tours = [f"/{lang}/tours/hoang-thanh-buoi-sang/", f"/{lang}/tours/lang-vua/"]
        assert links == tours + [f"/{lang}/monuments/{slug}/" for slug in HOME_FEATURED]
    assert HOME_FEATURED[:2] == ("ngo-mon", "dien-thai-hoa")


def test_the_demo_tours_are_in_korean_and_their_archive_links_in_english(demo_output, db, client):
    """Issue 12: Korean is a setting and translations. The tours, their index and the home page
    exist in Korean; the archive (kept in Vietnamese and English) is linked in English, a Korean
    reader's next language, and marked as English."""
    html = client.get("/ko/tours/hoang-thanh-buoi-sang/").content.decode()
    assert '<html lang="ko"' in html
    assert "<h1>오전에 둘러보는 황성</h1>" in html
    assert "황성의 남쪽 정문인 오문(Ngọ Môn)은" in html  # the first stop's narrative
    assert "지점 1:" in html and "360°로 둘러보기" in html  # the interface
    assert "다음: 태화전(太和殿)" in html  # a hotspot, translated with its panorama
    assert '<a href="/en/monuments/ngo-mon/" lang="en">Meridian Gate</a>' in html
    # The navigation reaches the archive's sections in English; the tours in Korean.
    assert 'href="/en/monuments/"' in html and 'href="/ko/tours/"' in html
    for lang in ("vi", "en", "ko"):
        assert f'hreflang="{lang}" href="http://testserver/{lang}/tours/hoang-thanh-buoi-sang/"' in html
    home = client.get("/ko/").content.decode()
    assert 'href="/ko/tours/lang-vua/"' in home and 'href="/en/monuments/ngo-mon/"' in home
    sitemap = client.get("/sitemap-pages.xml").content.decode()
    assert "http://testserver/ko/tours/lang-vua/" in sitemap
    qr = client.get("/ko/tours/lang-vua/stops/2/qr.svg")
    assert qr.status_code == 200
    assert client.get("/ko/tours/lang-vua/stops/4/qr.svg").status_code == 404


def test_the_monuments_index_follows_the_vietnamese_alphabet(demo_output, db, client):
    html = client.get("/vi/monuments/").content.decode()
    positions = [
        html.index(f'href="/vi/monuments/{slug}/"') for slug in ("duyet-thi-duong", "dien-thai-hoa", "trieu-to-mieu")
    ]
    assert positions == sorted(positions)


def test_the_demo_is_searchable_without_accents_in_both_languages(demo_output, db, client):
    """load_demo ends with update_index: its monuments are found folded, on the profile's backend."""
    for lang in ("vi", "en"):
        for plain, slug in [("dien thai hoa", "dien-thai-hoa"), ("lang tu duc", "lang-tu-duc")]:
            html = client.get(f"/{lang}/search/", {"q": plain}).content.decode()
            assert f'<h3><a href="/{lang}/monuments/{slug}/"' in html, (lang, plain)
        hue = re.findall(r'<h3><a href="([^"]+)"', client.get(f"/{lang}/search/", {"q": "hue"}).content.decode())
        accented = re.findall(r'<h3><a href="([^"]+)"', client.get(f"/{lang}/search/", {"q": "Huế"}).content.decode())
        assert len(accented) > 2
        assert set(hue) == set(accented), lang


# --- Every sentence inside an element of its own language ----------------------------------------

VIETNAMESE_LETTERS = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúýãĩõũ")
ENGLISH_WORDS = {"the", "of", "and", "in", "to", "was", "is", "with", "for", "by", "from", "its", "were", "on"}


class _TextsByLanguage(HTMLParser):
    """The text runs of a page's <body>, each with the language it is in by its nearest `lang`."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, page_lang: str):
        super().__init__(convert_charrefs=True)
        self.stack = [(None, page_lang)]
        self.in_body = False
        self.runs: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.in_body = True
        if tag in self.VOID:
            return
        self.stack.append((tag, dict(attrs).get("lang") or self.stack[-1][1]))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        while len(self.stack) > 1:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        tag, lang = self.stack[-1]
        if self.in_body and tag not in ("script", "style") and data.strip():
            self.runs.append((" ".join(data.split()), lang))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _looks_vietnamese(text: str) -> bool:
    """Half its words or more carry Vietnamese letters: a sentence of five words or more, or a shorter
    phrase written mostly in them with no English word ("Tomb of Tự Đức" is an English name)."""
    words = _words(text)
    share = sum(1 for word in words if VIETNAMESE_LETTERS & set(word)) / max(len(words), 1)
    return len(words) >= 3 and share >= 0.5 and (len(words) >= 5 or (share >= 0.75 and not ENGLISH_WORDS & set(words)))


def _looks_english(text: str) -> bool:
    words = _words(text)
    return len(words) >= 4 and all(word.isascii() for word in words) and len(ENGLISH_WORDS & set(words)) >= 2


def test_no_sentence_stands_outside_an_element_of_its_language(demo_output, db, client):
    """Issue 11: no sentence of Vietnamese outside a lang="vi" element on an /en/ page, nor English
    outside lang="en" on a /vi/ page, nor either on the Korean pages (the tours' and the home page):
    what a screen reader needs to pick the right voice."""
    paths = ["/{lang}/", "/{lang}/monuments/", "/{lang}/artefacts/", "/{lang}/restorations/"]
    paths += [f"/{{lang}}/monuments/{data.slug}/" for data in MONUMENTS]
    paths += [f"/{{lang}}/artefacts/{data.slug}/" for data in ARTEFACTS]
    paths += [f"/{{lang}}/restorations/{data.reference}/" for data in RECORDS if data.visibility == "public"]
    paths += [f"/{{lang}}/restorations/timeline/{slug}/" for slug in ("ngo-mon", "dien-thai-hoa", "lang-tu-duc")]
    paths += ["/{lang}/tours/", "/{lang}/tours/hoang-thanh-buoi-sang/", "/{lang}/tours/lang-vua/"]
    korean = ["/{lang}/", "/{lang}/tours/", "/{lang}/tours/hoang-thanh-buoi-sang/", "/{lang}/tours/lang-vua/"]
    wrong = []
    for lang, misplaced, pages in (
        ("en", _looks_vietnamese, paths),
        ("vi", _looks_english, paths),
        ("ko", lambda text: _looks_vietnamese(text) or _looks_english(text), korean),
    ):
        for path in pages:
            response = client.get(path.format(lang=lang), follow=True)
            assert response.status_code == 200, path.format(lang=lang)
            parser = _TextsByLanguage(lang)
            parser.feed(response.content.decode())
            wrong += [
                f"{path.format(lang=lang)}: {text!r}"
                for text, run_lang in parser.runs
                if run_lang == lang and misplaced(text)
            ]
    assert not wrong, "\n".join(wrong[:40])
