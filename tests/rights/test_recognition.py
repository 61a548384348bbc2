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
        if kind == "nothing_asked":
            # A thanks: set aside, or filed quietly with the request of the sender's it answers
            # (whether the number it quotes is one of theirs depends on the rows made before it);
            # never a request of its own, never answered.
            filed = isinstance(ticket, Ticket) and ticket.status == Ticket.Status.FILED
            assert filed or getattr(ticket, "reason", None) == kind, f"{name}: {ticket!r}"
            continue
        if kind == "automated":  # a machine's report: set aside, whatever its words name
            assert getattr(ticket, "reason", None) in (kind, "returned"), f"{name}: {ticket!r}"
            continue
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
    "subject_line,body,expected",
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
        # destruction, and what only mentions it
        ("Удаление персональных данных", "", ("destroy", "ru")),
        ("", "Прошу уничтожить мои персональные данные", ("destroy", "ru")),
        ("", "Дербес деректерімді жоюды сұраймын", ("destroy", "kk")),
        ("", "Не удаляйте мои данные, я ваш клиент", ("other", "ru")),
        ("", "Как удалить мои данные?", ("destroy", "ru")),  # asked whether: test_asked_whether
        ("", "Деректерімді жоймаңыз", ("other", "kk")),
        ("", "Деректерімді қалай жоюға болады?", ("destroy", "kk")),
        ("Удалите меня из рассылки", "", ("unsubscribe", "ru")),
        ("", "Удалите мои данные и отзываю согласие на их обработку", ("withdraw", "ru")),
        ("Удаление данных", "Отзыв согласия на обработку персональных данных", ("withdraw", "ru")),
        ("Вопрос", "Спасибо!\n> Удалить данные: напишите нам", ("other", "ru")),
        # Latin script: Kazakh's 2021 and 2018 alphabets, Kazakh and Russian transliterated
        ("", "Meniñ derekterimdi joiyñyz", ("destroy", "kk")),
        ("", "Kelisimimdi qaitaryp alamyn", ("withdraw", "kk")),
        ("", "Kelısımımdı keri qaıtaryp alamyn", ("withdraw", "kk")),
        ("", "Jeke derekterimdi jaŋartyŋyz", ("correct", "kk")),
        ("HABARLAMALARDAN BAS TARTU", "", ("unsubscribe", "kk")),
        ("", "Menin derekterimdi zhoiynyz", ("destroy", "kk")),
        ("", "Men khabarlamalardan bas tartamyn", ("unsubscribe", "kk")),
        ("Otpisat'sya ot rassylki", "", ("unsubscribe", "ru")),
        ("", "Otzyv soglasiia na obrabotku personalnykh dannykh", ("withdraw", "ru")),
        ("", "Udalite moi dannye", ("destroy", "ru")),
        # a soft hyphen pasted inside a word, as Word and HTML mail keep it
        ("", "От\u00adпи\u00adшите меня от рассылки", ("unsubscribe", "ru")),
        ("", "Про\u00adшу уда\u00adлить мои пер\u00adсо\u00adналь\u00adные дан\u00adные",
         ("destroy", "ru")),
        ("", "Ке\u00adлі\u00adсі\u00adмім\u00adді қай\u00adта\u00adрып аламын", ("withdraw", "kk")),
        # ... and what in it only mentions, questions or denies a request
        ("", "Derekterimdi joimañyz", ("other", "kk")),
        ("", "Kelisimimdi qaitaryp almaimyn", ("other", "kk")),
        ("", "Kelisimdi qalai qaitaryp aluǵa bolady?", ("withdraw", "kk")),
        ("", "Ya ne otpisyvalas ot rassylki", ("other", "ru")),
        ("", "Kak otozvat soglasie?", ("withdraw", "ru")),
        ("", "Ne udalyayte moi dannye", ("other", "ru")),
        ("Re: Kurs", "Rakhmet!\n> Habarlamalardan bas tartu: bizge jazyñyz", ("other", "kk")),
        ("Question", "Please do not delete my data, I still need the course", ("other", "ru")),
    ],
)  # fmt: skip
def test_classify(db, subject_line, body, expected):
    assert classify(subject_line, body) == expected


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
    assert ingest(message("Хочу получить выписку о себе", message_id="<a1@x>")).type == "other"
    staff_officer(client)
    client.cookies["django_language"] = lang
    listing = client.get("/admin/rights/intakephrase/?canonical__exact=1")
    assert listing.status_code == 200 and listing["Content-Language"] == lang
    assert "Отзыв согласия на обработку персональных данных" in listing.content.decode()
    assert client.get("/admin/rights/intakephrase/add/").status_code == 200
    response = client.post(
        "/admin/rights/intakephrase/add/",
        {"phrase": "Выписка о себе", "type": "access", "language": "ru", "active": "on",
         "note": "seen in December"},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()
    ticket = ingest(message("Хочу получить выписку о себе", message_id="<a2@x>"))
    assert (ticket.type, ticket.language) == ("access", "ru")

    row = IntakePhrase.objects.get(phrase="Выписка о себе")
    client.post(f"/admin/rights/intakephrase/{row.pk}/change/",
                {"phrase": row.phrase, "type": "access", "language": "ru", "note": ""})  # fmt: skip
    row.refresh_from_db()
    assert not row.active
    assert ingest(message("Хочу получить выписку о себе", message_id="<a3@x>")).type == "other"


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
        ("данных", "даных", True),  # so in a short word too
        ("данные", "даные", True),
        ("данных", "данияр", False),  # a name that begins so goes on otherwise
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
        ("жойу", "жойыныз", True),  # «жою» (folded: stem «жой» and -у) and «жойыңыз»
        ("жойу", "жойуды", True),
        ("жойу", "жойманыз", False),  # «жоймаңыз», do not destroy
    ],
)  # fmt: skip
def test_same_word(phrase_word, word, same):
    from consent.rights.phrases import same_word

    assert same_word(phrase_word, word) is same


