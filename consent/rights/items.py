"""A letter that asks to change or remove one item of the writer's data (compliance L7, L11,
L13): «Исправьте мой номер», «Удалите мой номер телефона», «Поменяйте фамилию на …»,
«Нөмірімді өшіріңіз», «Телефон нөмірімді түзетіңіз», «Адресімді өзгертіңіз». No phrase of the
table names them (the phrases name «данные», a whole record), and each opened "other". They are
a correction: the desk's correction changes the item, or removes it as minimisation does
(answers.ticket_correct), the new value read by the officer in the letter, which the request
keeps whole.

Read in the person's own words (intake.recognise), sentence by sentence: a word naming an item
of the record (ITEMS) and a verb of changing or removing it (CHANGE, REMOVE), in any order, the
verb not negated («не меняйте номер», «нөмірді өзгертпеңіз»). Words are read as spelling.words
reads them (Kazakh typed without its letters, Latin letters as the Cyrillic they stand for) and
matched by their beginning, so any ending and «исправте» (a slip) match too.

Two letters name the item elsewhere than beside the verb. A destruction phrase that names only
the act and the place («удалить из базы», «базадан өшіру»: the person, «меня», «мені», is a
function word to the phrase table) asks to remove the person, unless the letter names an item
as what is removed («удалите из базы мой номер»): then it is that item's correction
(item_instead). And a short «Исправьте, пожалуйста.», «Түзетіп беріңізші.» with no object,
right after a sentence that names an item as wrong («В фамилии ошибка.», «Тегім қате
жазылған.»), corrects that item (WRONG).

A verb of changing said not to be needed asks nothing, before or after it: «Фамилия изменилась, но
исправлять не нужно», «Не надо ничего менять», «Тегім өзгерді, түзету керек емес», «…түзетудің
қажеті жоқ» (UNNEEDED): told changed, the item was corrected all the same."""

import re

from django.utils.translation import gettext_lazy as _

from consent.core.mail import interpolate
from consent.core.models import Subject

from .asking import COURTESY, imperative
from .models import Ticket
from .pieces import ASKED, pieces
from .sentences import DECLINING, QUESTION_PARTICLES, WANTING, sentences
from .spelling import FUNCTION_WORDS, fold, words
from .verb_forms import NEGATION_SYLLABLES
from .word_order import DATA_NOUNS

# The beginnings of the words that name an item of the record, folded (spelling.fold).
ITEMS = {
    "phone": ("телефон", "номер", "номир", "сотов", "мобильн", "уялы"),
    "full_name": ("фамил", "имя", "имени", "отчеств", "фио", "тегим", "атым", "атымды", "жоним"),
    # «email», «e-mail» as spelling.words reads the Latin letters: «емайл», «майл».
    "email": ("почт", "пошт", "емейл", "имейл", "емайл", "майл", "мейл", "мэйл"),
    "address": ("адрес", "мекенжай", "мекен"),
    "birth_date": ("рождени", "туган"),
}
# «Номер заказа» is no phone number: the word after it names what it numbers.
NUMBERED = ("заказ", "договор", "запрос", "заявк", "счет", "карт", "тапсырыс", "шарт", "отиниш")
# «Дұрыстаңыз» («make right») as common as «түзетіңіз»: «Аты-жөнімді дұрыстаңыз» opened "other".
CHANGE = ("исправ", "измен", "помен", "смен", "обнов", "поправ", "замен", "актуализ",
          "корректир", "тузет", "озгерт", "озгер", "ауыстыр", "жанарт", "алмастыр",
          "дурыста", "менят", "меняйт")  # fmt: skip
REMOVE = ("удал", "убер", "убр", "сотр", "вычеркн", "исключ", "ошир", "жой", "алып")
# A Kazakh verb negated inside it («өзгертпеңіз», «жоймаңыз»): a syllable right after its stem
# (verb_forms.NEGATION_SYLLABLES).
NOT = frozenset({"не", "ни"})
# A verb of changing or removing not needed, within UNNEEDED words of it: «не нужно», «не надо»,
# «не требуется», «не хочу» (sentences.WANTING) before or after it; after it the Kazakh «керек»,
# «қажет» with «емес» or «жоқ» (sentences.DECLINING). Folded.
UNNEEDED, NEEDED = 3, ("керек", "кереги", "кажет")
# What follows a verb's stem when it tells the act done: the Russian past and passive
# («удалили», «изменён», «исправлены»), the Kazakh past («өшірдіңіз», «жойылды»). In a question
# it asks whether it was done («Вы удалили мой номер?»), and opened the item's removal again;
# told, it still asks («У меня изменился номер телефона»: correct it). Folded.
DONE = re.compile(r"[иаяеы]?л(а|о|и)?(сь|ся)?|л?[её]н[аоы]?|[ыи]?л?[дт][ыи].*")
# An item told as wrong: «ошибка в фамилии», «неверный номер», «тегім қате», «дұрыс емес».
# By beginning; the Kazakh «қате» as a whole word («категория» is none), «дұрыс» with «емес».
WRONG = ("ошиб", "неправильн", "неверн", "опечат", "неточн", "кателес")
KAZAKH_WRONG = frozenset({"кате", "катеси", "кателер", "катели"})
NO = frozenset({"нет", "без", "жок"})
# What a short request to correct says besides its verb: «пожалуйста», «түзетіп беріңізші».
SOFTENERS = ("пожалуйст", "пжл", "плиз", "прош", "бер", "отин", "спасиб", "рахмет", "етин")
# The words of a destruction phrase that name the act or the place, not what is removed.
PLACES = ("баз", "списк", "систем", "реестр", "тизим", "таста")


