"""Findable and shareable: what a crawler or a link preview reads in the public pages' <head>,
the sitemap and robots.txt (heritage/seo.py, heritage/sitemaps.py)."""

import json
import re
import urllib.request
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from PIL import Image as PILImage
from wagtail.models import Locale, PageViewRestriction

from heritage.models import ArtefactImage, ArtefactPage, Material, MonumentGalleryImage
from heritage.services import monument_create
from tests.factories import make_image, make_record

ORIGIN = "http://testserver"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


class _Head(HTMLParser):
    """The <head>'s meta and link tags, and the text of its JSON-LD scripts."""

    def __init__(self):
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict[str, str]] = []
        self.json_ld: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and ("name" in attributes or "property" in attributes):
            key = attributes.get("name") or attributes["property"]
            self.meta.setdefault(key, []).append(attributes.get("content", ""))
        elif tag == "link":
            self.links.append(attributes)
        elif tag == "script" and attributes.get("type") == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data

    def one(self, key: str) -> str:
        values = self.meta.get(key, [])
        assert len(values) == 1, f"{key}: {values}"
        return values[0]

    def link(self, rel: str) -> list[dict[str, str]]:
        return [link for link in self.links if link.get("rel") == rel]

    def canonical(self) -> str:
        (link,) = self.link("canonical")
        return link["href"]

    def hreflang(self) -> dict[str, str]:
        return {link["hreflang"]: link["href"] for link in self.link("alternate") if "hreflang" in link}

    def structured(self) -> list[dict]:
        return [json.loads(text) for text in self.json_ld]


def _head(response) -> _Head:
    assert response.status_code == 200, response.status_code
    head = _Head()
    head.feed(response.content.decode().split("</head>")[0])
    return head


