"""Data handed abroad, to a third party or to the public goes through one operation each, which
asks the gate and writes its audit row; a cross-border text names the processors abroad
(compliance L2, L16, L18)."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

from consent.core.ledger import consent_grant, consent_withdraw, subject_block
from consent.core.models import AuditEvent, ConsentText, LedgerEntry, Source
from consent.core.purposes import CROSS_BORDER, MARKETING, PURPOSES, SERVICE, Purpose
from consent.core.texts import text_publish
from consent.core.transfers import (
    TransferRefused,
    subject_publish,
    transfer_cross_border,
    transfer_third_party,
)
from tests.conftest import aged_token
from tests.staff import verified_login
from tests.texts import PROCESSOR

OTHER = "Cloudflare (USA)"
Action = AuditEvent.Action

# What the admin says, in each language, when a cross-border text names nobody abroad.
NAMES_NOBODY = {
    "kk": ["Бұл келісім мәтінін жариялау мүмкін емес", "шетелдегі өңдеушілер",
           "CROSS_BORDER_PROCESSORS"],
    "ru": ["Этот текст согласия нельзя опубликовать", "иностранные обработчики",
           "CROSS_BORDER_PROCESSORS"],
}  # fmt: skip


def rows(action):
    return list(AuditEvent.objects.filter(action=action))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_cross_border_text_that_names_nobody_abroad_is_not_published(
    policy, officer, settings, lang
):
    settings.CROSS_BORDER_PROCESSORS = []
    draft = ConsentText.objects.create(purpose=CROSS_BORDER, version=1, policy=policy)
    staff = verified_login(Client(headers={"accept-language": lang}), officer)
    page = staff.post(
        "/admin/consent/consenttext/",
        {"action": "publish", "_selected_action": [draft.pk]},
        follow=True,
    ).content.decode()
    for words in NAMES_NOBODY[lang]:
        assert words in page
    draft.refresh_from_db()
    assert not draft.is_published and draft.body_ru == ""
    with pytest.raises(ValidationError):
        text_publish(draft)
    assert rows(Action.TEXT_PUBLISH) == []


def test_the_cross_border_text_names_every_processor_configured(policy, settings):
    settings.CROSS_BORDER_PROCESSORS = [PROCESSOR, OTHER]
    text = text_publish(ConsentText.objects.create(purpose=CROSS_BORDER, version=1, policy=policy))
    for body in (text.body_kk, text.body_ru):
        assert PROCESSOR in body and OTHER in body
    assert text.processors == [PROCESSOR, OTHER]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_forms_ask_only_for_consent_to_a_text_naming_the_processors(
    client, texts, settings, policy, contact_data, lang
):
    """A text published before a processor was added does not name it: the box is not shown,
    and a tick posted anyway records nothing, until a version naming it is published."""
    settings.FORM_RATE_LIMIT = "1000/60"
    settings.CROSS_BORDER_PROCESSORS = [PROCESSOR, OTHER]
    assert 'name="consent_cross_border"' not in client.get(f"/{lang}/contact/").content.decode()
    data = contact_data(consent_cross_border="on")
    assert client.post(f"/{lang}/contact/", data).status_code == 302
    assert not LedgerEntry.objects.filter(purpose=CROSS_BORDER).exists()

    text_publish(ConsentText.objects.create(purpose=CROSS_BORDER, version=2, policy=policy))
    page = client.get(f"/{lang}/contact/").content.decode()
    assert 'name="consent_cross_border"' in page and OTHER in page
    assert client.post(f"/{lang}/contact/", {**data, "token": aged_token()}).status_code == 302
    assert LedgerEntry.objects.get(purpose=CROSS_BORDER).text.version == 2


@pytest.fixture
def abroad(settings):
    settings.CROSS_BORDER_PROCESSORS = [PROCESSOR]


@pytest.fixture(autouse=True)
def _russian():
    """The refusals are read in Russian here (they go to staff in the active language)."""
    with translation.override("ru"):
        yield


def grant(subject, text):
    return consent_grant(subject, text, language="kk", source=Source.CONTACT_FORM)


def test_nothing_goes_abroad_without_the_persons_cross_border_consent(
    texts, make_subject, officer, abroad
):
    person = make_subject()
    grant(person, texts[SERVICE])
    with pytest.raises(TransferRefused, match="трансграничную передачу"):
        transfer_cross_border(person, PROCESSOR, purpose=SERVICE, actor=officer)
    assert rows(Action.TRANSFER_CROSS_BORDER) == []

    grant(person, texts[CROSS_BORDER])
    event = transfer_cross_border(person, PROCESSOR, purpose=SERVICE, actor=officer)
    assert rows(Action.TRANSFER_CROSS_BORDER) == [event]
    assert (event.subject_ref, event.actor_label) == (person.pk, "alice")
    assert event.detail == {"processor": PROCESSOR, "purpose": SERVICE,
                            "fields": ["email", "full_name"]}  # fmt: skip

    consent_withdraw(person, CROSS_BORDER, source=Source.SELF_SERVICE)
    with pytest.raises(TransferRefused):
        transfer_cross_border(person, PROCESSOR, purpose=SERVICE, actor=officer)
    assert len(rows(Action.TRANSFER_CROSS_BORDER)) == 1


def test_a_transfer_abroad_needs_the_purpose_and_a_text_naming_the_processor(
    texts, make_subject, officer, settings, policy
):
    settings.CROSS_BORDER_PROCESSORS = [PROCESSOR, OTHER]
    person = make_subject()
    grant(person, texts[CROSS_BORDER])  # its text names PROCESSOR only
    with pytest.raises(TransferRefused):  # no service consent: no purpose to process for
        transfer_cross_border(person, PROCESSOR, purpose=SERVICE, actor=officer)
    grant(person, texts[SERVICE])
    transfer_cross_border(person, PROCESSOR, purpose=SERVICE, actor=officer)
    with pytest.raises(TransferRefused, match=OTHER.split()[0]):
        transfer_cross_border(person, OTHER, purpose=SERVICE, actor=officer)
    with pytest.raises(TransferRefused):  # nobody the operator declared
        transfer_cross_border(person, "Somewhere Ltd (XX)", purpose=SERVICE, actor=officer)
    with pytest.raises(TransferRefused):  # the cross-border consent lists name and email only
        transfer_cross_border(person, PROCESSOR, purpose=SERVICE, actor=officer,
                              fields=["phone"])  # fmt: skip
    v2 = text_publish(ConsentText.objects.create(purpose=CROSS_BORDER, version=2, policy=policy))
    grant(person, v2)
    transfer_cross_border(person, OTHER, purpose=SERVICE, actor=officer, fields=["email"])
    assert [e.detail["processor"] for e in rows(Action.TRANSFER_CROSS_BORDER)] == [OTHER, PROCESSOR]


def test_nothing_leaves_for_a_blocked_person(texts, make_subject, officer, abroad):
    person = make_subject()
    grant(person, texts[SERVICE])
    grant(person, texts[CROSS_BORDER])
    subject_block(person, reason="complaint", source=Source.ADMIN)
    with pytest.raises(TransferRefused, match="заблокирована"):
        transfer_cross_border(person, PROCESSOR, purpose=SERVICE, actor=officer)
    hosting = PURPOSES[SERVICE].third_parties[0]
    with pytest.raises(TransferRefused, match="заблокирована"):
        transfer_third_party(person, hosting, purpose=SERVICE, actor=officer)
    assert AuditEvent.objects.filter(action__startswith="transfer").count() == 0


def test_a_third_party_receives_only_what_the_consent_names(texts, make_subject, officer):
    person = make_subject()
    hosting = PURPOSES[SERVICE].third_parties[0]
    with pytest.raises(TransferRefused):  # no consent yet
        transfer_third_party(person, hosting, purpose=SERVICE, actor=officer)
    grant(person, texts[SERVICE])
    grant(person, texts[MARKETING])
    # the recipient as a Russian screen shows it
    event = transfer_third_party(person, str(hosting), purpose=SERVICE, actor=officer,
                                 fields=["email", "message"])  # fmt: skip
    assert event.action == Action.TRANSFER_THIRD_PARTY and event.subject_ref == person.pk
    assert event.detail == {"recipient": "the hosting provider of the site, in Kazakhstan",
                            "purpose": SERVICE, "fields": ["email", "message"]}  # fmt: skip
    for recipient, purpose in [("Somebody LLP", SERVICE), (hosting, MARKETING)]:
        with pytest.raises(TransferRefused):
            transfer_third_party(person, recipient, purpose=purpose, actor=officer)
    assert len(rows(Action.TRANSFER_THIRD_PARTY)) == 1


def test_publication_needs_a_purpose_that_declares_it(
    texts, make_subject, officer, policy, monkeypatch
):
    person = make_subject()
    grant(person, texts[SERVICE])
    with pytest.raises(TransferRefused, match="публикацию"):  # no purpose publishes today
        subject_publish(person, purpose=SERVICE, fields=["full_name"], where="/kk/about/",
                        actor=officer)  # fmt: skip
    assert rows(Action.PUBLICATION) == []

    service = PURPOSES[SERVICE]  # its wording, which the catalogues translate
    board = Purpose(code="board", name=service.name, description=service.description,
                    fields=("full_name", "photo"), term_years=1, term_text=service.term_text,
                    published=True)  # fmt: skip
    monkeypatch.setitem(PURPOSES, "board", board)
    with pytest.raises(TransferRefused):  # declared, but no consent from this person
        subject_publish(person, purpose="board", fields=["full_name"], where="/kk/about/",
                        actor=officer)  # fmt: skip
    text = text_publish(ConsentText.objects.create(purpose="board", version=1, policy=policy))
    assert "Publication in publicly available sources: yes." not in text.body_ru
    grant(person, text)
    with pytest.raises(TransferRefused):  # not a datum the purpose lists
        subject_publish(person, purpose="board", fields=["phone"], where="/kk/about/",
                        actor=officer)  # fmt: skip
    event = subject_publish(person, purpose="board", fields=["full_name"], where="/kk/about/",
                            actor=officer)  # fmt: skip
    assert rows(Action.PUBLICATION) == [event]
    assert event.detail == {"purpose": "board", "fields": ["full_name"], "where": "/kk/about/"}
