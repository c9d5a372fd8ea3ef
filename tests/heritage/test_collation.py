"""Names sort as their readers expect (heritage.collation): the rule itself, the stored keys on
every database, and the lists that use them: the index pages, the home page, the admin."""

import random
import re
import unicodedata

import pytest
from django.db import connection

from heritage.collation import sort_key, sorted_by_name
from heritage.models import ArtefactPage, FeaturedMonument, HomePage, RestorationProject, Technique
from heritage.selectors import home_monuments
from heritage.services import home_featured_set, monument_create, vocabulary_terms_ensure
from search.backends.base import facet_list


def _shuffled(names: list[str]) -> list[str]:
    names = list(names)
    random.Random(11).shuffle(names)
    return names


def _in_order(names: list[str], lang: str) -> None:
    """`names` is the order `lang` sorts them in, whatever order they come in."""
    assert sorted_by_name(_shuffled(names), lang) == names
    assert sorted_by_name(list(reversed(names)), lang) == names


# --- The rule ------------------------------------------------------------------------------------


def test_vietnamese_d_with_stroke_is_a_letter_after_d():
    # By code point "Điện" (U+0110) comes after every Latin letter, after "Triệu" too.
    _in_order(
        ["Duyệt Thị Đường", "Điện Cần Chánh", "Điện Kiến Trung", "Điện Thái Hòa", "Ngọ Môn", "Triệu Tổ Miếu"], "vi"
    )


@pytest.mark.parametrize(
    "before, after",
    [("a", "ă"), ("ă", "â"), ("â", "b"), ("d", "đ"), ("đ", "e"), ("e", "ê"), ("ê", "g")]
    + [("o", "ô"), ("ô", "ơ"), ("ơ", "p"), ("u", "ư"), ("ư", "v"), ("x", "y")],
)
def test_vietnamese_letters_in_the_vietnamese_alphabet(before, after):
    assert sort_key(before, "vi") < sort_key(after, "vi")
    assert sort_key(f"{before}z", "vi") < sort_key(after, "vi")  # the letter decides, not what follows


def test_tones_count_only_when_the_letters_are_equal():
    # none, huyền, hỏi, ngã, sắc, nặng
    _in_order(["ma", "mà", "mả", "mã", "má", "mạ", "mac"], "vi")
    _in_order(["Hoa", "Hòa", "Hỏa", "Hóa", "Hoan"], "vi")
    # a tone never outweighs a letter: ă, â are letters, their tones are not
    _in_order(["mạ", "mă", "mặ", "mâ", "mầ"], "vi")


def test_case_counts_last():
    _in_order(["hoa", "Hoa", "hòa", "Hòa", "hoa binh"], "vi")
    _in_order(["the", "The", "thế", "thi"], "en")


def test_english_ignores_case_and_diacritics():
    # By code point "Thiên" comes first: "i" (U+0069) is below "ế" (U+1EBF).
    _in_order(["Thế Tổ Temple", "the Zoo", "Thiên Mụ Pagoda"], "en")
    _in_order(["Cz", "Đà Nẵng", "Dz"], "en")  # đ is d to an English reader…
    _in_order(["Cz", "Dz", "Đà Nẵng"], "vi")  # …and its own letter to a Vietnamese one


def test_words_digits_and_other_characters():
    # A word before a longer one, numbers by value, before letters; punctuation around a name is ignored.
    _in_order(["Cửa", "Cửa 2", "Cửa 10", "Cửa Ngọ", "(Cửa Ngọ) 1", "Cửa2"], "vi")
    # Other scripts after the Latin letters.
    _in_order(["Ngọ Môn", "Zebra", "午門"], "vi")
    assert sort_key("", "vi") < sort_key("0", "vi") < sort_key("a", "vi")


def test_composed_and_decomposed_text_sort_alike():
    name = "Điện Thái Hòa, Lăng Tự Đức, Ngọ Môn"
    for lang in ("vi", "en"):
        assert sort_key(unicodedata.normalize("NFD", name), lang) == sort_key(name, lang)


def test_keys_are_printable_ascii():
    for name in ("Điện Thái Hòa", "午門 (Ngọ Môn) 1833", "Ørsted & Łódź ß"):
        key = sort_key(name, "vi")
        assert key.isascii() and key.isprintable() and " " not in key


