"""Parameters of the restoration search: parsing (search/params.py) and bad values through the API.

A bad parameter answers 400 with a message, or is plain text; never a 500, never an
Elasticsearch error. The API tests run on both backends (see test_api.py).
"""

import random

import pytest
from django.http import QueryDict

from heritage.text import fold_chars, fold_with_offsets
from search.params import WORD, QueryError, RestorationQuery, query_words, word_pattern
from tests.search import test_api as shared
from tests.search.test_api import EXPECTED_BACKEND, EXPORT_URL, SUGGEST_URL, URL

# The shared fixtures, and the Elasticsearch marker in the services profile.
archive_module = shared.archive_module
archive = shared.archive
pytestmark = shared.pytestmark


def parse(query_string: str = "", **kwargs) -> RestorationQuery:
    return RestorationQuery.from_querydict(QueryDict(query_string), **kwargs)


def error(query_string: str) -> str:
    with pytest.raises(QueryError) as raised:
        parse(query_string)
    return raised.value.message


# --- Parsing ---------------------------------------------------------------------------------


def test_defaults():
    query = parse()
    assert (query.q, query.sort, query.page, query.page_size, query.lang) == ("", "start", 1, 20, "vi")
    assert query.year_from is query.year_to is None
    assert query.monument == query.technique == ()


def test_text_is_stripped_and_cut_into_folded_words():
    query = parse("q=%20%20%C4%90i%E1%BB%87n%20%20Th%C3%A1i%20H%C3%B2a%20")
    assert query.q == "Điện Thái Hòa"
    assert query.words == ("dien", "thai", "hoa")
    assert query.sort == "relevance"


def test_control_characters_in_the_text_are_spaces():
    query = parse("q=Hu%E1%BA%BF%00%01ngo%7F")
    assert query.q == "Huế ngo"
    assert query.words == ("hue", "ngo")
    assert parse("q=%00").q == ""


def test_query_syntax_characters_are_plain_text():
    assert query_words('"(*[:\\') == ()
    assert query_words("title:ngo AND (mon*") == ("title:ngo", "and", "mon")  # ":" joins letters, as in ES
    assert parse("q=%22(*%5B%3A%5C").sort == "start"  # no words: no relevance to sort by


def test_repeatable_filters_and_folded_term_values():
    query = parse("monument=ngo-mon&monument=Dien-Thai-Hoa&monument=ngo-mon&technique=S%C6%A1n%20m%C3%A0i&partner=")
    assert query.monument == ("ngo-mon", "dien-thai-hoa")
    assert query.technique == ("son mai",)
    assert query.partner == ()


def test_valid_values():
    query = parse("from=1990&to=1999&sort=-start&page=3&page_size=100&lang=en&record_type=treatment")
    assert (query.year_from, query.year_to, query.sort, query.page, query.page_size, query.lang) == (
        1990,
        1999,
        "-start",
        3,
        100,
        "en",
    )
    assert query.offset == 200
    assert query.record_type == ("treatment",)
    assert parse("from=1999&to=1999").year_from == 1999
    assert parse(default_lang="en").lang == "en"
    assert parse("lang=vi", default_lang="en").lang == "vi"
    assert parse(default_lang="fr").lang == "vi"


@pytest.mark.parametrize(
    ("query_string", "words"),
    [
        ("sort=name", "sort"),
        ("sort=relevance&sort=start", "once"),
        ("from=2000&to=1990", "after"),
        ("page=0", "page"),
        ("page=-1", "page"),
        ("page=abc", "page"),
        ("page=1.5", "page"),
        ("page=99999999999999999999", "page"),
        ("page_size=1000", "page_size"),
        ("page_size=0", "page_size"),
        ("from=0", "from"),
        ("from=10000", "from"),
        ("to=19x0", "to"),
        ("to=-5", "to"),
        ("record_type=repair", "record_type"),
        ("lang=fr", "lang"),
        ("q=" + "a" * 501, "too long"),
    ],
)
def test_bad_values_are_refused_with_a_message(query_string, words):
    assert words in error(query_string)


def test_long_but_allowed_text():
    assert len(parse("q=" + "a" * 500).q) == 500


def reference_fold(text):
    """Folding as defined on the whole text: NFKD, combining marks dropped, casefold, spaces collapsed."""
    import unicodedata

    extra = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "ø": "o", "ł": "l", "æ": "ae", "œ": "oe"})
    decomposed = unicodedata.normalize("NFKD", text.translate(extra))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def test_fast_folding_equals_the_reference_fold():
    from heritage.text import fold

    samples = [
        "Điện Thái Hòa",
        "ĐẠI NỘI Huế",
        "Ngọ Môn 午門",
        "straße İstanbul ﬁx Ωmega",
        "Cửa Hiển Nhơn\u0301",  # a stray combining mark
        "e\u0301te\u0301",  # decomposed input
        "𝐁old 𝟙",  # astral letters
    ]
    for text in samples:
        assert fold(text) == reference_fold(text)
        folded, offsets = fold_with_offsets(text)
        assert folded == fold_chars(text)
        assert len(offsets) == len(folded)


