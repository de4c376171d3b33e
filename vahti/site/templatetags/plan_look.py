"""The plan's own look in the page's head: its brand stylesheet."""

from django import template

from vahti.site.views_hosts import brand_css_url

register = template.Library()


@register.simple_tag
def plan_brand_css(plan) -> str:
    """The address of the plan's brand stylesheet, changing with its data."""
    return brand_css_url(plan)
