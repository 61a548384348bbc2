"""A person whose processing is blocked (compliance L12) on their own page: no consent is given
there until the block is lifted, as neither a form nor an emailed link records one then, and what
they gave before stands and can be withdrawn. The page offered «Give consent» for every consent,
showed the ones they had given as not given, and each press wrote another grant, saying «saved and
in force now» while the block kept it from being so."""

import pytest

from consent.core import gate
from consent.core.ledger import consent_withdraw_if_given, subject_block
from consent.core.models import LedgerEntry, Source
from consent.core.purposes import MARKETING
from consent.rights.models import Ticket
from tests.conftest import aged_token
from tests.texts import AS_SHOWN

from .test_selfservice import open_page

REFUSED = {
    "kk": "Деректеріңізді өңдеу бұғатталған: бұғаттан шығарылғанға дейін келісім беру мүмкін "
    "емес. Ештеңе өзгерген жоқ.",
    "ru": "Обработка ваших данных заблокирована: пока блокирование не снято, согласие дать нельзя. "
    "Ничего не изменилось.",
}
GIVEN = {"kk": "берілді", "ru": "дано"}
GIVE, WITHDRAW = 'name="give" value="marketing"', 'name="withdraw" value="marketing"'


@pytest.fixture
def blocked(person):
    subject_block(person, reason="complaint", source=Source.ADMIN)
    return person


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_blocked_person_is_offered_no_consent_and_a_give_records_nothing(client, blocked, lang):
    consent_withdraw_if_given(blocked, MARKETING, source=Source.UNSUBSCRIBE)
    open_page(client, lang)
    assert GIVE not in client.get(f"/{lang}/my-data/").content.decode()
    rows = LedgerEntry.objects.count()
    for _ in range(2):  # a page opened before the block, pressed twice
        page = client.post(
            f"/{lang}/my-data/consent/",
            {"give": MARKETING, f"shown_{MARKETING}": AS_SHOWN},
            follow=True,
        )
        assert REFUSED[lang] in page.content.decode()
    assert LedgerEntry.objects.count() == rows


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_what_a_blocked_person_gave_stands_and_can_be_withdrawn(client, blocked, lang):
    open_page(client, lang)
    html = client.get(f"/{lang}/my-data/").content.decode()
    assert WITHDRAW in html and GIVE not in html and GIVEN[lang] in html
    client.post(f"/{lang}/my-data/consent/", {"withdraw": MARKETING})
    entry = LedgerEntry.objects.filter(subject=blocked).latest("id")
    assert (entry.kind, entry.purpose, entry.source) == ("withdraw", MARKETING, "self_service")
    assert gate.is_blocked(blocked)


def test_the_ledger_itself_records_no_consent_while_blocked(blocked, texts):
    """The rule has one home under every way a consent is given: the next one to forget to ask
    gets a refusal, not a grant that stands the moment the block is lifted."""
    from django.core.exceptions import ValidationError

    from consent.core.ledger import consent_grant

    rows = LedgerEntry.objects.count()
    with pytest.raises(ValidationError):
        consent_grant(blocked, texts[MARKETING], language="kk", source=Source.SELF_SERVICE)
    assert LedgerEntry.objects.count() == rows


# What a blocked person reads on their page: what the block means and what they can do.
MEANING = {
    "kk": "Бұғаттау күшінде тұрғанда біз деректеріңізді сақтаймыз, бірақ оларды пайдаланбаймыз",
    "ru": "Пока действует блокирование, мы храним ваши данные, но не используем их",
}
LIFTING = {
    "kk": "Бұғаттан шығару үшін төменде «өңдеуді бұғаттан шығару» дегенді таңдап, өтінішті "
    "жіберіңіз; біз жауап беретін күн содан кейін «Ашық өтініштер» бөлімінде көрсетіледі. Оның "
    "орнына деректеріңізді жойғыңыз келсе, «деректерді жою» дегенді таңдаңыз.",
    "ru": "Чтобы снять блокирование, выберите ниже «разблокирование обработки» и отправьте "
    "запрос; дата, до которой мы ответим, появится в разделе «Открытые запросы». Если вместо "
    "этого вы хотите, чтобы ваши данные были уничтожены, выберите «уничтожение данных».",
}
DOWNLOAD_OR_ASK = {"kk": "Жүктеп алу немесе өтініш беру", "ru": "Скачать или запросить"}
ASK_UNBLOCK, ASK_BLOCK = 'name="type" value="unblock"', 'name="type" value="block"'


def page_text(html):
    """The page as read: the no-break spaces and line breaks of the markup as spaces."""
    return " ".join(html.replace("\N{NO-BREAK SPACE}", " ").split())


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_blocked_person_reads_what_the_block_means_and_asks_to_lift_it(client, blocked, lang):
    """The page said only «Processing of your data is blocked.»: nothing of what that does, and
    no way to ask for it to end (its requests offered a block, not its lifting)."""
    open_page(client, lang)
    html = client.get(f"/{lang}/my-data/").content.decode()
    assert MEANING[lang] in page_text(html) and LIFTING[lang] in page_text(html)
    assert ASK_UNBLOCK in html and ASK_BLOCK not in html
    # Their own data is downloaded while blocked too (test_selfservice_blocked_access.py).
    assert DOWNLOAD_OR_ASK[lang] in page_text(html)
    client.post(f"/{lang}/my-data/request/", {"type": "unblock", "message": "",
                                              "token": aged_token()})  # fmt: skip
    ticket = Ticket.objects.get(subject=blocked)
    assert (ticket.type, ticket.status, ticket.channel) == ("unblock", "open", "self_service")
    listed = client.get(f"/{lang}/my-data/").content.decode()
    assert ticket.reference in listed  # among the open requests, with the date it is answered by


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_person_not_blocked_is_offered_a_block_not_its_lifting(client, person, lang):
    open_page(client, lang)
    html = client.get(f"/{lang}/my-data/").content.decode()
    assert ASK_BLOCK in html and ASK_UNBLOCK not in html and MEANING[lang] not in page_text(html)
    assert DOWNLOAD_OR_ASK[lang] in page_text(html)
    client.post(f"/{lang}/my-data/request/", {"type": "unblock", "message": "Разблокируйте",
                                              "token": aged_token()})  # fmt: skip
    assert not Ticket.objects.filter(subject=person).exists()
