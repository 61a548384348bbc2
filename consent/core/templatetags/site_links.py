"""Links to the site's pages in a mail: on the site's own address (net.absolute_url), in the
language the mail is rendered in (mail.render_mail)."""

from django import template
from django.urls import reverse

from consent.common.net import absolute_url

register = template.Library()


@register.simple_tag
def site_url(name: str, *args) -> str:
    """The address of the page the URL pattern `name` serves (with `args`, a version's number),
    in the active language."""
    return absolute_url(reverse(name, args=args))
