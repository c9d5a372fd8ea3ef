"""The visibility rule (heritage.visibility) as a table: every role, every way records leave the system.

Each way out is a function giving the references a user reaches through it; the rule says
which: outsiders (anonymous, signed in without a group) the public records, Restorers and
Curators the internal ones too. Files follow the records that use them, drafts' files included
for staff, who open drafts in the admin. Runs on both backends and both storages.
"""

import csv
import io

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from heritage.models import RestorationDocument
from tests.search import test_api as shared
from tests.search.test_api import EXPORT_URL, INTERNAL, PUBLIC, SUGGEST_URL, URL

archive_module = shared.archive_module
archive = shared.archive
pytestmark = shared.pytestmark

DRAFT = {"HUE-NM-DRAFT"}
ROLES = ["anonymous", "member", "restorer", "curator"]
STAFF = {"restorer", "curator"}


def api_results(client, archive):
    return {r["reference"] for r in client.get(URL, {"page_size": 100}).json()["results"]}


def api_counts(client, archive):
    """The references a count reveals: the count of each record's own unique reference search."""
    refs = PUBLIC | INTERNAL | DRAFT
    return {ref for ref in refs if client.get(URL, {"q": ref}).json()["count"] > 0}


# Facet values that one record alone has: the records a facet can tell about.
ONLY_IN = {"Phân tích vữa": "HUE-HLC-1998-01", "Viện Bảo tồn Di tích": "HUE-HLC-1998-01", "JICA": "HUE-TH-2021-01"}


def facets(client, archive):
    items = [item for items in client.get(URL).json()["facets"].values() for item in items]
    shown = {item["value"] for item in items} | {item.get("label") for item in items}
    return {ref for value, ref in ONLY_IN.items() if value in shown}


def suggestions(client, archive):
    """Titles suggested: each record's own title words."""
    reached = set()
    for record in archive.records.values():
        texts = [s["text"] for s in client.get(SUGGEST_URL, {"q": record.title[:12]}).json()["suggestions"]]
        if record.title in texts:
            reached.add(record.reference)
    return reached


def export(client, archive):
    text = b"".join(client.get(EXPORT_URL).streaming_content).decode("utf-8-sig")
    return {row["reference"] for row in csv.DictReader(io.StringIO(text, newline=""))}


def record_pages(client, archive):
    refs = PUBLIC | INTERNAL | DRAFT
    return {ref for ref in refs if client.get(f"/vi/restorations/{ref}/").status_code == 200}


def timeline_pages(client, archive):
    html = "".join(client.get(f"/vi/restorations/timeline/{slug}/").content.decode() for slug in archive.monuments)
    return {ref for ref in PUBLIC | INTERNAL | DRAFT if ref in html}


def files(client, archive):
    reached = set()
    for record in archive.records.values():
        document = Document.objects.create(title="Report", file=ContentFile(b"report", name="report.txt"))
        RestorationDocument.objects.create(record=record, document=document)
        if client.get(document.url).status_code == 200:
            reached.add(record.reference)
    return reached


WAYS_OUT = [api_results, api_counts, facets, suggestions, export, record_pages, timeline_pages, files]


@pytest.fixture
def member(db, django_user_model):
    return django_user_model.objects.create_user(username="member", password="pw")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("way_out", WAYS_OUT, ids=lambda f: f.__name__)
def test_who_reaches_which_records(client, archive, request, role, way_out):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    expected = PUBLIC | INTERNAL if role in STAFF else set(PUBLIC)
    if way_out is files and role in STAFF:
        expected = expected | DRAFT
    if way_out is facets:
        expected = expected & set(ONLY_IN.values())

    assert way_out(client, archive) == expected
