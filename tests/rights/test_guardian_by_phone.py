"""A parent who gave only a phone number on a child's application uses the child's rights once
confirmed at our office (compliance L6; Art. 7(1), 8(1): a minor's consent is given and
withdrawn by their legal representative). Every right is used through a link mailed to an
address and answered by mail, so a phone number acts for nothing (`desk_open.parents_acting`,
`guardians.wards_at`). The officer's page confirmed such a parent on the document alone and
said «they can now act for the child»: they could not. Neither the desk (which lists only a
parent with an address under «who is asking») nor «My data» would take them, though the form
had promised them the child's page after showing a document. The confirmation now asks for the
address of their own that they give at the office, kept beside the phone."""

import pytest
from django.test import Client

from consent.core.models import AuditEvent, Guardian
from consent.rights.desk_open import parents_acting

from .test_guardian_confirmed import applied, childs_page
from .test_guardian_rights import CHILD
from .test_guardian_withdrawal import PARENT, open_children_page

PHONE = "+77017654321"
AT_THE_OFFICE = {"kk": "кеңсемізде расталады", "ru": "подтверждают в\u00a0нашем офисе"}
ASKED = {"kk": "электрондық пошта мекенжайын", "ru": "адрес электронной почты"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_parent_with_only_a_phone_is_confirmed_with_an_address_of_their_own(
    desk, texts, application_data, lang
):
    row = applied(application_data, "kk", CHILD, PHONE)
    assert row.pending
    desk.cookies["django_language"] = lang
    person = f"/admin/consent/subject/{row.subject_id}/change/"
    confirm_page = f"/admin/consent/subject/{row.subject_id}/parent/{row.pk}/"
    assert ASKED[lang] in desk.get(confirm_page).content.decode()
    # The document alone confirms no one who could then do nothing: the address is asked for.
    refused = desk.post(confirm_page, {"seen": "on"})
    assert refused.status_code == 200 and ASKED[lang] in refused.content.decode()
    assert Guardian.objects.get(pk=row.pk).pending and not parents_acting(row.subject)
    assert desk.post(confirm_page, {"seen": "on", "email": f" {PARENT} "}).url == person
    assert not Guardian.objects.get(pk=row.pk).pending
    # The desk lists the parent under «who is asking», the link going to their address ...
    assert [g.contact for g in parents_acting(row.subject)] == [PARENT]
    added = Guardian.objects.get(subject=row.subject, contact=PARENT)
    assert added.full_name == row.full_name and PHONE in row.subject.guardians.values_list(
        "contact", flat=True
    )
    event = AuditEvent.objects.filter(action="subject_edit", object_id=str(added.pk)).get()
    assert event.detail["reason"] == "guardian_by_document" and event.actor_id is not None
    # ... and «My data» at that address opens the parent's page for the child.
    open_children_page(Client(), lang)


def test_a_parent_with_an_address_is_confirmed_as_before(desk, texts, application_data):
    """The address asked for only of a parent who gave a phone: one who gave an address is
    confirmed with the box alone, and no second row is made."""
    row = applied(application_data, "kk", CHILD, PARENT)
    confirm_page = f"/admin/consent/subject/{row.subject_id}/parent/{row.pk}/"
    assert ASKED["kk"] not in desk.get(confirm_page).content.decode()
    desk.post(confirm_page, {"seen": "on"})
    assert [g.pk for g in parents_acting(row.subject)] == [row.pk]


def test_an_address_that_mail_cannot_reach_is_refused(desk, texts, application_data):
    row = applied(application_data, "kk", CHILD, PHONE)
    confirm_page = f"/admin/consent/subject/{row.subject_id}/parent/{row.pk}/"
    for wrong in ("мама", "aliya@localhost", f"{PARENT}, {CHILD}"):
        assert desk.post(confirm_page, {"seen": "on", "email": wrong}).status_code == 200
    assert Guardian.objects.get(pk=row.pk).pending and not parents_acting(row.subject)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_child_cannot_confirm_a_parent_who_gave_only_a_phone(
    desk, texts, application_data, lang
):
    """Confirmed by the child, such a parent acted for nothing and waited no more, so the desk
    could not add their address: the child's page says they are confirmed at our office."""
    row = applied(application_data, lang, CHILD, PHONE)
    client, page = childs_page(lang)
    assert AT_THE_OFFICE[lang] in page and f'name="parent" value="{row.pk}"' not in page
    assert f'name="not_parent" value="{row.pk}"' in page  # «not my parent» stays
    client.post(f"/{lang}/my-data/parent/", {"parent": row.pk})  # a crafted press
    assert Guardian.objects.get(pk=row.pk).pending
    confirm_page = f"/admin/consent/subject/{row.subject_id}/parent/{row.pk}/"
    assert desk.post(confirm_page, {"seen": "on", "email": PARENT}).status_code == 302
    assert [g.contact for g in parents_acting(row.subject)] == [PARENT]
