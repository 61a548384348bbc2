"""A public form that takes an email address does the same work for the address of a person
whose processing is blocked as for anyone's: the form left the acknowledgement and the
newsletter's confirmation link out of the outbox for a blocked person only, so it answered
their address 4 to 19 ms sooner (the mail's rendering and its row not made), which told an
attacker who is blocked. The mails are queued for every address alike, and the sender holds
back, unsent, those to a person blocked now (core.withheld.not_while_blocked)."""

from collections import Counter
from html import unescape

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext
from post_office.models import Email

from consent.common.link_secrets import redact
from consent.core.delivery import send_queued
from consent.core.ledger import consent_grant, subject_block
from consent.core.models import Source
from consent.core.purposes import SERVICE
from consent.core.texts import current_text
from tests.conftest import aged_token
from tests.forms.test_same_work_for_any_address import CONTACT, FORMS, STORING, statements
from tests.texts import SHOWN


@pytest.fixture
def texts(texts_of_the_module, db):  # published once for the module (tests/forms/conftest.py)
    return texts_of_the_module


pytestmark = pytest.mark.django_db


@pytest.fixture
def people(make_subject, texts):
    """A customer and a blocked person, each with the service consent."""
    made = {}
    for name, email in (("free", "asel@example.kz"), ("blocked", "bolat@example.kz")):
        person = make_subject(full_name="Болат Ахметов", email=email)
        consent_grant(person, current_text(SERVICE), language="kk", source=Source.CONTACT_FORM)
        made[name] = person
    subject_block(made["blocked"], reason="accuracy disputed", source=Source.ADMIN)
    return made


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("form", FORMS)
def test_a_blocked_persons_address_costs_what_anyones_does(form, lang, client, people):
    path, extra = FORMS[form]
    path = path.format(lang=lang)
    statements(client, path, "warm@example.kz", extra)  # the caches of the first request
    free = statements(client, path, "asel@example.kz", extra)
    blocked = statements(client, path, "bolat@example.kz", extra)
    assert blocked == free


# The one thing the block changes: the form's consent is not written to a blocked person's
# ledger (a grant, its audit row, its link to the submission; its count for the statistics is
# the ledger's trigger's, core.sql.COUNT_CONSENTS) but held on the submission (one update), as
# any consent held (held.py: withdrawn before, a minor's without a guardian).
GRANTED = [
    'INSERT INTO "consent_auditevent"',
    'INSERT INTO "consent_ledgerentry"',
    'INSERT INTO "consent_submission_grants"',
    "RELEASE SAVEPOINT ?",
    "SAVEPOINT ?",
    'SELECT "consent_ledgerentry"."id"',
]
HELD = ['UPDATE "consent_submission" SET "consent_held" = ?']


def kinds(done):
    return sorted(s.split(" (")[0].split(", ")[0] for s in done.elements())


@pytest.mark.parametrize("form", STORING)
@pytest.mark.parametrize("marketing", [False, True])
def test_a_form_that_stores_differs_only_by_what_the_block_holds(form, marketing, client, people):
    path, extra = STORING[form]
    path = path.format(lang="kk")
    extra = {**extra, **({"consent_marketing": "on"} if marketing else {})}
    statements(client, path, "warm@example.kz", extra)
    free = statements(client, path, "asel@example.kz", extra)
    blocked = statements(client, path, "bolat@example.kz", extra)
    assert kinds(Counter(free) - Counter(blocked)) == GRANTED
    assert kinds(Counter(blocked) - Counter(free)) == HELD


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_blocked_persons_mails_are_queued_and_never_sent(lang, client, people):
    for path, data in (
        (f"/{lang}/contact/", {**CONTACT, "consent_marketing": "on"}),
        (f"/{lang}/newsletter/", {"full_name": "", "consent_marketing": "on"}),
    ):
        for email in ("asel@example.kz", "bolat@example.kz"):
            sent = {"token": aged_token(), **SHOWN, **data, "email": email}
            assert client.post(path, sent).status_code == 302
    Email.objects.update(scheduled_time=None)
    send_queued()
    received = Counter(address for m in mail.outbox for address in m.to)
    # The acknowledgement and two confirmation links to her; nothing to him, and none of his
    # waits to be sent once the block is lifted.
    assert received["asel@example.kz"] == 3
    assert received["bolat@example.kz"] == 0
    held = Email.objects.filter(to=["bolat@example.kz"])
    assert held.count() == 3
    assert not held.filter(expires_at=None).exists()
    # Nor is any link in them left for whoever reads the outbox to press once the block is
    # lifted: the confirmation links keep no secret, as a mail sent keeps none.
    # The acknowledgement, then the contact form's and the newsletter form's links.
    links = [m.message.count("/newsletter/confirm/[token]/") for m in held.order_by("id")]
    assert links == [0, 1, 1]
    assert all(redact(m.message) == m.message and redact(m.html_message) == m.html_message
               for m in held)  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_make_run_sends_after_each_page_and_holds_what_the_timer_holds(lang, client, people,
                                                                       settings):  # fmt: skip
    """`make run` (DEBUG) sent each mail as it was queued (post_office's priority "now"), past
    the sender's holds: a blocked person's acknowledgement was printed. Each page now sends
    what is due once it is answered, by the timer's sender: hers goes, his waits, unsent."""
    settings.MAIL_SENT_AFTER_EACH_PAGE = True
    for email in ("asel@example.kz", "bolat@example.kz"):
        sent = {"token": aged_token(), **SHOWN, **CONTACT, "email": email}
        assert client.post(f"/{lang}/contact/", sent).status_code == 302
    received = Counter(address for m in mail.outbox for address in m.to)
    assert (received["asel@example.kz"], received["bolat@example.kz"]) == (1, 0)
    assert Email.objects.filter(to=["bolat@example.kz"]).exclude(expires_at=None).count() == 1


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_page_after_the_form_claims_no_mail_a_block_holds_back(lang, client, people):
    """The thank-you page told a blocked person «we have sent a confirmation» (the contact and
    application forms) or «we have sent you an email» (the newsletter), and nothing was sent.
    The page is the same for every address (it must not tell who is blocked): it says what is
    sent, and that nothing is while the owner's processing is blocked."""
    with translation.override(lang):
        held = gettext("While processing of the data of the address's owner is blocked, we "
                       "write nothing to it.")  # fmt: skip
    for path, data in (
        (f"/{lang}/contact/", CONTACT),
        (f"/{lang}/apply/", STORING["apply"][1]),
        (f"/{lang}/newsletter/", {"full_name": "", "consent_marketing": "on"}),
    ):
        sent = {"token": aged_token(), **SHOWN, **data, "email": "bolat@example.kz"}
        page = unescape(client.post(path, sent, follow=True).content.decode())
        assert held in page
        assert "жібердік" not in page and "отправили" not in page
    Email.objects.update(scheduled_time=None)
    send_queued()
    assert not [m for m in mail.outbox if "bolat@example.kz" in m.to]
