"""Compliance L13: the letter confirming a destruction tells the person, in their language, what
is kept and why (the record that the request was carried out, with no personal data, to show the
authorised body) and how long the backups made before it hold the data (BACKUP_KEEP_DAYS, the
variable scripts/backup reads). It said only that the data was destroyed, as if nothing were
left anywhere, while the backups hold it for up to 56 days. The same for each letter a
destruction sends: the person's own request, a correction answered by destroying instead, a
withdrawal of every consent, and a parent's erasure; a letter that destroys nothing says none
of it."""

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext, ngettext
from post_office.models import Email

from consent.core.models import Guardian
from consent.rights.answers import ticket_block, ticket_destroy, ticket_destroy_instead
from consent.rights.guardianship import ticket_destroy_guardian
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify
from consent.rights.withdrawals import ticket_withdraw

KEPT = (
    "What we keep: a record that the request was carried out (its number, type and dates, and "
    "when and by which staff member the data was destroyed), with no name, address or other "
    "personal data in it, so that we can show the authorised body for personal data protection "
    "that the request was answered."
)
BACKUPS = (
    "Copies of our database made before the destruction (backups, kept encrypted) still hold "
    "the data: each is deleted %(counter)s day after it was made, and should one be restored, "
    "the data is destroyed in it again before it is used.",
    "Copies of our database made before the destruction (backups, kept encrypted) still hold "
    "the data: each is deleted %(counter)s days after it was made, and should one be restored, "
    "the data is destroyed in it again before it is used.",
)


def said(lang, days):
    with translation.override(lang):
        return gettext(KEPT), ngettext(*BACKUPS, days) % {"counter": days}


def opened(kind, email, lang):
    ticket = ticket_open(kind=kind, email=email, language=lang, channel="email")
    ticket_verify(ticket)
    return Ticket.objects.get(pk=ticket.pk)


def destroy(email, lang, officer):
    ticket_destroy(opened("destroy", email, lang), actor=officer)


def destroy_instead(email, lang, officer):
    ticket_destroy_instead(opened("correct", email, lang), reason="Құжат жоқ / Нет документа",
                           actor=officer)  # fmt: skip


def withdraw_all(email, lang, officer):
    ticket_withdraw(opened("withdraw", email, lang), actor=officer)


def parent_erased(email, lang, officer, *, make_subject):
    child = make_subject(phone=None, birth_date="2014-05-17")
    Guardian.objects.create(subject=child, full_name="Ата", contact="ata@example.kz")
    ticket_destroy_guardian(opened("destroy", "ata@example.kz", lang), actor=officer)
    return "ata@example.kz"


@pytest.mark.parametrize("days", [56, 21])
@pytest.mark.parametrize("how", [destroy, destroy_instead, withdraw_all, parent_erased])
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_destruction_letter_says_what_is_kept_and_why_in_the_persons_language(
    person, officer, settings, lang, how, days, make_subject, django_capture_on_commit_callbacks
):
    settings.BACKUP_KEEP_DAYS = days
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        if how is parent_erased:
            to = how(person.email, lang, officer, make_subject=make_subject)
        else:
            how(person.email, lang, officer)
            to = person.email
    (letter,) = [m for m in mail.outbox if m.to == [to]]
    kept, backups = said(lang, days)
    body = " ".join(letter.body.split())
    assert " ".join(kept.split()) in body and " ".join(backups.split()) in body
    assert str(days) in backups and kept != KEPT  # translated, the figure filled in
    other = said("ru" if lang == "kk" else "kk", days)
    assert not any(" ".join(text.split()) in body for text in other)


def test_a_letter_that_destroys_nothing_says_nothing_of_it(
    person, officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ticket = ticket_block(opened("block", person.email, "kk"), reason="Дау", actor=officer)
    kept, backups = said("kk", 56)
    letters = [m.message for m in Email.objects.filter(to=person.email)]
    with translation.override("kk"):
        done = gettext("Your request %(ref)s (%(type)s) has been carried out.") % {
            "ref": ticket.reference,
            "type": ticket.get_type_display(),
        }
    assert any(done in letter for letter in letters)  # the answer to the block
    assert not any(kept[:40] in letter or backups[:40] in letter for letter in letters)
