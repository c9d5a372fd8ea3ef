"""Routing down the page tree in one query per ROUTE_STEPS levels, where Wagtail's route reads each
level's page, then its specific page (heritage.models.SitePage.route calls it)."""

from django.http import Http404
from wagtail.models import Page

ROUTE_STEPS = 8  # levels of the page tree read in one query (the site's pages: two below a home)


def route_down(page, request, path_components):
    """Wagtail's route from `page` for a non-empty `path_components`: the pages on the way down read in
    one query, then the page found as its own type (a monument below its index: two queries, not four).

    As in Wagtail's, the pages on the way need not be live, the last one must be; a page on the way
    whose type routes otherwise (RoutablePageMixin's sub-pages) takes the rest of the way itself."""
    from .models import SitePage

    # At most ROUTE_STEPS at a time, so that the URL paths asked for grow with an address's length,
    # not with its square: a longer address goes on from the last page found.
    steps = path_components[:ROUTE_STEPS]
    url_paths = [page.url_path + "".join(f"{slug}/" for slug in steps[:n]) for n in range(1, 1 + len(steps))]
    # By slug first (indexed), then by URL path (not indexed); pages with these URL paths below this
    # one are one each at the depths below it, down to the last that exists.
    on_the_way = list(
        Page.objects.filter(slug__in=set(steps), url_path__in=url_paths, depth__gt=page.depth).order_by("depth")
    )
    if not on_the_way:
        raise Http404
    parent, found = page, on_the_way[0]
    for below in on_the_way[1:]:
        if found.specific_class.route not in (Page.route, SitePage.route):
            break
        parent, found = found, below
    # With its locale, which a page reads to choose the language of the archive's pages it links
    # (heritage.selectors.archive_pages).
    specific = (found.specific_class or Page)._default_manager.select_related("locale").get(pk=found.pk)
    specific._cached_parent_obj = parent  # as Wagtail's route leaves it, for get_parent()
    return specific.route(request, path_components[found.depth - page.depth :])
