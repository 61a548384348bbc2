"""A panel posted and refused shows the request's page again with that panel, made once: it
was made three times (for the check that the page was not out of date, the posted one, and an
empty one the page's view made and threw away), each asking the database whether the person
is blocked."""

import pytest

from consent.rights.tickets import ticket_open, ticket_verify
from tests.rights.test_panel_repeats import page_form
from tests.staff import verified_login

# What a refusal without reasons asks, 32 (34 with the panel made three times):
#  5  the session, the staff member, their second factor, their permissions (user, groups);
#  7  the view's savepoint, the request with its person, the request and person held (its
#     person's id, the person, the request), its status and type read again, the panel's one
#     block check (gate.is_blocked);
#  10 the refusal tried (its savepoint, the hold again, the request, the person, the ledger,
#     rolled back, released) and the status read again;
#  5  the request's page: the request with the list's annotations, its opening, its officer
#     and who may take it over, the page's view audited;
#  5  the savepoint released, then 4 the page's template reads: the person, the emails set
#     aside with the request and two lists of requests.
# An access request's page asks 1 more: what a download would be refused for (the person, two
# audit rows) beside the person read once the page's own. A correction's asks 1 more too: the
# consents given since the request, which its «destroy instead» warns of (desk_notes.given_since).
ASKED = {"correct": 33, "access": 33}


@pytest.mark.parametrize("kind", ["correct", "access"])
def test_a_refused_panel_shows_the_page_again_asking_once_for_each_thing(
    client, person, privacy_officer, django_assert_num_queries, kind
):
    ticket = ticket_verify(ticket_open(kind=kind, email=person.email, language="kk",
                                       channel="email"))  # fmt: skip
    desk = verified_login(client, privacy_officer)
    act = f"/admin/rights/ticket/{ticket.pk}/act/"
    posted = {"desk_action": "refuse", "reason": "", **page_form(desk, ticket, "desk-panel")}
    desk.post(act, posted)  # the caches filled (content types, the calendar)
    with django_assert_num_queries(ASKED[kind]):
        response = desk.post(act, posted)
    assert response.status_code == 200 and 'class="errorlist' in response.content.decode()
