"""The real services the production settings swap in, exercised through the project's settings."""

import io
import os

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from elasticsearch import Elasticsearch

from tests.factories import make_image


@pytest.mark.needs("elasticsearch")
def test_the_test_server_folds_vietnamese_like_production():
    client = Elasticsearch(settings.ELASTICSEARCH_URL)
    response = client.indices.analyze(tokenizer="standard", filter=["lowercase", "asciifolding"], text="Điện Thái Hòa")
    assert [token["token"] for token in response["tokens"]] == ["dien", "thai", "hoa"]


@pytest.mark.needs("elasticsearch")
def test_the_test_server_has_the_ngram_analysis_wagtail_needs():
    client = Elasticsearch(settings.ELASTICSEARCH_URL)
    response = client.indices.analyze(
        tokenizer="standard",
        filter=["lowercase", {"type": "edge_ngram", "min_gram": 1, "max_gram": 4}],
        text="Huế",
    )
    assert [token["token"] for token in response["tokens"]] == ["h", "hu", "huế"]


@pytest.mark.needs("elasticsearch")
def test_wagtail_page_search_finds_a_monument_without_diacritics(site_tree):
    from django.core.management import call_command

    from heritage.models import MonumentPage
    from heritage.services import monument_create

    monument_create(
        index=site_tree["vi"]["monuments"],
        slug="dien-thai-hoa",
        name_vi="Điện Thái Hòa",
        name_en="Hall of Supreme Harmony",
        category="palace",
    )
    call_command("update_index", verbosity=0)
    found = MonumentPage.objects.live().search("dien thai hoa")
    assert {page.name_vi for page in found} == {"Điện Thái Hòa"}


@pytest.mark.needs("postgres")
def test_the_services_profile_runs_on_postgresql():
    with connection.cursor() as cursor:
        cursor.execute("select version()")
        assert cursor.fetchone()[0].startswith("PostgreSQL")


@pytest.mark.needs("s3")
def test_files_round_trip_through_s3():
    name = default_storage.save("round-trip/notes.txt", ContentFile("Ngọ Môn 1833".encode()))
    try:
        assert default_storage.exists(name)
        with default_storage.open(name) as stored:
            assert stored.read().decode() == "Ngọ Môn 1833"
        assert default_storage.url(name).startswith(os.environ["AWS_S3_ENDPOINT_URL"])
    finally:
        default_storage.delete(name)
    assert not default_storage.exists(name)


@pytest.mark.needs("s3")
def test_image_renditions_are_made_and_stored_on_s3(db):
    from PIL import Image as PILImage

    image = make_image(width=400, height=300)
    rendition = image.get_rendition("fill-100x100")
    assert rendition.file.name.startswith("images/")
    with default_storage.open(rendition.file.name) as stored:
        assert PILImage.open(io.BytesIO(stored.read())).size == (100, 100)
