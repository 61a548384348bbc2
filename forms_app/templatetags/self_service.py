"""The title and heading of each state of the self-service pages, from one table, as
forms_app.thanks.THANKS_HEADINGS is the thank-you pages': every state titled «Your data» alike
(asking for a link, the link's button, the page itself, the page while processing is blocked)
left a screen reader, a tab and the history unable to tell them apart."""

from django import template
from django.utils.translation import gettext_lazy

register = template.Library()

MY_DATA_HEADINGS = {
    "ask": gettext_lazy("Ask for a link to your data"),  # my_data_ask.html
    "not_sent": gettext_lazy("Request not sent: ask for a new link"),  # the same, with it
    "not_sent_children": gettext_lazy("Requests not sent: ask for a new link"),  # for children
    # (the link sent: THANKS_HEADINGS["my-data"])
    "open": gettext_lazy("Open your data page"),  # my_data_link.html: the link's button
    "used": gettext_lazy("The link has been used"),  # my_data_link.html: refused
    "expired": gettext_lazy("The link has expired"),
    "invalid": gettext_lazy("The link does not work"),
    "page": gettext_lazy("Your data"),  # my_data.html
    "blocked": gettext_lazy("Your data: processing blocked"),
}


@register.simple_tag
def my_data_heading(state: str) -> str:
    """The heading of the self-service page in `state` (a key of MY_DATA_HEADINGS)."""
    return str(MY_DATA_HEADINGS[state])
