"""A letter that says the news still comes after something it reports (compliance L7, L15):
«Хочу сообщить об удалении моих данных, а рассылка приходит», «Деректерімді өшіру туралы
хабарлаймын, бірақ хаттар келе береді», «Я отписалась, а рассылка всё равно приходит».

Reporting is not asking. The writer's own telling of a request («Сообщаю об удалении», «Хочу
сообщить об удалении», «…өшіру туралы хабарлаймын») stands as that request (informed.py: a
notice of a withdrawal is the withdrawal); but with the news said to come still after it, the
request it tells of was made, or done, before: the letter complains that the news goes on. It
opened a destruction, a link mailed to confirm an end the writer believes made, while the news
it complains of went on; «Я отписалась, а рассылка всё равно приходит» opened "other" for
fifteen working days, the news going on too. Decided: a complaint that the news still comes
objects to it, and the policy stops the news before the next send for whoever objects, in any
words (unneeded.py): the news stops as the letter arrives. The letter opens "other" for an
officer to find why it went on (a request or a destruction not carried out, an address left on
a list), marked (Ticket.limits["still_sent"]) so the desk says so. A request it only tells of
is not opened again, but a withdrawal so told stands: the writer's notice is their withdrawal,
whenever given. An earlier request the writer reports asking («Я просила удалить мои данные, но
письма всё ещё приходят») is still asked again (reported_request.py), the news stopped beside it.

Still coming: a verb of coming or sending, not negated, in a clause of a sentence that names the
news (unneeded.NEWS, LETTERS) there or before («Я отписалась от рассылки, а она всё равно
приходит»), in the present: Russian «приходит», «идут», «присылаете», «шлёте», «продолжает
приходить»; Kazakh «келеді», «келе береді», «келіп жатыр», «жібере бересіз» («Письмо со
ссылкой снова пришло» tells of the link asked again). And it says that
this goes on: «всё равно», «всё ещё», «до сих пор», «по-прежнему», «опять», «снова»; «әлі»,
«бәрібір», «тағы», Kazakh's auxiliary of going on («келе береді»); or a contrast («а», «но»,
«однако», «хотя»; «бірақ», «алайда», «дегенмен») after a word of a request or an end told
before it in the sentence («…об удалении, а рассылка приходит»): «Курс понравился, а рассылка
приходит каждый день» says nothing against the news. Not in a supposition («Если рассылка всё
равно придёт, что делать?»), nor in a question but one asking why («Почему рассылка до сих пор
приходит?» complains as well)."""

import re

from .phrases import Match
from .pieces import ASKED, CLAUSE_END, pieces
from .reported_request import told_done
from .sentences import SUPPOSING
from .spelling import fold
from .spelling import words as split_words
from .unneeded import LETTERS, NEWS

# Coming or sending, folded: Russian beginnings, not negated («а рассылка не приходит» is no
# complaint of this kind); Kazakh forms, whose negation («келмейді») is inside the word.
# In the present, going on: «Письмо снова пришло, спасибо» (the link asked again) is no complaint.
COMING = ("приход", "прихож", "идут", "идет", "поступа", "присыла", "шлет", "шлют", "шлете",
          "отправля", "рассыла", "продолжа", "валит", "сыпл")  # fmt: skip
KAZAKH_COMING = re.compile(r"(кел|жибер)(е|еди|ип|уде|есиз|есиздер)")
# Asked or wished, no report: «Пришлите рассылку снова», «продолжайте присылать».
ASKED_FORM = re.compile(r"(ите|йте|ть)$")
GOING_ON = frozenset({"все", "еще", "сих", "прежнему", "опять", "снова", "али",
                      "барибир", "тагы", "береди", "бересиз", "бересиздер", "жатыр"})  # fmt: skip
# «все» alone is «all»: it goes on only beside «равно», «еще» («всё равно», «всё ещё»).
ALL = "все"
ALL_WITH = frozenset({"равно", "еще"})
CONTRAST = frozenset({"а", "но", "однако", "хотя", "бирак", "алайда", "дегенмен"})
# A request or an end told before the contrast: «удалении», «отписалась», «өшіру», «шықтым».
TOLD_BEFORE = ("удал", "уничтож", "отпис", "отказ", "отзыв", "отозв", "стер", "жой", "ошир",
               "шык", "шыгар", "тарт", "кайтар", "токтат", "просил", "сурад")  # fmt: skip
WHY = frozenset({"почему", "зачем", "отчего", "неге", "неликтен"})


def complained(texts: list[str], found: list[Match]) -> tuple[list[Match], bool]:
    """(`found` without the requests `texts` only report, whether they say the news still comes):
    with the news said to come still, a request the writer tells of (Match.told) but a withdrawal,
    or one told as asked and done (reported_request.told_done), was made before."""
    if not still_sent(texts):
        return found, False
    text = "\n".join(texts)
    reported = [m for m in found if (m.told and m.phrase.kind != "withdraw") or told_done(text, m)]
    return [match for match in found if match not in reported], True


def still_sent(texts: list[str]) -> bool:
    """Whether a sentence of `texts` says the news still comes (see the module)."""
    for text in texts:
        for piece in pieces(text):
            said = [fold(word) for word in split_words(piece)]
            if ASKED.search(piece.strip()) and not (WHY & set(said)):
                continue
            told = contrast = news = False  # so far in the sentence
            for clause in CLAUSE_END.split(piece):
                said = [fold(word) for word in split_words(clause)]
                if SUPPOSING & set(said):
                    continue
                at = next((n for n, word in enumerate(said) if word in CONTRAST), len(said))
                told = told or any(word.startswith(TOLD_BEFORE) for word in said[:at])
                contrast = contrast or at < len(said)
                news = news or any(word.startswith(NEWS) or word in LETTERS for word in said)
                if news and _coming(said) and (_going_on(said) or (told and contrast)):
                    return True
    return False


def _coming(said: list[str]) -> bool:
    """Whether a verb of coming or sending stands in the clause `said`, not negated."""
    return any(
        (
            word.startswith(COMING)
            and not ASKED_FORM.search(word)
            and (at == 0 or said[at - 1] not in {"не", "ни"})
        )
        or KAZAKH_COMING.fullmatch(word)
        for at, word in enumerate(said)
    )


def _going_on(said: list[str]) -> bool:
    """Whether the clause `said` says it goes on (GOING_ON; «все» only as «всё равно», «всё
    ещё»)."""
    pairs = zip(said, [*said[1:], ""], strict=True)
    return any(
        (word in GOING_ON and word != ALL)
        or (word == ALL and after in ALL_WITH)
        or word.startswith("продолжа")
        for word, after in pairs
    )
