"""Who sees what: internal records only for users with heritage.view_internal_restorationrecord.

Anonymous visitors (and signed-in users without the permission) must not learn that an
internal record exists: not from results, counts, facets, highlights, suggestions or exports.
Runs on both backends (see test_api.py).
"""

import csv
import io

import pytest

from tests.search import test_api as shared
from tests.search.test_api import EXPECTED_BACKEND, EXPORT_URL, INTERNAL, PUBLIC, SUGGEST_URL, URL

# The shared fixtures, and the Elasticsearch marker in the services profile.
archive_module = shared.archive_module
archive = shared.archive
pytestmark = shared.pytestmark


@pytest.fixture
def outsider(db, django_user_model):
    """Signed in, but in no group: no permission to see internal records."""
    return django_user_model.objects.create_user(username="outsider", password="pw")


def as_user(client, request, who: str):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    return client


def search(client, **params) -> dict:
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["backend"] == EXPECTED_BACKEND
    return data


def all_values(data) -> set[str]:
    """Every facet value and label in a response."""
    values = set()
    for items in data["facets"].values():
        for item in items:
            values.add(item["value"])
            values.add(item.get("label", ""))
    return values


def suggestions(client, q) -> list[str]:
    response = client.get(SUGGEST_URL, {"q": q})
    assert response.status_code == 200
    return [item["text"] for item in response.json()["suggestions"]]


def exported(client, **params) -> set[str]:
    response = client.get(EXPORT_URL, params)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return {row["reference"] for row in csv.DictReader(io.StringIO(text, newline=""))}


STAFF = ["restorer", "curator"]
OUTSIDERS = ["anonymous", "outsider"]


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_see_public_records_only(client, archive, request, who):
    client = as_user(client, request, who)
    data = search(client, page_size=100)
    assert data["count"] == 4
    assert {r["reference"] for r in data["results"]} == PUBLIC
    assert all(r["visibility"] == "public" for r in data["results"])


@pytest.mark.parametrize("who", STAFF)
def test_restorers_and_curators_also_see_internal_records(client, archive, request, who):
    client = as_user(client, request, who)
    data = search(client, page_size=100)
    assert data["count"] == 6
    assert {r["reference"] for r in data["results"]} == PUBLIC | INTERNAL
    visibility = {r["reference"]: r["visibility"] for r in data["results"]}
    assert visibility["HUE-HLC-1998-01"] == "internal"


@pytest.mark.parametrize("who", OUTSIDERS)
def test_an_internal_records_unique_word_reveals_nothing(client, archive, request, who):
    client = as_user(client, request, who)
    data = search(client, q="xylographic")
    assert data["count"] == 0
    assert data["results"] == []
    assert all(items == [] for items in data["facets"].values())


@pytest.mark.parametrize("who", STAFF)
def test_staff_find_the_internal_records_unique_word_with_highlight(client, archive, request, who):
    client = as_user(client, request, who)
    data = search(client, q="xylographic")
    assert data["count"] == 1
    (result,) = data["results"]
    assert result["reference"] == "HUE-HLC-1998-01"
    assert "<mark>xylographic</mark>" in " ".join(result["highlight"]["summary"])
    assert {item["value"] for item in data["facets"]["monument"]} == {"hien-lam-cac"}


@pytest.mark.parametrize("who", OUTSIDERS)
def test_facets_hide_values_only_internal_records_have(client, archive, request, who):
    client = as_user(client, request, who)
    for lang in ("vi", "en"):
        values = all_values(search(client, lang=lang))
        for hidden in (
            "hien-lam-cac",
            "Hiển Lâm Các",
            "Pavilion of Glorious Coming",
            "analysis",
            "preventive",
            "phan tich vua",
            "Phân tích vữa",
            "Mortar analysis",
            "vien bao ton di tich",
            "Viện Bảo tồn Di tích",
            "Conservation Institute",
            "2010",  # the decade of the internal NM-2010 only
        ):
            assert hidden not in values