def test_equal_facet_counts_are_ordered_by_label_in_the_language():
    counts = {"ngo-mon": 2, "dien-thai-hoa": 1, "duyet-thi-duong": 1}
    labels_vi = {"ngo-mon": "Ngọ Môn", "dien-thai-hoa": "Điện Thái Hòa", "duyet-thi-duong": "Duyệt Thị Đường"}
    labels_en = {
        "ngo-mon": "Meridian Gate",
        "dien-thai-hoa": "Hall of Supreme Harmony",
        "duyet-thi-duong": "Royal Theatre",
    }
    assert [v.value for v in facet_list(counts, labels_vi, "vi")] == ["ngo-mon", "duyet-thi-duong", "dien-thai-hoa"]
    assert [v.value for v in facet_list(counts, labels_en, "en")] == ["ngo-mon", "dien-thai-hoa", "duyet-thi-duong"]


# --- Stored keys: the database sorts as Python does ----------------------------------------------

TERMS = {
    "Triệu chứng": "Symptom survey",
    "Đục chạm": "Wood carving",
    "Dựng lại": "Rebuilding",
    "Ép nhựa": "Resin injection",
    "Hóa nghiệm": "Chemical testing",
    "Hoàn thiện": "Finishing",
    "Hòa trộn": "mixing",
    "Ăn mòn": "Éroded surface",
    "Ân hạn": "annealing",
    "An toàn [1]": "Zone 10",
    "An toàn [2]": "Zone 9",
}


@pytest.mark.django_db
def test_the_database_sorts_vocabularies_as_python_does():
    for name, name_en in _shuffled(list(TERMS.items())):
        Technique.objects.create(name=name, name_en=name_en)
    assert list(Technique.objects.values_list("name", flat=True)) == sorted_by_name(TERMS, "vi")
    english = list(Technique.objects.order_by("name_sort_en").values_list("name_en", flat=True))
    assert english == sorted_by_name(TERMS.values(), "en")
    assert english[-2:] == ["Zone 9", "Zone 10"]


