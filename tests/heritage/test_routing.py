"""Routing (heritage.routing, through SitePage.route): the page Wagtail's route finds, in fewer queries."""

import re

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


# --- A request's route, from its site's home page in its language (heritage.routing.serve) ---------


def _routed(path: str, language: str):
    """heritage.routing's route of a request and Wagtail's (Page.route_for_request), with the queries of
    ours (the sites and their root paths kept from an earlier request, as in a running process)."""
    from django.utils import translation
    from wagtail.models import Site

    from heritage import routing

    with translation.override(language):
        routing.site_for_request(RequestFactory().get("/"))
        Site.get_site_root_paths()
        with CaptureQueriesContext(connection) as queries:
            ours = routing.route_for_request(RequestFactory().get("/"), path)
        wagtail_s = Page.route_for_request(RequestFactory().get("/"), path)
    return ours, wagtail_s, len(queries)


@pytest.mark.parametrize("language", ["vi", "en", "ko"])
def test_a_request_is_routed_as_wagtail_routes_it_in_two_queries(site_tree, ngo_mon, language):
    for path in ("", "monuments/", "monuments/ngo-mon/", "artefacts/", "nowhere/", "monuments/nowhere/"):
        ours, wagtail_s, queries = _routed(path, language)
        if wagtail_s is None:
            assert ours is None, path
            continue
        assert ours[0] == wagtail_s[0] and type(ours[0]) is type(wagtail_s[0]), path
        assert ours[0].locale.language_code == wagtail_s[0].locale.language_code
        assert queries == 2, path  # the way down from the tree's root, then the page found as its own type


def test_where_a_language_s_home_page_is_a_draft_the_request_is_routed_from_the_site_s_own(site_tree, ngo_mon):
    site_tree["en"]["home"].unpublish()
    ours, wagtail_s, _queries = _routed("monuments/ngo-mon/", "en")
    assert ours[0] == wagtail_s[0] == ngo_mon


def test_a_request_is_routed_as_wagtail_routes_it_where_the_kept_root_paths_are_out_of_date(site_tree, ngo_mon):
    from wagtail.models import Page as WagtailPage
    from wagtail.models import Site

    from heritage.models import HomePage

    english_home = site_tree["en"]["home"]
    Site.get_site_root_paths()  # kept with the English home page in them
    slug, locale = english_home.slug, english_home.locale
    english_home.delete()  # Wagtail keeps its root paths as they were
    WagtailPage.get_first_root_node().add_child(instance=HomePage(title="Staging", slug=slug, locale=locale, live=True))
    for path in ("", "monuments/ngo-mon/"):
        ours, wagtail_s, _queries = _routed(path, "en")
        assert ours[0] == wagtail_s[0] and ours[0].title != "Staging", path


def _restrictions_read(page) -> tuple[list, int]:
    with CaptureQueriesContext(connection) as queries:
        restrictions = list(page.get_view_restrictions())
    return restrictions, len(queries)


def test_a_page_s_view_restrictions_come_with_its_route(site_tree, ngo_mon):
    from wagtail.models import PageViewRestriction

    ours = _routed("monuments/ngo-mon/", "vi")[0][0]
    assert _restrictions_read(ours) == ([], 0)  # none set: known from the way down, no query
    index = site_tree["vi"]["monuments"]
    restriction = PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    ours = _routed("monuments/ngo-mon/", "vi")[0][0]
    assert _restrictions_read(ours) == ([restriction], 1)
    assert list(Page.get_view_restrictions(ours)) == [restriction]  # as Wagtail reads them


def test_an_alias_has_its_source_s_view_restrictions(site_tree, ngo_mon):
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.create(page=ngo_mon, restriction_type=PageViewRestriction.LOGIN)
    korean_home = site_tree["ko"]["home"]
    ngo_mon.create_alias(parent=korean_home, update_slug="ngo-mon", update_locale=korean_home.locale)
    alias = _routed("ngo-mon/", "ko")[0][0]
    assert alias.alias_of_id == ngo_mon.pk
    assert list(alias.get_view_restrictions()) == [restriction]