def test_counts_and_facets_differ_by_exactly_the_internal_records(client, archive, restorer):
    anonymous = search(client, monument="ngo-mon")
    client.force_login(restorer)
    staff = search(client, monument="ngo-mon")
    assert (anonymous["count"], staff["count"]) == (2, 3)
    assert {i["value"]: i["count"] for i in anonymous["facets"]["monument"]} == {"ngo-mon": 2, "dien-thai-hoa": 2}
    assert {i["value"]: i["count"] for i in staff["facets"]["monument"]} == {
        "ngo-mon": 3,
        "dien-thai-hoa": 2,
        "hien-lam-cac": 1,
    }
    assert {i["value"]: i["count"] for i in anonymous["facets"]["technique"]} == {"lop ngoi": 1}
    assert {i["value"]: i["count"] for i in staff["facets"]["technique"]} == {"lop ngoi": 1, "son mai": 1}
    assert {i["value"]: i["count"] for i in anonymous["facets"]["decade"]} == {"1990": 1, "2000": 1}
    assert {i["value"]: i["count"] for i in staff["facets"]["decade"]} == {"1990": 1, "2000": 1, "2010": 1}


def test_highlights_of_internal_records_only_for_staff(client, archive, curator):
    # "mọt" occurs only in the internal NM-2010 record.
    assert search(client, q="mot")["results"] == []
    client.force_login(curator)
    (result,) = search(client, q="mot")["results"]
    assert "<mark>mọt</mark>" in " ".join(result["highlight"]["summary"])


@pytest.mark.parametrize("who", OUTSIDERS)
def test_suggestions_never_come_from_internal_records_for_outsiders(client, archive, request, who):
    client = as_user(client, request, who)
    assert suggestions(client, "hien lam") == []  # a monument with internal records only
    assert suggestions(client, "phan tich") == []  # an internal title and technique
    assert suggestions(client, "bao quan") == []  # the internal NM-2010's title
    assert "Ngọ Môn" in suggestions(client, "ngo m")  # public records do suggest


@pytest.mark.parametrize("who", STAFF)
def test_staff_get_suggestions_from_internal_records(client, archive, request, who):
    client = as_user(client, request, who)
    assert "Hiển Lâm Các" in suggestions(client, "hien lam")
    assert {"Phân tích mẫu vữa Hiển Lâm Các", "Phân tích vữa"} <= set(suggestions(client, "phan tich"))


@pytest.mark.parametrize(
    ("who", "expected"),
    [("anonymous", PUBLIC), ("outsider", PUBLIC), ("restorer", PUBLIC | INTERNAL), ("curator", PUBLIC | INTERNAL)],
)
def test_export_follows_the_same_rule(client, archive, request, who, expected):
    client = as_user(client, request, who)
    assert exported(client) == expected
    assert exported(client, q="xylographic") == (set() if expected == PUBLIC else {"HUE-HLC-1998-01"})


def test_internal_records_stay_hidden_with_every_filter(client, archive):
    params = {
        "monument": ["hien-lam-cac", "ngo-mon"],
        "record_type": ["analysis", "preventive"],
        "technique": ["phan tich vua", "son mai"],
        "partner": "vien bao ton di tich",
        "from": "1998",
        "to": "2011",
    }
    data = search(client, **params)
    assert data["count"] == 0
    assert "hien-lam-cac" not in all_values(data)
    assert exported(client, **params) == set()


@pytest.mark.parametrize("who", OUTSIDERS)
def test_a_record_made_internal_leaves_results_before_its_index_update(client, archive, request, who):
    """A stale index (the update still queued) must not show outsiders what has become internal."""
    from heritage.models import RestorationRecord

    record = archive.records["NM-1991"]
    RestorationRecord.objects.filter(pk=record.pk).update(visibility="internal")  # no signal: the index is stale
    data = search(as_user(client, request, who), q="Ngũ Phụng")
    assert record.reference not in {result["reference"] for result in data["results"]}
    assert data["results"] == []