@pytest.mark.parametrize(
    "latin,cyrillic",
    [
        ("Meniñ derekterimdi joiyñyz", "Менің деректерімді жойыңыз"),  # 2021
        ("Menıñ derekterımdı joiyñyz", "Менің деректерімді жойыңыз"),  # 2021, ı for і
        ("Kelisimdi qaıtaryp alý, tarátyńyz", "Келісімді қайтарып алу, таратыңыз"),  # 2018
        ("Jaŋa ɵnimder", "Жаңа өнімдер"),  # 1929
        ("İZGİ NİET", "ІЗГІ НИЕТ"),  # «İ» casefolds to i and a dot
        ("menin derekterimdi zhoiynyz", "менің деректерімді жойыңыз"),  # ASCII
        ("Khabarlamalardan bas tartu", "Хабарламалардан бас тарту"),
        ("Otpishite menya ot rassylki", "Отпишите меня от рассылки"),  # Russian transliterated
        ("soglasiia", "согласия"),  # the passport's ia
        ("soglasiya", "согласия"),
        ("moy novyy nomer", "мой новый номер"),
    ],
)  # fmt: skip
def test_latin_script_reads_as_the_cyrillic_it_stands_for(latin, cyrillic):
    """What the phrases are compared on: a Latin spelling gives the words its Cyrillic one
    gives, so every phrase, negation and question rule holds for both, not listed examples."""
    from consent.rights.spelling import key_words

    assert key_words(latin) == key_words(cyrillic)


def test_english_words_the_rules_name_stay_english(db):
    """«please», «the» are left out as function words, «how» stops a phrase, as before; and
    English is no evidence of Russian («I was», «no» are not «и», «вас», «но»): a stranger's
    English letter is answered in Russian by the rule for another language, not by its words."""
    from consent.rights.language import language_evidence
    from consent.rights.spelling import key_words

    assert key_words("Please unsubscribe me") == key_words("unsubscribe")
    assert classify("How to unsubscribe?") == ("other", "ru")
    assert language_evidence("No, I was not told by anyone") == (0, 0)


@pytest.mark.parametrize(
    "body,kind,withdrawn",
    [("Sälemetsız be! Kelisimimdi qaitaryp alamyn.", "withdraw", True),
     ("Salemetsiz be! Kelisimimdi kaitaryp alamyn.", "withdraw", True),
     ("Sälemetsız be! Kelisimimdi qaitaryp almaimyn, bul qate hat.", "other", False),
     ("Kelisimdi qalai qaitaryp aluǵa bolady?", "withdraw", False)],
)  # fmt: skip
def test_a_withdrawal_in_latin_letters_stops_processing_as_it_arrives(
    person, body, kind, withdrawn
):
    """Asel writes from her phone's Latin keyboard. Her withdrawal opened "other", and her
    data was processed for fifteen working days more; a Latin «I will not withdraw» or a
    question (how to withdraw: the withdrawal's request, asked whether) must still withdraw
    nothing."""
    from consent.core import gate
    from consent.core.purposes import SERVICE

    from .conftest import mails_to

    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.language) == (kind, "kk")
    assert gate.may_process(person, SERVICE) is not withdrawn
    assert "/kk/requests/confirm/" in mails_to("asel@example.kz")[-1].message


@pytest.mark.parametrize(
    "subject_line,body,kind",
    [("", "Сəлеметсіз бе, мəліметтерімді жойыңыз", "destroy"),
     ("Нɵмір", "Телефон нɵмірімді ɵзгертіңіз: 87011112233", "correct"),
     ("ЖЕКЕ ДЕРЕКТЕРДІ ƟҢДЕУГЕ КЕЛІСІМДІ ҚАЙТАРЫП АЛУ", "", "withdraw")],
)  # fmt: skip
def test_kazakh_typed_with_the_latin_schwa_and_barred_o_is_read(person, subject_line, body, kind):
    """A keyboard or a font without Kazakh letters writes «ə» and «ɵ» (Latin) for «ә» and «ө»:
    «мəліметтерімді жойыңыз» opened "other", the deadline fifteen working days, not one."""
    ticket = ingest(message(subject_line, body=body))
    assert (ticket.type, ticket.language) == (kind, "kk")
