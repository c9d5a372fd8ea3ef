"""Template tags of the tour pages."""

from django import template

from tours import selectors, viewer

register = template.Library()


@register.simple_tag
def stop_text(texts, stop, field: str):
    """A stop's translatable `field` from its page's texts (heritage page_texts), marked where untranslated:
    `{% stop_text t stop "transcript" as transcript %}`."""
    return texts.of(stop, field)


@register.simple_tag
def narrative_text(texts, stop, block):
    """A block of a stop's narrative from its page's texts, marked where untranslated."""
    return texts.block(block, item=stop, field="narrative")


@register.filter
def scene_id(number: int) -> str:
    """The 360° viewer's id for stop `number`'s scene (tours.viewer)."""
    return viewer.scene_id(number)


@register.simple_tag
def featured_tours(home):
    """The tours a home page shows (tours.selectors.featured_tours): `{% featured_tours page as tours %}`."""
    return selectors.featured_tours(home)
