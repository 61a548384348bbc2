"""Withdrawals that still read wrong after test_withdrawals_in_own_words.py (compliance L7, L15),
each taken through the intake as mailed, plain or HTML only, in capitals, with «е» for «ё»,
above a quoted reply. Each wrong on the code before:

- a channel or an abbreviation read as a person's name: «Жаңалықтарға және SMS-ке берген
  келісімімді кері қайтарамын» was about someone else (about_whom.names_another), the news
  going on and the calls unread;
- an object before a dash or a colon, then only a refusal: «Новости — отказываюсь», «Рассылка
  — не надо», «Жаңалықтар: керек емес» kept the news going; «Звонки: отказываюсь» reached the
  officer with no note of what it refuses.
"""

import pytest

from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import Source
from consent.core.purposes import CROSS_BORDER, MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from . import one_person
from .conftest import news_only_stopped, untouched
from .test_withdrawals_in_own_words import DRESSES, mailed

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts

Type, Limit = Ticket.Type, Ticket.Limit

CHANNELS_BESIDE_THE_NEWS = [
    "Жаңалықтарға және SMS-ке берген келісімімді кері қайтарамын",
    "Жаңалықтарға және СМС-ке берген келісімімді кері қайтарамын",
    "Жаңалықтарға және WhatsApp-қа берген келісімімді кері қайтарамын",
    "Жаңалықтарға және Телеграмға берген келісімімді кері қайтарамын",
    "Отзываю согласие на рассылку и SMS",
    "Отзываю согласие на рассылку и СМС-оповещения",
    "Отзываю согласие на рассылку и Viber",
]


@pytest.mark.parametrize("dress", DRESSES)
@pytest.mark.parametrize("body", CHANNELS_BESIDE_THE_NEWS)
def test_a_channel_beside_the_news_is_no_one_elses_name(person, body, dress):
    """The news stop as asked; the channel, no purpose of ours, is the officer's to read."""
    ticket = ingest(mailed("", body, dress))
    assert not ticket.about_someone_else
    assert ticket.type == Type.OTHER and ticket.limits["limit"] == Limit.UNREAD
    assert ticket.limits["stops"] == [MARKETING]
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


@pytest.mark.parametrize("dress", DRESSES)
@pytest.mark.parametrize("body", [
    "Жаңалықтарға және Email-ге берген келісімімді кері қайтарамын",
    "E-mail арқылы жаңалықтарға берген келісімімді кері қайтарамын",
    "Отзываю согласие на рассылку по E-mail",
    "Отзываю согласие на рассылку в WhatsApp",
    "Отзываю согласие на рассылку в Телеграм",
    "Отпишите меня от SMS-рассылки",
    "Хабарламаларға және SMS-хабарламаларға берген келісімімді кері қайтарамын",
])  # fmt: skip
def test_the_news_by_a_channel_stop_the_news(person, body, dress):
    ticket = ingest(mailed("", body, dress))
    assert not ticket.about_someone_else
    assert news_only_stopped(ticket, person)


@pytest.mark.parametrize("body", [
    "Удалите данные Иванова Ивана из SMS-рассылки",
    "Отпишите Ерлана Асқарова от SMS-рассылки",
    "Ерлан Асқаровтың WhatsApp-қа берген келісімін кері қайтарыңыз",
])  # fmt: skip
def test_a_person_named_beside_a_channel_is_still_someone_else(person, body):
    ticket = ingest(mailed("", body, "plain"))
    assert (ticket.type, ticket.about_someone_else) == (Type.OTHER, True)
    assert gate.may_process(person, SERVICE)


NEWS_REFUSED = [
    "Новости — отказываюсь",
    "Новости: отказываюсь",
    "Рассылка — не надо",
    "Рассылка - не нужна",
    "Новости: не нужно",
    "Письма — спасибо, не надо",
    "Рассылка: больше не хочу",
    "Жаңалықтар: керек емес",
    "Хабарламалар — қажет емес",
    "Жаңалықтар: бас тартамын",
    "Jańalyqtar: kerek emes",
]