@pytest.mark.django_db
def test_a_restricted_page_is_refused_to_a_visitor_and_shown_to_a_signed_in_user(
    client, site_tree, ngo_mon, django_user_model
):
    from wagtail.models import PageViewRestriction

    assert client.get("/vi/monuments/ngo-mon/").status_code == 200
    PageViewRestriction.objects.create(page=site_tree["vi"]["monuments"], restriction_type=PageViewRestriction.LOGIN)
    refused = client.get("/vi/monuments/ngo-mon/")
    assert refused.status_code == 302 and "next=/vi/monuments/ngo-mon/" in refused["Location"]
    assert client.get(refused["Location"]).status_code == 200  # Wagtail's sign-in form
    client.force_login(django_user_model.objects.create_user("curator", password="x"))
    assert client.get("/vi/monuments/ngo-mon/").status_code == 200


@pytest.mark.django_db
def test_a_password_protected_page_asks_for_its_password(client, site_tree, ngo_mon):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=ngo_mon, restriction_type=PageViewRestriction.PASSWORD, password="hue")
    asked = client.get("/vi/monuments/ngo-mon/")
    assert asked.status_code == 200 and b'name="password"' in asked.content
    assert "Ngọ Môn" not in asked.content.decode()  # the form only, not the page
    action = re.search(r'<form action="([^"]+)"', asked.content.decode()).group(1)
    wrong = client.post(action, {"password": "hui", "return_url": "/vi/monuments/ngo-mon/"})
    assert wrong.status_code == 200 and b'name="password"' in wrong.content
    given = client.post(action, {"password": "hue", "return_url": "/vi/monuments/ngo-mon/"})
    assert given.status_code == 302 and given["Location"] == "/vi/monuments/ngo-mon/"
    assert "Ngọ Môn" in client.get("/vi/monuments/ngo-mon/").content.decode()


# --- The site a request is for (heritage.routing.site_for_request) -------------------------------


def test_the_site_is_chosen_as_wagtail_chooses_it(site_tree):
    from wagtail.models import Site
    from wagtail.models.sites import get_site_for_hostname

    from heritage.routing import _site_for_hostname

    home = site_tree["vi"]["home"]
    Site.objects.create(hostname="hue.example", port=80, root_page=home)
    Site.objects.create(hostname="hue.example", port=8080, root_page=site_tree["en"]["home"])
    Site.objects.create(hostname="tours.example", port=443, root_page=site_tree["ko"]["home"])
    hosts = ("hue.example", "tours.example", "localhost", "other.example")
    cases = [(host, port) for host in hosts for port in (80, 443, 8080, 8000, "080", "443 ")]
    for with_default in (True, False):
        Site.objects.filter(is_default_site=True).update(is_default_site=False)
        if with_default:
            Site.objects.filter(hostname="hue.example", port=8080).update(is_default_site=True)
        sites = list(Site.objects.select_related("root_page"))
        for hostname, port in cases:
            try:
                expected = get_site_for_hostname(hostname, port)
            except Site.DoesNotExist:
                expected = None
            assert _site_for_hostname(sites, hostname, str(port)) == expected, (with_default, hostname, port)
        # A port that is no number (which Wagtail's query fails on) is no site's port.
        assert _site_for_hostname(sites, "hue.example", "") == _site_for_hostname(sites, "hue.example", "1")


def test_a_change_to_a_site_or_its_home_page_is_seen_by_the_next_request(
    site_tree, settings, django_capture_on_commit_callbacks
):
    from wagtail.models import Site

    from heritage.routing import site_for_request

    settings.ALLOWED_HOSTS = ["*"]
    default = site_for_request(RequestFactory().get("/", HTTP_HOST="tours.example"))
    english_home = site_tree["en"]["home"]
    tours = Site.objects.create(hostname="tours.example", port=80, root_page=english_home)
    assert site_for_request(RequestFactory().get("/", HTTP_HOST="tours.example")) == tours
    english_home.slug = "hue-heritage"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail tells of a new slug on commit
        english_home.save()
    assert site_for_request(RequestFactory().get("/", HTTP_HOST="tours.example")).root_page.url_path == "/hue-heritage/"
    tours.delete()
    assert site_for_request(RequestFactory().get("/", HTTP_HOST="tours.example")) == default


@pytest.mark.django_db
def test_pages_in_and_outside_the_tree_read_the_sites_once_per_process(client, ngo_mon, database_search):
    for path in ("/vi/monuments/ngo-mon/", "/vi/restorations/timeline/ngo-mon/", "/en/search/?q=gate"):
        client.get(path)  # the first request keeps the sites
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200, path
        assert not [query for query in queries if '"wagtailcore_site"' in query["sql"]], path