def _absolute(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


@pytest.fixture
def archive(small_archive, site_tree, database_search):
    """small_archive, with Ngọ Môn's intro and coordinates, an English intro of its own, a gallery
    image, and an artefact in both languages; the restorers' search on the database (its head tags
    are tested here, not Elasticsearch)."""
    ngo_mon = monument_create(
        index=site_tree["vi"]["monuments"],
        slug="ngo-mon",
        name_vi="Ngọ Môn",
        name_en="Meridian Gate",
        category="gate",
        latitude="16.466800",
        longitude="107.578900",
        other_names="午門",
        intro="Cổng chính phía nam của Hoàng thành Huế, xây năm 1833.",
    )
    english = ngo_mon.get_translation(Locale.objects.get(language_code="en")).specific
    english.intro = "The main southern gate of the Imperial City of Huế, built in 1833."
    english.save_revision().publish()
    photo = make_image("Ngọ Môn", width=240, height=160)
    for page in (ngo_mon, english):
        MonumentGalleryImage.objects.create(page=page, image=photo)

    index = site_tree["vi"]["artefacts"]
    bronze = Material.objects.create(name="Đồng", name_en="Bronze")
    urn = index.add_child(
        instance=ArtefactPage(
            title="Cao Đỉnh",
            slug="cao-dinh",
            locale=index.locale,
            accession_number="HUE-0001",
            title_vi="Cao Đỉnh",
            title_en="Cao Urn",
            object_type="Đỉnh đồng",
            date="1836",
            description="Đỉnh lớn nhất trong Cửu Đỉnh.",
            location=ngo_mon,
        )
    )
    urn.materials.set([bronze])
    ArtefactImage.objects.create(page=urn, image=make_image("Cao Đỉnh"))
    urn.save_revision().publish()
    urn_en = urn.copy_for_translation(Locale.objects.get(language_code="en"))
    urn_en.title = "Cao Urn"
    urn_en.description = "The largest of the Nine Dynastic Urns."
    urn_en.save_revision().publish()
    return {**small_archive, "ngo-mon": ngo_mon, "urn": urn}


PUBLIC_PATHS = [
    "/{lang}/",
    "/{lang}/monuments/",
    "/{lang}/monuments/ngo-mon/",
    "/{lang}/artefacts/",
    "/{lang}/artefacts/cao-dinh/",
    "/{lang}/restorations/",
    "/{lang}/restorations/HUE-NM-1991-01/",
    "/{lang}/restorations/timeline/ngo-mon/",
    "/{lang}/search/",
]

ARCHIVE_PAGES = {
    "/{lang}/monuments/",
    "/{lang}/monuments/ngo-mon/",
    "/{lang}/artefacts/",
    "/{lang}/artefacts/cao-dinh/",
}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_public_page_has_its_description_canonical_alternates_and_card(client, archive, lang):
    other = {"vi": "en", "en": "vi"}[lang]
    for template in PUBLIC_PATHS:
        path = template.format(lang=lang)
        head = _head(client.get(path))

        assert head.one("description").strip(), path
        assert head.canonical() == ORIGIN + path, path
        alternates = head.hreflang()
        expected = {
            lang: ORIGIN + path,
            other: ORIGIN + template.format(lang=other),
            "x-default": ORIGIN + template.format(lang="vi"),
        }
        if template not in ARCHIVE_PAGES:  # Korean has a home page and every view, not the archive's pages
            expected["ko"] = ORIGIN + template.format(lang="ko")
        assert alternates == expected, path
        assert head.one("og:url") == ORIGIN + path, path
        assert head.one("og:title") and head.one("og:description") == head.one("description"), path
        assert head.one("og:locale") == {"vi": "vi_VN", "en": "en_GB"}[lang], path
        og_alternates = [{"vi": "en_GB", "en": "vi_VN"}[lang]] + (["ko_KR"] if "ko" in expected else [])
        assert head.meta["og:locale:alternate"] == og_alternates, path
        assert _absolute(head.one("og:image")), path
        assert int(head.one("og:image:width")) > 0 and int(head.one("og:image:height")) > 0, path
        assert head.one("twitter:card") == "summary_large_image", path
        assert "robots" not in head.meta, path
        icons = {link["rel"]: link["href"] for link in head.links if "icon" in link["rel"]}
        assert icons.keys() == {"icon", "apple-touch-icon"}, path


@pytest.mark.django_db
def test_descriptions_come_from_the_page_in_its_own_language(client, archive):
    vi, en = _head(client.get("/vi/monuments/ngo-mon/")), _head(client.get("/en/monuments/ngo-mon/"))
    assert vi.one("description") == "Cổng chính phía nam của Hoàng thành Huế, xây năm 1833."
    assert en.one("description") == "The main southern gate of the Imperial City of Huế, built in 1833."
    assert en.one("og:title") == "Meridian Gate" and vi.one("og:title") == "Ngọ Môn"

    assert _head(client.get("/en/artefacts/cao-dinh/")).one("description") == "The largest of the Nine Dynastic Urns."
    # A record is written in Vietnamese: its summary on /vi/, its facts in English on /en/.
    record_vi = _head(client.get("/vi/restorations/HUE-NM-1991-01/")).one("description")
    record_en = _head(client.get("/en/restorations/HUE-NM-1991-01/")).one("description")
    assert record_vi.startswith("Thay toàn bộ ngói ống lưu ly")
    assert record_en == "Restoration record HUE-NM-1991-01 on Meridian Gate (1991–1992): Treatment."


@pytest.mark.django_db
def test_an_untranslated_english_page_does_not_describe_itself_in_vietnamese(client, archive):
    thai_hoa = archive["dien-thai-hoa"]
    monument_create(
        index=thai_hoa.get_parent().specific,
        slug="dien-thai-hoa",
        name_vi="Điện Thái Hòa",
        name_en="Hall of Supreme Harmony",
        category="palace",
        intro="Nơi thiết triều của các vua Nguyễn.",  # copied to the English page, untranslated
    )
    assert _head(client.get("/vi/monuments/dien-thai-hoa/")).one("description") == "Nơi thiết triều của các vua Nguyễn."
    english = _head(client.get("/en/monuments/dien-thai-hoa/")).one("description")
    assert "Nơi thiết triều" not in english
    assert english.startswith("Hall of Supreme Harmony (Palace)")


@pytest.mark.django_db
def test_urls_are_absolute_on_the_host_and_scheme_that_served_the_page(client, archive, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "heritage.example.org"]
    head = _head(
        client.get("/en/monuments/ngo-mon/", headers={"Host": "heritage.example.org", "X-Forwarded-Proto": "https"})
    )
    origin = "https://heritage.example.org"
    assert head.canonical() == f"{origin}/en/monuments/ngo-mon/"
    assert head.hreflang()["x-default"] == f"{origin}/vi/monuments/ngo-mon/"
    assert head.one("og:url") == f"{origin}/en/monuments/ngo-mon/"


@pytest.mark.django_db
def test_the_share_image_is_the_pages_own_or_the_sites(client, archive):
    monument = _head(client.get("/en/monuments/ngo-mon/"))
    assert ".fill-1200x630.format-jpeg" in monument.one("og:image")
    assert monument.one("og:image:alt") == "Meridian Gate"
    image_url = monument.one("og:image")
    if image_url.startswith(ORIGIN):  # served, or checked and redirected, by the site
        response = client.get(image_url.removeprefix(ORIGIN))
        if response.status_code == 302:
            # On S3, before the commit that makes the image's objects public-read (this test's
            # transaction never commits), the site redirects to a signed URL of the object.
            with urllib.request.urlopen(response["Location"], timeout=10) as stored:
                assert stored.status == 200 and stored.headers["Content-Type"] == "image/jpeg"
        else:
            assert response.status_code == 200

    home = _head(client.get("/en/"))
    assert home.one("og:image") == f"{ORIGIN}/static/img/share.png"
    assert (home.one("og:image:width"), home.one("og:image:height")) == ("1200", "630")
    with PILImage.open(finders.find("img/share.png")) as share:
        assert share.size == (1200, 630)


@pytest.mark.django_db
def test_favicon_and_touch_icons_are_static_files_of_the_site(client, archive):
    head = _head(client.get("/vi/"))
    svg = next(link for link in head.link("icon") if link.get("type") == "image/svg+xml")
    assert svg["href"] == "/static/favicon.svg"
    assert finders.find("favicon.svg").endswith("static/favicon.svg")
    (touch,) = head.link("apple-touch-icon")
    with PILImage.open(finders.find(touch["href"].removeprefix("/static/"))) as icon:
        assert icon.format == "PNG" and icon.size == (180, 180)
    with PILImage.open(finders.find("favicon.ico")) as ico:
        assert ico.format == "ICO"
    redirect = client.get("/favicon.ico")
    assert redirect.status_code == 301 and redirect["Location"] == "/static/favicon.ico"


@pytest.mark.django_db
def test_monuments_and_artefacts_carry_schema_org_data(client, archive):
    for lang, name in (("vi", "Ngọ Môn"), ("en", "Meridian Gate")):
        (monument,) = _head(client.get(f"/{lang}/monuments/ngo-mon/")).structured()
        assert monument["@context"] == "https://schema.org"
        assert monument["@type"] == "LandmarksOrHistoricalBuildings"
        assert monument["name"] == name and "午門" in monument["alternateName"]
        assert monument["geo"] == {"@type": "GeoCoordinates", "latitude": 16.4668, "longitude": 107.5789}
        assert monument["url"] == f"{ORIGIN}/{lang}/monuments/ngo-mon/"
        assert _absolute(monument["image"])

    (artefact,) = _head(client.get("/en/artefacts/cao-dinh/")).structured()
    assert artefact["@type"] == "CreativeWork"
    assert (artefact["name"], artefact["identifier"], artefact["dateCreated"]) == ("Cao Urn", "HUE-0001", "1836")
    assert artefact["material"] == ["Bronze"]
    # Pages that are not a monument or an artefact carry none.
    assert _head(client.get("/en/restorations/")).structured() == []


@pytest.mark.django_db
def test_json_ld_cannot_close_its_script_element(client, site_tree):
    hostile = '</script><script>alert("x")</script><!--'
    monument_create(
        index=site_tree["vi"]["monuments"],
        slug="thu",
        name_vi="Thử",
        name_en="Test",
        category="gate",
        other_names=hostile,
    )
    response = client.get("/vi/monuments/thu/")
    html = response.content.decode()
    assert "<script>alert" not in html and "<!--" not in html.split("</head>")[0]
    (data,) = _head(response).structured()
    assert hostile in data["alternateName"]


@pytest.mark.django_db
def test_searches_with_a_query_are_not_indexed(client, archive):
    for url in ("/vi/search/?q=ngo", "/en/restorations/?q=ngoi&monument=ngo-mon"):
        head = _head(client.get(url))
        assert head.one("robots") == "noindex", url
        assert head.link("canonical") == [] and head.hreflang() == {}, url
        assert head.one("og:url") == ORIGIN + url, url


@pytest.mark.django_db
def test_the_canonical_url_keeps_the_category_and_page_only(client, archive):
    head = _head(client.get("/en/monuments/?category=gate&utm_source=x&page=1"))
    assert head.canonical() == f"{ORIGIN}/en/monuments/?category=gate"
    assert head.hreflang()["vi"] == f"{ORIGIN}/vi/monuments/?category=gate"


@pytest.mark.django_db
def test_an_internal_record_seen_by_a_restorer_is_neither_described_nor_indexed(client, archive, restorer):
    client.force_login(restorer)
    response = client.get("/vi/restorations/HUE-NM-1998-INT/")
    head = _head(response)
    assert head.one("robots") == "noindex"
    assert "description" not in head.meta and "og:description" not in head.meta
    assert head.link("canonical") == [] and head.structured() == []
    assert "chưa công bố" not in response.content.decode().split("</head>")[0]


@pytest.mark.django_db
def test_a_page_the_site_does_not_describe_is_not_indexed(client, site_tree):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    head = _Head()
    head.feed(response.content.decode().split("</head>")[0])
    assert head.one("robots") == "noindex" and head.link("canonical") == []


# --- robots.txt and the sitemap ----------------------------------------------------------------


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap(client, site_tree):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert f"Sitemap: {ORIGIN}/sitemap.xml" in lines
    assert "User-agent: *" in lines and "Disallow: /admin/" in lines
    assert "Disallow: /vi/" not in lines and "Disallow: /" not in lines


def _sitemap(client) -> dict[str, dict[str, str]]:
    """Every URL of the sitemap (index, then each section) with its hreflang alternates."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    urls = {}
    for loc in ET.fromstring(index.content).iterfind("sm:sitemap/sm:loc", SITEMAP_NS):
        assert loc.text.startswith(f"{ORIGIN}/sitemap-")
        section = client.get(loc.text.removeprefix(ORIGIN))
        assert section.status_code == 200, loc.text
        for url in ET.fromstring(section.content).iterfind("sm:url", SITEMAP_NS):
            alternates = {link.get("hreflang"): link.get("href") for link in url.iterfind("xhtml:link", SITEMAP_NS)}
            urls[url.find("sm:loc", SITEMAP_NS).text] = alternates
    return urls


@pytest.mark.django_db
def test_the_sitemap_lists_the_public_pages_of_both_languages(client, archive):
    urls = _sitemap(client)
    for template in PUBLIC_PATHS:
        if "/search/" in template:
            continue  # the site search has nothing to index as it opens
        for lang in ("vi", "en"):
            assert ORIGIN + template.format(lang=lang) in urls, template.format(lang=lang)
    assert urls[f"{ORIGIN}/en/monuments/ngo-mon/"] == {
        "vi": f"{ORIGIN}/vi/monuments/ngo-mon/",
        "en": f"{ORIGIN}/en/monuments/ngo-mon/",
        "x-default": f"{ORIGIN}/vi/monuments/ngo-mon/",
    }
    assert urls[f"{ORIGIN}/vi/restorations/HUE-TH-2021-01/"]["x-default"] == f"{ORIGIN}/vi/restorations/HUE-TH-2021-01/"
    # Every URL listed answers.
    for url in urls:
        assert client.get(url.removeprefix(ORIGIN)).status_code == 200, url


@pytest.mark.django_db
def test_the_sitemap_leaves_out_internal_draft_unpublished_and_private_content(client, archive, site_tree):
    index = site_tree["vi"]["monuments"]
    unpublished = monument_create(index=index, slug="chua-dang", name_vi="Chưa đăng", name_en="Draft", category="gate")
    for page in unpublished.get_translations(inclusive=True):
        page.unpublish()
    private = monument_create(index=index, slug="kho-bau", name_vi="Kho Báu", name_en="Treasury", category="palace")
    for page in private.get_translations(inclusive=True):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    # A public record, then unpublished: it was listed once, it is not any more.
    withdrawn = make_record(archive["ngo-mon"], reference="HUE-NM-WITHDRAWN", start="2001")
    withdrawn.unpublish()

    listed = " ".join(url + " " + " ".join(alternates.values()) for url, alternates in _sitemap(client).items())
    for hidden in ("HUE-NM-1998-INT", "HUE-NM-DRAFT", "HUE-NM-WITHDRAWN", "chua-dang", "kho-bau"):
        assert hidden not in listed, hidden
    # A timeline is listed only where there are public records to show.
    assert f"{ORIGIN}/vi/restorations/timeline/ngo-mon/" in listed
    assert "timeline/kho-bau" not in listed and "timeline/chua-dang" not in listed


@pytest.mark.django_db
def test_the_sitemap_is_on_the_requests_host(client, archive, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "heritage.example.org"]
    headers = {"Host": "heritage.example.org", "X-Forwarded-Proto": "https"}
    index = client.get("/sitemap.xml", headers=headers).content.decode()
    assert re.findall(r"<loc>([^<]+)</loc>", index)[0] == "https://heritage.example.org/sitemap-pages.xml"
    pages = client.get("/sitemap-pages.xml", headers=headers).content.decode()
    assert "<loc>https://heritage.example.org/en/monuments/ngo-mon/</loc>" in pages
    assert 'href="https://heritage.example.org/vi/monuments/ngo-mon/"' in pages