@pytest.mark.parametrize("dress", DRESSES)
@pytest.mark.parametrize("body", NEWS_REFUSED)
def test_the_news_refused_after_a_dash_stop_the_news(person, body, dress):
    ticket = ingest(mailed("", body, dress))
    assert ticket.type == Type.UNSUBSCRIBE
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


NOTHING_OF_OURS_REFUSED = [
    "Звонки: отказываюсь",
    "Звонки — не надо",
    "Звонки и СМС — отказываюсь",
    "Қоңыраулар: бас тартамын",
    "Қоңыраулар — керек емес",
]


@pytest.mark.parametrize("dress", DRESSES)
@pytest.mark.parametrize("body", NOTHING_OF_OURS_REFUSED)
def test_what_is_no_purpose_refused_after_a_dash_reaches_the_officer(person, body, dress):
    ticket = ingest(mailed("", body, dress))
    assert ticket.type == Type.OTHER
    assert ticket.limits == {"stops": [], "limit": Limit.UNREAD}
    assert untouched(person)


@pytest.mark.parametrize(
    "body", ["Рассылка и звонки — не надо", "Жаңалықтар мен қоңыраулар: керек емес"]
)
def test_the_news_refused_beside_calls_stop_and_the_rest_is_the_officers(person, body):
    ticket = ingest(mailed("", body, "plain"))
    assert ticket.type == Type.OTHER and ticket.limits["limit"] == Limit.UNREAD
    assert ticket.limits["stops"] == [MARKETING]
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


def test_the_transfer_abroad_refused_after_a_dash_is_withdrawn(person, texts):
    consent_grant(person, texts[CROSS_BORDER], language="ru", source=Source.CONTACT_FORM)
    ticket = ingest(mailed("", "Трансграничная передача — отказываюсь", "plain"))
    assert (ticket.type, ticket.purpose) == (Type.WITHDRAW, CROSS_BORDER)
    assert not gate.may_process(person, CROSS_BORDER)
    assert gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


@pytest.mark.parametrize("body", [
    "Здравствуйте: не надо",
    "Заявление: отказываюсь",
    "Новости — отказываюсь от звонков",
    # What a refusal refuses is after its «от»: the news before it are no phrase moved.
    "Реклама — отказываюсь от звонков",
    "Уведомления — отказываюсь от звонков",
    "Реклама — отказываюсь от получения звонков", "Новости — отказываюсь от их звонков",
    "Звонки — не надо, а рассылку оставьте",
    "Вопрос: не нужно ли подписать согласие?",
    "Рассылка — не нужна?",
    "Звонки: отказываюсь?",
])  # fmt: skip
def test_what_is_more_than_a_refusal_after_a_dash_acts_on_nothing(person, body):
    ticket = ingest(mailed("", body, "plain"))
    assert ticket.type == Type.OTHER and untouched(person)


@pytest.mark.parametrize("lang, said", [("ru", "звонки, фотографии"), ("kk", "қоңыраулар")])
def test_the_desk_says_what_a_refusal_after_a_dash_names(person, desk, lang, said):
    ticket = ingest(mailed("", "Звонки: отказываюсь", "plain"))
    desk.cookies["django_language"] = lang
    html = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert 'id="letter-limits"' in html and said in html


@pytest.mark.parametrize("body", [
    "Рассылка — отказываюсь от неё", "Новости: отказываюсь от них",
    # Their receiving is theirs too: these stopped the news before the rule of «от» came.
    "Рассылку — отказываюсь от получения", "Рекламные рассылки: отказываюсь от их получения",
    "Новости — отказываюсь от дальнейшего получения",
])  # fmt: skip
def test_the_news_refused_by_a_pronoun_after_the_dash_stop(person, body):
    ticket = ingest(mailed("", body, "plain"))
    assert news_only_stopped(ticket, person)
