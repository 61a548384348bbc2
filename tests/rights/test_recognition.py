"""The intake recognises requests as people write them (compliance L7, issue 17 item 3).

`intake_mail/` holds realistic messages to the requests address (Kazakh, Russian, mixed;
forwarded, replied; RFC 2047 subjects, base64 and quoted-printable bodies, legacy charsets,
HTML-only bodies; typos; the request in the body under an empty or unrelated subject), and
`expected.tsv` the type and language each should open. Every message that names one of the
policy's routes must open that type in that language, and no other message may: an unsubscribe
from an address on record takes effect at once, so a false one costs the person their news.
"""

import csv
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation

from consent.rights.intake import classify, ingest
from consent.rights.models import IntakePhrase, Ticket
from tests.staff import verified_login

from .conftest import message

SET = Path(__file__).parent / "intake_mail"


def expected():
    with (SET / "expected.tsv").open(encoding="utf-8") as rows:
        return [row for row in csv.reader(rows, delimiter="\t") if not row[0].startswith("#")]


def test_the_set_is_large_and_varied():
    rows = expected()
    names = {name for name, *_ in rows}
    assert len(rows) >= 40 and {p.stem for p in SET.glob("*.eml")} == names
    kinds = {kind for _, kind, _, _ in rows}
    assert {"correct", "unsubscribe", "withdraw", "other"} <= kinds
    for marker in ["kk-", "ru-", "mixed-", "forward", "reply", "html", "b64", "qp", "typo"]:
        assert any(marker in name for name in names), marker


def test_every_message_that_names_a_route_is_recognised(db, record_property, capsys):
    """Through the real intake: each message as bytes into ingest()."""
    misses, named, recognised = [], 0, 0
    for name, kind, language, what in expected():
        ticket = ingest((SET / f"{name}.eml").read_bytes())
        assert isinstance(ticket, Ticket), f"{name}: not taken in ({ticket!r})"
        got = (ticket.type, ticket.language)
        if kind != "other":
            named += 1
            recognised += got == (kind, language)
        if got != (kind, language):
            misses.append(f"{name}: {got}, expected {(kind, language)} — {what}")
    share = f"{recognised}/{named} ({100 * recognised / named:.0f}%)"
    record_property("intake_recognised", share)
    with capsys.disabled():
        print(f"\nintake recognition: {share} of the messages that name a route")
        print("".join(f"  missed {miss}\n" for miss in misses), end="")
    assert misses == []


@pytest.mark.parametrize(
    "subject,body,expected",
    [
        ("Отписаться от рассылки", "", ("unsubscribe", "ru")),
        ("Актуализация персональных данных", "", ("correct", "ru")),
        ("Хабарламалардан бас тарту", "", ("unsubscribe", "kk")),
        ("", "Отзыв согласия на обработку персональных данных", ("withdraw", "ru")),
        ("Вопрос", "\n\nЖеке деректерді жаңарту\nЖаңа нөмір", ("correct", "kk")),
        # as words, never inside another word, and only in what the person wrote
        ("Как подписаться на рассылку?", "", ("other", "ru")),
        ("Переписка", "Я не отписывалась от рассылки.", ("other", "ru")),
        ("Re: Курсы", "Когда начало?\n> Отказ от рассылки: напишите нам", ("other", "ru")),
        ("Вопрос", "Спасибо!\n\n-- \nОтписаться от рассылки: напишите нам", ("other", "ru")),
        # only the first lines: further down a letter mentions things without asking for them
        ("Вопрос", "Текст письма.\n" * 8 + "Отписаться от рассылки", ("other", "ru")),
        ("Вопрос", "Текст письма. " * 500 + "Отписаться от рассылки", ("other", "ru")),
        # «отпуск» (vacation) is not «отписка» with a slip
        ("Re: Курсы", "Я сейчас в отпуске, вернусь 10-го. Когда начало?", ("other", "ru")),
        ("Отпуск", "", ("other", "ru")),
    ],
)  # fmt: skip
def test_classify(db, subject, body, expected):
    assert classify(subject, body) == expected


