"""Fixtures of the tours' tests: the Vietnamese locale, a tours index, two monuments."""

import pytest
from wagtail.models import Locale

from heritage.services import monument_create
from tours.models import TourIndexPage


@pytest.fixture
def vi(db):
    return Locale.objects.get(language_code="vi")


@pytest.fixture
def tours_index(site_tree, vi):
    index = site_tree["vi"]["home"].add_child(instance=TourIndexPage(title="Tham quan", slug="tours", locale=vi))
    index.save_revision().publish()
    return index


@pytest.fixture
def monuments(site_tree):
    parent = site_tree["vi"]["monuments"]
    return [
        monument_create(index=parent, slug="ngo-mon", name_vi="Ngọ Môn", name_en="Meridian Gate", category="gate"),
        monument_create(
            index=parent,
            slug="dien-thai-hoa",
            name_vi="Điện Thái Hòa",
            name_en="Hall of Supreme Harmony",
            category="palace",
        ),
    ]
