"""Mail written to a person's address before the desk corrected it (answers.ticket_correct):
the old mailbox is no longer theirs (it may be someone else's now, the very reason for the
correction), so nothing about them goes there once the correction is applied, whatever was
waiting then (the mail server down, a long queue), failed and was queued again, or was sent
before and is queued again by staff from the outbox. Asked by the sender at the moment of
sending (core.withheld.readdressed), the one place every mail passes.

Each kind decided once (compliance L13):
- a letter for the person (a form's acknowledgement, an answer to a request, a reply, a
  notice): it goes to their address now, as written;
- a letter whose link works only at the address it was written to (the link to their page,
  a request's confirmation, the newsletter's or a form consent's confirmation: each carries
  that address's tag or the address itself, core.subjects.address_tag_matches): held unsent,
  its secret dropped. Sent on, it would bring the person a dead link, or one confirming a
  consent for the old address; they ask again from the new one;
- a letter carrying files (an access answer): held, as the correction already withdrew it
  (erasure.outbox_copies_delete): it holds the data as it was;
- a campaign's mail: its own rule (marketing.campaigns.mails_permitted) re-addresses it;
- a letter to a parent or guardian for a child: its own rule (core.withheld.no_longer_named).
The notice to the old address that the address changed (closing.tell_old_address) is written
after the correction, so it is not among them."""

import operator
from functools import reduce

from django.db.models import Q
from post_office.models import Email

from consent.common.link_secrets import LINK_SECRET
from consent.core.addresses import address_folded
from consent.core.models import GuardianMail
from consent.core.withheld import is_campaign

from .models import Correction


def _bound_to_its_address(mail: Email) -> bool:
    """Whether the mail holds what works only at the address it was written to: a link of
    link_secrets' routes (the campaign's unsubscribe is not among the mails asked), or files."""
    text = f"{mail.message or ''}\n{mail.html_message or ''}"
    return bool(LINK_SECRET.search(text)) or bool(mail.attachments.all())


def corrected_since(sender, *, emails, **kwargs) -> dict[int, str | None]:
    """{mail id: the person's address now, or None to hold it} for the mails among `emails`
    written to an address that a correction took from its person after the mail was written:
    the first such correction names whose mail it was (mailed.py's rule), and their address now
    is where it goes (however many corrections came after); None when the mail is bound to the
    old address, or the person has no address now."""
    asked = [m for m in emails if not is_campaign(m)]
    for_child = set(
        GuardianMail.objects.filter(email_id__in=[m.id for m in asked])
        .values_list("email_id", flat=True)
    )  # fmt: skip
    asked = [m for m in asked if m.id not in for_child]
    addresses = {address for m in asked for address in m.to}
    if not addresses:
        return {}
    moves = list(
        Correction.objects.filter(field="email")
        .filter(reduce(operator.or_, (Q(old_value__address=a) for a in addresses)))
        .select_related("subject")
        .order_by("at", "pk")
    )  # fmt: skip
    moved = {}
    for mail in asked:
        written_to = {address_folded(address) for address in mail.to}
        first = next((c for c in moves if c.at > mail.created
                      and address_folded(c.old_value) in written_to), None)  # fmt: skip
        if first is not None:
            now_at = first.subject.email
            moved[mail.id] = None if not now_at or _bound_to_its_address(mail) else now_at
    return moved
