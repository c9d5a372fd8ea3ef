"""Routing (heritage.routing, through SitePage.route): the page Wagtail's route finds, in fewer queries."""

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from heritage.services import monument_create


@pytest.fixture
def request_(site_tree):
    return RequestFactory().get("/")


def _found(home, request, path: str):
    with CaptureQueriesContext(connection) as queries:
        page, args, kwargs = home.route(request, [slug for slug in path.split("/") if slug])
    return page, len(queries)


def _wagtail_s(home, request, path: str):
    return Page.route(home, request, [slug for slug in path.split("/") if slug])[0]


def test_every_live_page_is_found_as_wagtail_finds_it_in_two_queries(site_tree, ngo_mon, request_):
    home = site_tree["vi"]["home"]
    for path in ("monuments/", "artefacts/", "monuments/ngo-mon/"):
        page, queries = _found(home, request_, path)
        assert page == _wagtail_s(home, request_, path)
        assert type(page) is type(page.specific) and page.url_path == f"{home.url_path}{path}"
        assert queries == 2  # the pages on the way, then the last one as its own type
        with CaptureQueriesContext(connection) as parent_queries:
            parent = page.get_parent()  # kept from the way down, as Wagtail's route keeps it
        assert not parent_queries and parent.pk == page.get_parent(update=True).pk


def test_a_page_under_a_draft_is_found_as_wagtail_finds_it_and_a_draft_is_not(site_tree, request_):
    home, index = site_tree["vi"]["home"], site_tree["vi"]["monuments"]
    monument = monument_create(index=index, slug="the-mieu", name_vi="Thế Miếu", name_en="The Mieu", category="temple")
    index.unpublish()
    assert _found(home, request_, "monuments/the-mieu/")[0] == _wagtail_s(home, request_, "monuments/the-mieu/")
    with pytest.raises(Http404):
        _found(home, request_, "monuments/")
    monument.unpublish()
    with pytest.raises(Http404):
        _found(home, request_, "monuments/the-mieu/")


@pytest.mark.parametrize("path", ["nowhere/", "monuments/nowhere/", "monuments/ngo-mon/nowhere/", "ngo-mon/"])
def test_an_address_with_no_page_is_not_found(site_tree, ngo_mon, request_, path):
    with pytest.raises(Http404):
        _found(site_tree["vi"]["home"], request_, path)


def test_each_language_s_home_finds_its_own_page_at_the_same_address(site_tree, ngo_mon, request_):
    english = ngo_mon.get_translation(site_tree["en"]["home"].locale)
    assert english.slug == ngo_mon.slug and english.pk != ngo_mon.pk
    assert _found(site_tree["en"]["home"], request_, "monuments/ngo-mon/")[0] == english
    assert _found(site_tree["vi"]["home"], request_, "monuments/ngo-mon/")[0] == ngo_mon


def test_an_address_deeper_than_one_query_reads_goes_on_from_the_last_page_found(site_tree, request_):
    from heritage.models import MonumentIndexPage
    from heritage.routing import ROUTE_STEPS

    home = site_tree["vi"]["home"]
    parent = home
    for depth in range(ROUTE_STEPS + 2):
        parent = parent.add_child(instance=MonumentIndexPage(title=f"Tầng {depth}", slug="tang", live=True))
    deepest, queries = _found(home, request_, "tang/" * (ROUTE_STEPS + 2))
    assert deepest.pk == parent.pk and queries == 4  # two reads of the way, each then the page found
    with pytest.raises(Http404):
        _found(home, request_, "tang/" * (ROUTE_STEPS + 3))
    with pytest.raises(Http404):  # an address as long as a request line allows: no page, no work
        _found(home, request_, "tang/" * 2000 + "x/")