WORD_SAMPLES = [
    "Chi phí 1.200.000 đồng, năm 1991.06, v1.2 a:b title:ngói",
    "HUE-NM-1991-01",
    "Ngọ Môn 午門 Cửa Ngọ",
    "don't U.S.A. e.g. 3,5 kg; 10;20",
    "Mái lầu Ngũ Phụng.Thay ngói; Điện·Thái",
    "a_b x–y 2021/2022 #5 email@x.org www.hue.vn",
]


def test_words_are_cut_like_elasticsearchs_standard_tokenizer():
    from heritage.text import fold

    assert [WORD.findall(fold(text)) for text in WORD_SAMPLES] == [
        ["chi", "phi", "1.200.000", "dong", "nam", "1991.06", "v1.2", "a:b", "title:ngoi"],
        ["hue", "nm", "1991", "01"],
        ["ngo", "mon", "午", "門", "cua", "ngo"],
        ["don't", "u.s.a", "e.g", "3,5", "kg", "10;20"],
        ["mai", "lau", "ngu", "phung.thay", "ngoi", "dien·thai"],
        ["a_b", "x", "y", "2021", "2022", "5", "email", "x.org", "www.hue.vn"],
    ]


@pytest.mark.needs("elasticsearch")
def test_the_database_fallback_cuts_words_as_elasticsearch_does():
    from heritage.text import fold
    from search import es

    client = es.client()
    for text in WORD_SAMPLES:
        tokens = client.indices.analyze(tokenizer="standard", filter=["lowercase", "asciifolding"], text=text)
        assert [token["token"] for token in tokens["tokens"]] == WORD.findall(fold(text))


def test_a_word_is_found_exactly_where_the_text_is_cut_into_it():
    """word_pattern() (the fallback's fast whole-word search) agrees with WORD.findall()."""
    rnd = random.Random(7)
    alphabet = list("ab1 2.,:;'’·-_午x9")
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 14)))
        words = set(WORD.findall(text))
        for word in words | {"a", "b", "1", "ab", "a1", "1.2", "a.b", "x9", "午", "b:a", "12", "_1"}:
            if WORD.fullmatch(word):
                assert bool(word_pattern(word).search(text)) == (word in words), (text, word)


# --- Bad parameters through the API ----------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"sort": "title"},
        {"from": "2000", "to": "1990"},
        {"page": "0"},
        {"page": "-3"},
        {"page": "two"},
        {"page_size": "1000"},
        {"page_size": "0"},
        {"q": "x" * 10_000},
        {"record_type": "repair"},
        {"lang": "de"},
        {"from": "1990s"},
    ],
)
def test_bad_parameters_answer_400_with_a_message(client, archive, params):
    for url in (URL, EXPORT_URL):
        response = client.get(url, params)
        assert response.status_code == 400, (url, params)
        assert response["Content-Type"].startswith("application/json")
        assert response.json()["error"]


def test_error_messages_follow_the_callers_language(client, archive):
    def message(language):
        response = client.get(URL, {"sort": "bogus", "from": "2000"}, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 400
        return response.json()["error"]

    assert message("vi").startswith("sort “bogus” không hợp lệ; hãy dùng một trong các giá trị")
    assert message("en").startswith("Unknown sort “bogus”; use one of")
    response = client.get(URL, {"from": "2001", "to": "1999"}, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.json()["error"] == "“from” (2001) sau “to” (1999)."


@pytest.mark.parametrize(
    "q",
    [
        '"(*[:\\',
        "title:ngói AND (",
        "ngo~ mon^3",
        "*",
        "{{}}",
        "a\\",
        "/regex.*/",
        '"unterminated',
        "<script>alert(1)</script>",
        "%",
        "_",
        "'; DROP TABLE heritage_restorationrecord; --",
        '"',
        'a"',
        "\x00",
        "Huế\x00",
    ],
)
def test_query_syntax_is_plain_text_never_an_error(client, archive, q):
    response = client.get(URL, {"q": q})
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["backend"] == EXPECTED_BACKEND
    assert isinstance(data["count"], int)
    assert client.get(SUGGEST_URL, {"q": q}).status_code == 200
    assert client.get(EXPORT_URL, {"q": q}).status_code == 200


def test_the_suggestions_echo_the_text_without_control_characters(client, archive):
    response = client.get(SUGGEST_URL, {"q": "Ngọ\x00Môn\x01"})
    assert response.status_code == 200
    assert response.json()["q"] == "Ngọ Môn"


def test_text_without_words_matches_everything(client, archive):
    assert client.get(URL, {"q": '"(*[:\\'}).json()["count"] == 4


def test_text_with_syntax_around_words_searches_the_words(client, archive):
    data = client.get(URL, {"q": '"Meridian" (gate*'}).json()
    assert {r["reference"] for r in data["results"]} == {"HUE-NM-1991-01", "HUE-NM-2005-01"}


def test_suggest_refuses_a_too_long_text_and_a_bad_lang(client, archive):
    assert client.get(SUGGEST_URL, {"q": "x" * 10_000}).status_code == 400
    assert client.get(SUGGEST_URL, {"q": "ngo", "lang": "fr"}).status_code == 400
    assert client.get(SUGGEST_URL).json()["suggestions"] == []
