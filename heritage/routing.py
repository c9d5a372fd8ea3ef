"""Routing down the page tree in one query per ROUTE_STEPS levels, where Wagtail's route reads each
level's page, then its specific page.

- `serve`, the site's page view, routes a request from its site's home page in the active language
  (`route_for_request`), then hands the route to Wagtail's page view.
- `route_down` goes on from a page below it: SitePage.route calls it, for addresses deeper than one
  query reads and wherever Wagtail routes by itself.

Both read the way down with the page's ancestors and whether each has view restrictions, so that
Wagtail's check of them before serving needs no query of its own on pages without any.
"""

from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q
from django.db.models.signals import post_delete, post_save
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_slug_changed, post_page_move

ROUTE_STEPS = 8  # levels of the page tree read in one query (the site's pages: two below a home)
SITES_KEY = "heritage-sites"
SITES_SECONDS = 3600  # as long as Wagtail keeps its site root paths, in the same cache


def serve(request, path):
    """Wagtail's page view, given the route found here (Page.route_for_request keeps a request's route
    on the request, and Wagtail's view reads it from there)."""
    from wagtail import views as wagtail_views  # which reads the page model as it is imported

    request._wagtail_route_for_request = route_for_request(request, path)
    return wagtail_views.serve(request, path)


def route_for_request(request, path: str):
    """Wagtail's Page.route_for_request in two queries: the way down from the tree's root (read by URL
    path, which Wagtail's cached site root paths give for the home page in each language), then the
    page found as its own type. Wagtail's reads the site, the locale, the home page and its
    translation, then two queries per level."""
    site = site_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    try:
        home_path = _home_url_path(site)
        if home_path is not None:
            segments = [segment for segment in home_path.split("/") if segment] + components[:ROUTE_STEPS]
            way = _way(Q(path=site.root_page.path[: Page.steplen]), "/", segments)
            home = next((page for page in way if page.url_path == home_path), None)
            # Wagtail routes from the site's own home page where the one in this language is a draft,
            # and so does this where the root paths Wagtail keeps are out of date (a home page
            # deleted, another page now at its address).
            if (
                home is not None
                and home.translation_key == site.root_page.translation_key
                and (home.live or home.pk == site.root_page_id)
            ):
                return _follow(request, way, home, components)
        return site.root_page.localized.specific.route(request, components)  # as Wagtail routes
    except Http404:
        return None


def route_down(page, request, path_components):
    """Wagtail's route from `page` for a non-empty `path_components`: the pages on the way down read in
    one query, then the page found as its own type (a monument below its index: two queries, not four).

    As in Wagtail's, the pages on the way need not be live, the last one must be; a page on the way
    whose type routes otherwise (RoutablePageMixin's sub-pages) takes the rest of the way itself."""
    # At most ROUTE_STEPS at a time, so that the URL paths asked for grow with an address's length,
    # not with its square: a longer address goes on from the last page found.
    ancestors = [page.path[: Page.steplen * depth] for depth in range(1, page.depth + 1)]
    way = _way(Q(path__in=ancestors), page.url_path, path_components[:ROUTE_STEPS])
    if not any(below.depth > page.depth for below in way):
        raise Http404
    return _follow(request, way, page, path_components, routing=True)


def _home_url_path(site):
    """The URL path of `site`'s home page in the active language (Wagtail's site root paths, which it
    keeps in the cache); None where the language is not one of the site's."""
    try:
        language = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return None
    for root in Site.get_site_root_paths():
        if root.site_id == site.pk and root.language_code == language:
            return root.root_path
    return site.root_page.url_path  # no home page in this language: the site's own, as Wagtail's


def _way(top, url_path, slugs):
    """The pages `top` selects (by their indexed tree path) and those down `slugs` from `url_path` (by
    slug first, which is indexed, then by URL path, which is not), from the top down, each marked
    with whether a view restriction is set on it."""
    url_paths = [url_path + "".join(f"{slug}/" for slug in slugs[:n]) for n in range(1, len(slugs) + 1)]
    wanted = top | Q(slug__in=set(slugs), url_path__in=url_paths)
    restricted = Exists(PageViewRestriction.objects.filter(page=OuterRef("pk")))
    return list(Page.objects.filter(wanted).annotate(restricted=restricted).order_by("depth"))


