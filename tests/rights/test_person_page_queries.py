"""A person's page asks the database a fixed number of times, however many purposes the site
has and however many people held the person's address before: the nightly retention's reading
of why they are kept asked once for each purpose, and the mail sent to them twice for each
person who ever took their address (and twice again for them)."""

import pytest

from consent.core.ledger import consent_grant
from consent.core.models import Source
from consent.core.purposes import MARKETING
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open

# What the page asks, 28 (24 before the requests made for a child, 28 before that, 33 before
# that, 39 with three people before them at the address):
#  5  the session, the staff member, their second factor, their permissions (user, groups);
#  5  the person, and the latest rows of their consents, forms, requests and corrections;
#  1  the block standing on them (rights/kept.py::block_of);
#  5  why the nightly retention would leave them for staff (retention.py::retention_plan, for
#     them alone): whom any purpose may process (one query, one a purpose before), their
#     consents' latest rows, the open requests, the people left, forms answered (the texts
#     asking consent again, withdrawals unconfirmed, minors and withdrawals refused, four
#     more, only for a person no purpose may process: none is left here);
#  1  the page's view audited;
#  1  the parents and guardians;
#  1  the block again, for the download links (disclosure.download_refusal);
#  3  the mail sent to them (mailed.mail_to): the addresses they took (corrections, requests)
#     and who else took each; with others, 2 more for what those took, however many (two for
#     each before, and the person's own read twice);
#  2  the mails and the relay's receipts (a prefetch);
#  4  the requests they made for a child (admin/as_parent.py, mailed.requests_held): the
#     addresses they held read again, as for the mail, and the requests; with others, 2 more.
ASKED = {0: 28, 3: 32}


def others_before(person, count):
    """`count` people who wrote from the person's address before (a family's one mailbox)."""
    for n in range(count):
        other = type(person).objects.create(full_name=f"Айгерім {n}", email=f"a{n}@example.kz",
                                             language="kk")  # fmt: skip
        Ticket.objects.create(type="access", email=person.email, subject=other, channel="email",
                              language="kk", status=Ticket.Status.CLOSED,
                              received_at=other.created_at,
                              due_date=other.created_at.date())  # fmt: skip


@pytest.mark.parametrize("others", [0, 3])
def test_a_persons_page_asks_a_fixed_number_of_times(
    person, texts, privacy_officer_client, django_assert_num_queries, others
):
    consent_grant(person, texts[MARKETING], language="kk", source=Source.ADMIN)
    ticket_open(kind="access", email=person.email, language="kk", channel="web")
    others_before(person, others)
    url = f"/admin/consent/subject/{person.pk}/change/"
    assert privacy_officer_client.get(url).status_code == 200  # caches filled
    with django_assert_num_queries(ASKED[others]):
        assert privacy_officer_client.get(url).status_code == 200
