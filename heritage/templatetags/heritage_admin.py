"""Template filters for the admin's own templates."""

from django import template

from ..choosers import name_for_admin as _name_for_admin

register = template.Library()


@register.filter
def name_for_admin(obj):
    """A monument's, artefact's or term's name in the admin's language."""
    return _name_for_admin(obj)