def _follow(request, way, start, components, *, routing=False):
    """The route from `start` down the pages of `way` below it, one per level, to the last one or to
    one whose type routes otherwise; that page read as its own type then routes the rest. `routing`:
    `start` is routing already (its route called this), so the way goes on below it whatever its
    type."""
    from .models import SitePage

    parent, found = None, start
    for below in way:
        if below.depth <= start.depth:
            continue
        routes_otherwise = found.specific_class.route not in (Page.route, SitePage.route)
        if routes_otherwise and not (routing and found is start):
            break
        parent, found = found, below
    if found is start and isinstance(start, found.specific_class or Page):
        specific = start
    else:
        # With its locale, which a page reads to choose the language of the archive's pages it links
        # (heritage.selectors.archive_pages).
        specific = (found.specific_class or Page)._default_manager.select_related("locale").get(pk=found.pk)
    if parent is not None:
        specific._cached_parent_obj = parent  # as Wagtail's route leaves it, for get_parent()
    restrictions = _view_restrictions(way, found)
    if restrictions is not None:
        specific._view_restrictions = restrictions  # what SitePage.get_view_restrictions returns
    return specific.route(request, components[found.depth - start.depth :])


def _view_restrictions(way, page):
    """Wagtail's Page.get_view_restrictions for `page`, from the way read with it: the restrictions set
    on it and its ancestors (none, without a query, where none is set). None where the way cannot
    tell: an ancestor missing from it, or an alias on it (Wagtail follows an alias to its source)."""
    line = [above for above in way if above.depth <= page.depth and page.path.startswith(above.path)]
    if len(line) != page.depth or any(above.alias_of_id for above in line):
        return None
    restricted = [above.pk for above in line if above.restricted]
    if not restricted:
        return PageViewRestriction.objects.none()
    return PageViewRestriction.objects.filter(page_id__in=restricted)


# --- The request's site ---------------------------------------------------------------


def site_for_request(request):
    """Wagtail's Site.find_for_request, choosing among the sites kept in the "default" cache (as Wagtail
    keeps their root paths) instead of asking the database on every request; kept on the request,
    where Site.find_for_request finds it for everything else that asks during the request. The
    site's own code asks here (the routing, the navigation, the sitemaps)."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]  # unchecked, as Wagtail's
        request._wagtail_site = _site_for_hostname(_sites(), hostname, request.get_port())
    return request._wagtail_site


def _sites() -> list:
    sites = cache.get(SITES_KEY)
    if sites is None:
        sites = list(Site.objects.select_related("root_page"))
        cache.set(SITES_KEY, sites, SITES_SECONDS)
    return sites


def _site_for_hostname(sites, hostname: str, port: str):
    """Wagtail's choice among `sites` (wagtail.models.sites.get_site_for_hostname): the site with this
    hostname and port, else this hostname's default site, else the default site unless exactly one
    other site has this hostname; None where none fits."""

    try:
        port = int(port)  # as the database compares it ("080" is 80)
    except (TypeError, ValueError):
        port = None  # no site's port

    def rank(site) -> int:
        if site.hostname == hostname:
            return 0 if site.port == port else 1 if site.is_default_site else 3
        return 2  # the default site, under another hostname

    candidates = sorted((site for site in sites if site.hostname == hostname or site.is_default_site), key=rank)
    if len(candidates) == 1 or (candidates and rank(candidates[0]) < 2):
        return candidates[0]
    if candidates and rank(candidates[0]) == 2:
        return candidates[len(candidates) == 2]
    return None


def _forget_sites(**kwargs):
    """The kept sites go when a site changes, and when a page's slug changes or a page moves (a home
    page's URL path, tree path and depth are kept with its site)."""
    cache.delete(SITES_KEY)


post_save.connect(_forget_sites, sender=Site, dispatch_uid="heritage-sites-saved")
post_delete.connect(_forget_sites, sender=Site, dispatch_uid="heritage-sites-deleted")
page_slug_changed.connect(_forget_sites, dispatch_uid="heritage-sites-slug-changed")
post_page_move.connect(_forget_sites, dispatch_uid="heritage-sites-page-moved")