def staff_officer(client):
    user = get_user_model().objects.create_user(
        "dana", "dana@example.kz", "pw-1234567890", is_staff=True
    )
    user.groups.add(Group.objects.get(name="privacy_officer"))
    return verified_login(client, user)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_officer_adds_a_phrase_and_the_intake_uses_it(client, db, lang):
    """A privacy officer (the role, not a superuser) extends the table in the admin; the next
    email written that way opens a typed request."""
    assert ingest(message("Хочу получить копию моих данных", message_id="<a1@x>")).type == "other"
    staff_officer(client)
    client.cookies["django_language"] = lang
    listing = client.get("/admin/rights/intakephrase/?canonical__exact=1")
    assert listing.status_code == 200 and listing["Content-Language"] == lang
    assert "Отзыв согласия на обработку персональных данных" in listing.content.decode()
    assert client.get("/admin/rights/intakephrase/add/").status_code == 200
    response = client.post(
        "/admin/rights/intakephrase/add/",
        {"phrase": "Копия моих данных", "type": "access", "language": "ru", "active": "on",
         "note": "seen in December"},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()
    ticket = ingest(message("Хочу получить копию моих данных", message_id="<a2@x>"))
    assert (ticket.type, ticket.language) == ("access", "ru")

    row = IntakePhrase.objects.get(phrase="Копия моих данных")
    client.post(f"/admin/rights/intakephrase/{row.pk}/change/",
                {"phrase": row.phrase, "type": "access", "language": "ru", "note": ""})  # fmt: skip
    row.refresh_from_db()
    assert not row.active
    assert ingest(message("Хочу получить копию моих данных", message_id="<a3@x>")).type == "other"


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize(
    "phrase,kind,error",
    [
        ("«ОТПИСАТЬСЯ!»", "unsubscribe", "This phrase is in the table already (%(type)s)."),
        ("от меня, пожалуйста", "unsubscribe",
         "The phrase needs at least one word beyond prepositions and pronouns."),
        # "other" is not offered: every email no phrase matches is "other" already
        ("Вопрос", "other",
         "Select a valid choice. %(value)s is not one of the available choices."),
    ],
)  # fmt: skip
def test_the_admin_refuses_a_phrase_that_cannot_work(client, db, lang, phrase, kind, error):
    staff_officer(client)
    client.cookies["django_language"] = lang
    before = IntakePhrase.objects.count()
    data = {"phrase": phrase, "type": kind, "language": "ru", "active": "on"}
    response = client.post("/admin/rights/intakephrase/add/", data)
    assert response.status_code == 200
    with translation.override(lang):
        text = translation.gettext(error)
    assert text.split("%")[0] in response.content.decode()
    assert IntakePhrase.objects.count() == before


def test_the_policys_phrases_cannot_be_changed_in_the_admin(client, db):
    staff_officer(client)
    row = IntakePhrase.objects.get(type="withdraw", language="ru", canonical=True)
    client.post(f"/admin/rights/intakephrase/{row.pk}/change/",
                {"phrase": "Отзыв", "type": "other", "language": "kk", "note": "x"})  # fmt: skip
    row.refresh_from_db()
    assert (row.phrase, row.type, row.language, row.active) == (
        "Отзыв согласия на обработку персональных данных", "withdraw", "ru", True)  # fmt: skip
    delete = client.post(f"/admin/rights/intakephrase/{row.pk}/delete/", {"post": "yes"})
    assert delete.status_code == 403


def test_the_canonical_phrases_are_the_policys_and_the_campaigns(db):
    """One phrase per route and language, as the policy in force writes it and as the
    List-Unsubscribe mailto sends it (consent/core/routes.py)."""
    from consent.core.texts import current_policy

    policy = current_policy()
    for kind in ["correct", "unsubscribe", "withdraw"]:
        for language, text in [("kk", policy.text_kk), ("ru", policy.text_ru)]:
            phrase = IntakePhrase.objects.canonical(kind, language)
            assert phrase and phrase in text, (kind, language)
    assert IntakePhrase.objects.canonical("access", "kk") == ""


@pytest.mark.parametrize(
    "phrase_word,word,same",
    [
        ("рассылки", "рассылку", True),  # another ending
        ("хабарламалардан", "хабарламаларды", True),  # another Kazakh suffix
        ("отписаться", "отписать", True),
        ("алу", "аламын", True),  # a short Kazakh infinitive
        ("рассылки", "расылки", True),  # a doubled letter written once
        ("обновление", "обнавление", True),  # a wrong letter
        ("отписка", "подписка", False),  # never inside another word
        ("отписаться", "подписаться", False),
        ("от", "отказ", False),  # short words only as written
        ("келмейди", "келеди", False),  # the Kazakh negation is one syllable, not a slip
        ("тарту", "тартпаймын", False),  # a verb and its negation
        ("жибермеу", "жибериниз", False),
        ("алу", "алмаймын", False),
        ("хабарлама", "хабарландыру", True),  # a noun made with -ма is no negation
        ("хабарламалардан", "хабарландыру", False),
        # a slip that makes another common word is no slip
        ("отписка", "отпуске", False),  # "on vacation"
        ("отписка", "отпуска", False),
        ("рассылки", "рассылкки", True),
    ],
)  # fmt: skip
def test_same_word(phrase_word, word, same):
    from consent.rights.phrases import same_word

    assert same_word(phrase_word, word) is same