def asked_items(text: str) -> list[tuple[str, bool]]:
    """(the item, whether it is to be removed) for each item `text` asks to change or remove,
    in order, each once; none when a sentence asks for something else too («…и уничтожьте мои
    фотографии»): two requests are for the officer to read, as intake.recognise leaves them."""
    found, wrong = {}, []
    for piece in pieces(text):
        folded = [fold(word) for word in words(piece)]
        asked = bool(ASKED.search(piece.strip()) or QUESTION_PARTICLES & set(folded))
        # A change said not needed: one told in the sentence asks nothing either («Фамилия
        # изменилась, но исправлять не нужно»); an imperative beside it still asks.
        unneeded = said_unneeded(piece)
        verbs = [verb for at, word in enumerate(folded)
                 if (verb := _verb(folded, at, word, asked=asked))
                 and not (unneeded and not imperative(word))]  # fmt: skip
        items = [_item(word, folded[at + 1] if at + 1 < len(folded) else "")
                 for at, word in enumerate(folded)]  # fmt: skip
        if verbs == ["change"] and not any(items) and _bare(folded):
            items = wrong  # «В фамилии ошибка. Исправьте, пожалуйста.»
        # The items a bare verb after this sentence asks of: told wrong, or told changed («Моя
        # фамилия изменилась. Исправьте, пожалуйста.», whose «Исправьте» undid the item).
        told = _told_wrong(folded) or (verbs and not asked)
        wrong = [item for item in items if item] if told else []
        if verbs and any(items):
            for item in filter(None, items):
                found.setdefault(item, "remove" in verbs and "change" not in verbs)
        elif any(imperative(word) for word in folded):
            return []
    return list(found.items())


def item_instead(found: list, text: str) -> list:
    """The matches (phrases.Match) found in `text` but a destruction that is an item's
    correction: its phrase names no object, only removing and where from, and `text` names an
    item to remove («удалите из базы мой номер»); «удалите меня из базы» names none, nor does
    one whose removing takes the data itself before the place, the items only listed in it
    («удалить все мои персональные данные из вашей базы, включая номер телефона»)."""
    items = None
    kept = []
    tokens = [token for sentence in sentences(text) for token in sentence.tokens]
    for match in found:
        told = not any(imperative(tokens[at]) for at in match.places if at < len(tokens))
        if match.phrase.kind == Ticket.Type.CORRECT and told and said_unneeded(text):
            continue  # «Тегім өзгерді, бірақ түзету керек емес»: told changed, not asked
        if (
            match.phrase.kind == Ticket.Type.DESTROY
            and all(word.startswith(REMOVE + PLACES) for word in match.phrase.words)
            and not any(word.startswith(DATA_NOUNS) for word in tokens[match.start : match.end])
        ):
            items = asked_items(text) if items is None else items
            if items:
                continue
        kept.append(match)
    return kept


def _told_wrong(folded):
    """Whether the sentence tells something as wrong: not «ошибки нет», «без ошибок», «қате
    жоқ»."""
    after = [*folded[1:], ""][: len(folded)]
    return any(
        (word.startswith(WRONG) or word in KAZAKH_WRONG or (word, following) == ("дурыс", "емес"))
        and not (at and folded[at - 1] in NOT | NO)
        and following not in NO
        for at, (word, following) in enumerate(zip(folded, after, strict=True))
    ) and not NO & set(folded[-1:])  # «Ошибок в фамилии нет.»


def _bare(folded):
    """Whether the sentence says nothing but its verb and courtesy: no object of its own."""
    return all(
        _verb(folded, at, word) or word in FUNCTION_WORDS or word in COURTESY
        or word.startswith(SOFTENERS)
        for at, word in enumerate(folded)
    )  # fmt: skip


def _verb(folded, at, word, *, asked=False):
    """ "change", "remove" or None: what the word asks, unless negated, or `asked` whether it
    was done (DONE)."""
    for kind, stems in (("change", CHANGE), ("remove", REMOVE)):
        stem = next((stem for stem in stems if word.startswith(stem)), None)
        if stem is None:
            continue
        if (at and folded[at - 1] in NOT) or word[len(stem) : len(stem) + 2] in NEGATION_SYLLABLES:
            return None
        if _unneeded(folded, at):
            return None
        if asked and DONE.fullmatch(word[len(stem) :]):
            return None
        return kind
    return None


def said_unneeded(text: str) -> bool:
    """Whether a sentence of `text` says a change is not needed (UNNEEDED)."""
    for piece in pieces(text):
        folded = [fold(word) for word in words(piece)]
        if any(w.startswith(CHANGE + REMOVE) and _unneeded(folded, at)
               for at, w in enumerate(folded)):  # fmt: skip
            return True
    return False


def _unneeded(folded, at):
    """Whether the words near the verb at `at` say it is not needed (UNNEEDED)."""
    near = folded[max(0, at - UNNEEDED) : at + 1 + UNNEEDED]
    return any(
        (word in NOT and following.startswith(WANTING))
        or (word.startswith(NEEDED) and DECLINING.fullmatch(following))
        for word, following in zip(near, [*near[1:], ""], strict=False)
    )


def _item(word, following):
    if word == "почти":  # almost
        return None
    for item, stems in ITEMS.items():
        if word.startswith(stems) and not (item == "phone" and following.startswith(NUMBERED)):
            return item
    return None


def items_shown(text: str) -> list[str]:
    """What `text` asks of each item, as the desk shows it to the officer («phone: remove»)."""
    return [
        interpolate(_("%(item)s: remove") if remove else _("%(item)s: change"),
                    {"item": _label(item)})
        for item, remove in asked_items(text)
    ]  # fmt: skip


def _label(item):
    if item == "address":  # no field of the record: the officer answers what is held
        return _("postal address")
    return Subject._meta.get_field(item).verbose_name
