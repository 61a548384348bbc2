"""For the people's admin (people.SubjectAdmin): why the person's data is held as it is, at the
top of their page (rights/kept.py): the block standing on it, and the nightly retention leaving
it for staff to decide, each with since when and by which request or decision."""

from django.urls import reverse
from django.utils.html import format_html, format_html_join

from consent.common.text import numbered

from ..kept import block_of, review_of


def requests_linked(requests):
    """Each request by its number, linked to its page, with its type in brackets."""
    rows = [(reverse("admin:rights_ticket_change", args=[r.pk]), numbered(r.reference),
             r.get_type_display()) for r in requests]  # fmt: skip
    return format_html_join(", ", '<a href="{}">{}</a> ({})', rows)


class DeskKept:
    def render_change_form(self, request, context, *args, **kwargs):
        original = context.get("original")
        if original is not None and original.pk:
            block, review = block_of(original), review_of(original)
            context["kept_block"], context["kept_review"] = block, review
            if block and block.request:  # its sign, «№», in the sentence (the catalogues')
                url = reverse("admin:rights_ticket_change", args=[block.request.pk])
                context["kept_block_request"] = format_html(
                    '<a href="{}">{}</a>', url, block.request.reference
                )
            if review and review.requests:
                context["kept_review_requests"] = requests_linked(review.requests)
        return super().render_change_form(request, context, *args, **kwargs)