@pytest.mark.needs("postgres")
def test_postgresql_compares_sort_keys_byte_by_byte(db):
    """The database's own locale would ignore the keys' punctuation: the column is in the "C" collation."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT collation_name FROM information_schema.columns WHERE table_name = %s AND column_name = %s",
            [Technique._meta.db_table, "name_sort_vi"],
        )
        assert cursor.fetchone() == ("C",)
    for name in ("A-b", "A!b", "A.b", "a b", "[", "ab"):
        RestorationProject.objects.create(name=name)
    stored = list(RestorationProject.objects.values_list("name_sort", flat=True))
    assert stored == sorted(stored)


@pytest.mark.django_db
def test_terms_created_in_bulk_or_renamed_alone_get_their_keys():
    dung, duc = vocabulary_terms_ensure(Technique, ["Đục chạm", "Dựng lại"])[::-1]
    assert list(Technique.objects.all()) == [dung, duc]  # bulk_create does not call save()
    duc.name_en = "Carving"
    duc.save(update_fields=["name_en"])
    dung.name_en = "Rebuilding"
    dung.save(update_fields=["name_en"])
    assert list(Technique.objects.order_by("name_sort_en")) == [duc, dung]


# --- Index pages ---------------------------------------------------------------------------------

MONUMENTS = [  # slug, Vietnamese name, English name: in no order
    ("trieu-to-mieu", "Triệu Tổ Miếu", "Triệu Tổ Temple"),
    ("ngo-mon", "Ngọ Môn", "Meridian Gate"),
    ("chua-thien-mu", "Chùa Thiên Mụ", "Thiên Mụ Pagoda"),
    ("dien-thai-hoa", "Điện Thái Hòa", "Hall of Supreme Harmony"),
    ("the-mieu", "Thế Miếu", "Thế Tổ Temple"),
    ("duyet-thi-duong", "Duyệt Thị Đường", "Royal Theatre"),
    ("dien-can-chanh", "Điện Cần Chánh", "Cần Chánh Palace"),
]
VI_ORDER = [
    "chua-thien-mu",
    "duyet-thi-duong",
    "dien-can-chanh",
    "dien-thai-hoa",
    "ngo-mon",
    "the-mieu",
    "trieu-to-mieu",
]
EN_ORDER = [
    "dien-can-chanh",
    "dien-thai-hoa",
    "ngo-mon",
    "duyet-thi-duong",
    "the-mieu",
    "chua-thien-mu",
    "trieu-to-mieu",
]


@pytest.fixture
def monuments(site_tree):
    index = site_tree["vi"]["monuments"]
    return {
        slug: monument_create(index=index, slug=slug, name_vi=vi, name_en=en, category="palace")
        for slug, vi, en in MONUMENTS
    }


def _cards(response) -> list[str]:
    """The slugs of the pages the cards link to, in order."""
    assert response.status_code == 200
    links = re.findall(r'class="card__title"><a href="([^"]+)"', response.content.decode())
    return [link.rstrip("/").rsplit("/", 1)[-1] for link in links]


def test_the_vietnamese_monuments_index_sorts_by_vietnamese_names(client, monuments):
    assert _cards(client.get("/vi/monuments/")) == VI_ORDER
    assert _cards(client.get("/vi/monuments/?category=palace")) == VI_ORDER


def test_the_english_monuments_index_sorts_by_english_names(client, monuments):
    assert _cards(client.get("/en/monuments/")) == EN_ORDER


def test_a_renamed_monument_moves_in_both_languages(client, monuments):
    monument_create(index=monuments["ngo-mon"].get_parent(), slug="ngo-mon", name_vi="Cửa Ngọ", name_en="Ancient Gate")
    assert _cards(client.get("/vi/monuments/"))[:2] == ["chua-thien-mu", "ngo-mon"]
    assert _cards(client.get("/en/monuments/"))[0] == "ngo-mon"


def test_the_artefacts_index_sorts_by_name_in_the_readers_language(client, site_tree, monuments):
    index = site_tree["vi"]["artefacts"]
    for number, (slug, vi, en) in enumerate(
        [
            ("dinh-dong", "Đỉnh đồng", "Bronze urn"),
            ("dao-gam", "Dao găm", "Dagger"),
            ("an-vang", "Ấn vàng", "Gold seal"),
        ]
    ):
        page = index.add_child(
            instance=ArtefactPage(
                title=vi, slug=slug, accession_number=f"BT-{number}", title_vi=vi, title_en=en, object_type="object"
            )
        )
        page.save_revision().publish()
        translation = page.copy_for_translation(site_tree["en"]["artefacts"].locale)
        translation.title = en
        translation.save_revision().publish()
    assert _cards(client.get("/vi/artefacts/")) == ["an-vang", "dao-gam", "dinh-dong"]
    assert _cards(client.get("/en/artefacts/")) == ["dinh-dong", "dao-gam", "an-vang"]


# --- The home page -------------------------------------------------------------------------------


def test_the_home_page_shows_the_featured_monuments_in_the_curators_order(client, site_tree, monuments):
    chosen = [monuments[slug] for slug in ("ngo-mon", "dien-thai-hoa", "trieu-to-mieu")]
    assert home_featured_set(home=site_tree["vi"]["home"], monuments=chosen)
    assert _cards(client.get("/vi/")) == ["ngo-mon", "dien-thai-hoa", "trieu-to-mieu"]
    english = client.get("/en/")
    assert _cards(english) == ["ngo-mon", "dien-thai-hoa", "trieu-to-mieu"]
    assert 'href="/en/monuments/ngo-mon/"' in english.content.decode()
    assert not home_featured_set(home=site_tree["vi"]["home"], monuments=chosen)  # nothing to change


def test_unpublished_featured_monuments_are_left_out(client, site_tree, monuments):
    home_featured_set(home=site_tree["vi"]["home"], monuments=[monuments["ngo-mon"], monuments["the-mieu"]])
    monuments["ngo-mon"].unpublish()
    assert _cards(client.get("/vi/")) == ["the-mieu"]


def test_with_nothing_featured_the_home_page_shows_the_first_twelve_by_name(client, site_tree, monuments):
    index = site_tree["vi"]["monuments"]
    for number in range(6):
        monument_create(
            index=index, slug=f"z-{number}", name_vi=f"Ụ {number}", name_en=f"Zone {number}", category="gate"
        )
    assert _cards(client.get("/vi/")) == [*VI_ORDER, "z-0", "z-1", "z-2", "z-3", "z-4"]
    assert _cards(client.get("/en/")) == [*EN_ORDER, "z-0", "z-1", "z-2", "z-3", "z-4"]


def test_the_home_page_costs_the_same_queries_featured_or_not(site_tree, monuments, django_assert_num_queries):
    # The featured list, the view restrictions (public()), the monuments; and the home page's locale
    # when not read yet (its language chooses the archive's pages: heritage.selectors.archive_pages).
    home = site_tree["vi"]["home"]
    with django_assert_num_queries(3):
        assert len(home_monuments(home)) == len(MONUMENTS)
    home_featured_set(home=home, monuments=list(monuments.values()))
    home = HomePage.objects.get(pk=home.pk)
    with django_assert_num_queries(4):
        assert [m.slug for m in home_monuments(home)] == list(monuments)


def test_curators_feature_monuments_in_the_admin(admin_client, client, site_tree, monuments):
    home = site_tree["vi"]["home"]
    edit_url = f"/admin/pages/{home.pk}/edit/"
    # "Featured monuments", in the admin's default language.
    assert "Di tích giới thiệu" in admin_client.get(edit_url).content.decode()
    form = {
        "title": home.title,
        "slug": home.slug,
        "intro": '{"blocks": [], "entityMap": {}}',
        "featured_monuments-TOTAL_FORMS": 2,
        "featured_monuments-INITIAL_FORMS": 0,
        "featured_monuments-MIN_NUM_FORMS": 0,
        "featured_monuments-MAX_NUM_FORMS": 12,
        "featured_monuments-0-monument": monuments["the-mieu"].pk,
        "featured_monuments-0-ORDER": 1,
        "featured_monuments-1-monument": monuments["ngo-mon"].pk,
        "featured_monuments-1-ORDER": 0,
        "action-publish": "action-publish",
    }
    for suffix in ("comments-TOTAL_FORMS", "comments-INITIAL_FORMS", "comments-MIN_NUM_FORMS"):
        form[suffix] = 0
    response = admin_client.post(edit_url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(FeaturedMonument.objects.filter(page=home).values_list("monument__slug", flat=True)) == [
        "ngo-mon",
        "the-mieu",
    ]
    assert _cards(client.get("/vi/")) == ["ngo-mon", "the-mieu"]


# --- The admin -----------------------------------------------------------------------------------


def _listed(response, names) -> list[str]:
    """`names` in the order the page shows them."""
    assert response.status_code == 200
    html = response.json()["html"] if response["Content-Type"] == "application/json" else response.content.decode()
    return sorted((name for name in names if name in html), key=html.index)


def test_the_vocabulary_listing_sorts_by_the_rule(admin_client, db):
    for name, name_en in TERMS.items():
        Technique.objects.create(name=name, name_en=name_en)
    url = "/admin/snippets/heritage/technique/"
    vi, en = sorted_by_name(TERMS, "vi"), sorted_by_name(TERMS.values(), "en")
    assert _listed(admin_client.get(url), TERMS) == vi
    assert _listed(admin_client.get(url, {"ordering": "name"}), TERMS) == vi
    assert _listed(admin_client.get(url, {"ordering": "-name"}), TERMS) == vi[::-1]
    assert _listed(admin_client.get(url, {"ordering": "name_en"}), TERMS.values()) == en
    # Sorted while searching too (the sort key is a filter field of the search index).
    searched = admin_client.get(url, {"q": "hoa", "ordering": "name"})
    assert _listed(searched, TERMS) == ["Hóa nghiệm", "Hòa trộn", "Hoàn thiện"]


def test_the_project_listing_sorts_by_the_rule(admin_client, db):
    names = ["Tu bổ Triệu Tổ Miếu", "Tu bổ Điện Thái Hòa", "Tu bổ Duyệt Thị Đường"]
    for name in names:
        RestorationProject.objects.create(name=name)
    listed = _listed(admin_client.get("/admin/snippets/heritage/restorationproject/"), names)
    assert listed == ["Tu bổ Duyệt Thị Đường", "Tu bổ Điện Thái Hòa", "Tu bổ Triệu Tổ Miếu"]


def test_the_page_chooser_lists_monuments_by_name(admin_client, site_tree, monuments):
    index = site_tree["vi"]["monuments"]
    response = admin_client.get(f"/admin/choose-page/{index.pk}/", {"page_type": "heritage.monumentpage"})
    names = [vi for _slug, vi, _en in MONUMENTS]
    assert _listed(response, names) == sorted_by_name(names, "vi")
    searched = admin_client.get("/admin/choose-page/search/", {"page_type": "heritage.monumentpage", "q": "dien"})
    assert searched.status_code == 200
