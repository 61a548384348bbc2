"""A parent's address and a look-alike of it are two parents, however the child answers about
either (core.guardians; compliance L6, L9). «gulnar@maıl.kz», with the dotless «ı» of Kazakh's
Latin alphabet, is another domain, anyone's to register; PostgreSQL's UPPER() makes it
«GULNAR@MAIL.KZ», so the `iexact` that took «every row of the child naming that contact»
took the look-alike's too. A stranger who sent the application form again for a child,
naming their look-alike as the parent's, became an acting parent when the child confirmed
their real mother, and «My data» mailed the stranger a link to the child's consents; a child
who declined the stranger declined the real mother with them, and the consents she gave ended."""

import pytest

from consent.core.models import Guardian
from consent.rights.selfservice import link_send

from .test_guardian_confirmed import applied, childs_page, link_path
from .test_guardian_rights import CHILD

MOTHER = "gulnar@mail.kz"
LOOKALIKE = "gulnar@maıl.kz"  # a dotless ı: another mailbox


def two_parents(application_data, first):
    """The child's record with the mother and the look-alike named, `first` by the form that
    made it; the child's own page, open."""
    second = LOOKALIKE if first == MOTHER else MOTHER
    applied(application_data, "kk", CHILD, first)
    applied(application_data, "kk", CHILD, second)
    client, page = childs_page("kk")
    mother, lookalike = (Guardian.objects.get(contact=a) for a in (MOTHER, LOOKALIKE))
    for row in (mother, lookalike):  # two parents waiting, each with a button of their own
        assert f'name="parent" value="{row.pk}"' in page
    return client, mother, lookalike


@pytest.mark.parametrize("first", [MOTHER, LOOKALIKE])
def test_confirming_the_mother_leaves_a_lookalike_waiting(texts, application_data, first):
    client, mother, lookalike = two_parents(application_data, first)
    client.post("/kk/my-data/parent/", {"parent": mother.pk})
    mother.refresh_from_db()
    lookalike.refresh_from_db()
    assert not mother.pending
    assert not (lookalike.acts and not lookalike.pending)  # not acting
    link_send(LOOKALIKE, "kk")
    assert link_path(LOOKALIKE) is None  # no link to the child's page for the stranger
    assert f'name="parent" value="{lookalike.pk}"' in client.get("/kk/my-data/").content.decode()


@pytest.mark.parametrize("first", [MOTHER, LOOKALIKE])
def test_declining_a_lookalike_leaves_the_mother(texts, application_data, first):
    client, mother, lookalike = two_parents(application_data, first)
    client.post("/kk/my-data/parent/", {"not_parent": lookalike.pk})
    lookalike.refresh_from_db()
    mother.refresh_from_db()
    assert lookalike.declined and not mother.declined
    client.post("/kk/my-data/parent/", {"parent": mother.pk})
    mother.refresh_from_db()
    assert not mother.pending
    link_send(MOTHER, "kk")
    assert link_path(MOTHER) is not None


def test_a_later_form_naming_the_mother_is_not_declined_with_a_lookalike(texts, application_data):
    applied(application_data, "kk", CHILD, LOOKALIKE)
    client, _page = childs_page("kk")
    lookalike = Guardian.objects.get(contact=LOOKALIKE)
    client.post("/kk/my-data/parent/", {"not_parent": lookalike.pk})
    mother = applied(application_data, "kk", CHILD, MOTHER)
    assert not mother.declined
