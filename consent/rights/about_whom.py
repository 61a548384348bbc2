"""Whom a letter is about (compliance L7): the sender, who asks something in the first person
(says_me), or someone else it names (names_someone_else), whose request an officer reads rather
than the intake carrying it out on the sender's record."""

import re

from .spelling import fold, word_set, words

# Words that name someone else the letter is about: «удалите данные моей дочери», «ұлымның
# деректерін жойыңыз», «otpishite muzha», «пишу за бабушку». What it asks is not the sender's own
# request, and is for an officer to read rather than carried out on the sender's record (a
# parent may act for a minor, once checked). Russian in every case (a list of forms missed the
# accusative «бабушку», «дедушку», the instrumental «мамой», «мужем», and the withdrawal «пишу за
# бабушку» ended the sender's consents); Kazakh with «my» (-ым, -ім, -м) and then nothing, the
# genitive, the accusative or the dative («ұлым», «ұлымның», «ұлымды», «ұлыма қатысты»; «балама»
# only as "alternative"); a Russian word for children in general only beside «my», «our» (MY):
# «курсы для детей» asks nothing about a child. Folded, see FOLD; whole words only; «доч» is
# «doch» in Latin letters.
OTHER_PERSON = re.compile(
    r"сын(а|у|ом|е|овья|овей|овьям|овьями)?|доч(ь|ери|ерью|ерей|ерям|ерями|ка|ки|ке|ку|кой)?"
    r"|мать|матер(и|ью|ей|ям|ями)|отец|отц(а|у|ом|е)|родител(и|ей|ям|ями|ях)"
    r"|(мам|пап|бабушк|дедушк|внучк|сестр|жен|племянниц)(а|ы|е|у|ой|ою|и)"
    r"|(тет|дяд)(я|и|е|ю|ей)|(муж|брат|внук|супруг|племянник)(а|у|ом|ем|е|и|ов|ья|ьям|ьев)?"
    r"|атынан"
)
CHILDREN = word_set("ребенок ребенка ребенку ребенком ребенке дети детей детям детьми")
MY = frozenset(map(fold, word_set("мой моя мое моего моей моему мою моим моих моими моем наш "
                                    "наша наше нашего нашей нашему нашу нашим наших нашими "
                                    "нашем")))  # fmt: skip
OTHER_PERSON_KAZAKH = re.compile(
    r"(улы|кызы|балалары|ана|аке|куйеуи|айели|ага|ини|апа|синли|карындасы|немере)м"
    r"(нын|нин|ды|ди|а|е)?|балам(нын|нин|ды|ди)?"
)
# Whose data: «удалите её данные», «его персональные данные», «оның деректерін жойыңыз» (his,
# her, their, two words at most before what the operator holds). Folded, see FOLD.
THIRD_PERSON = frozenset({"ее", "его", "их", "онын", "олардын"})
HELD = ("данн", "персональн", "анкет", "контакт", "номер", "телефон", "деректер", "жеке", "дербес")
# «Me» as the object of a request: «отпишите меня», «не присылайте мне», «мені тізімнен
# шығарыңыз», «маған жібермеңіз» (Latin spellings through words()). Folded, see FOLD.
ME = frozenset(map(fold, word_set("меня мне мени маган")))


def says_me(text: str) -> bool:
    """Whether `text` asks something for its writer in the first person (ME)."""
    return any(fold(word) in ME for word in words(text))


def names_someone_else(text: str) -> bool:
    """Whether `text` names someone else it is written about: a relative (a Kazakh word with
    «my»), «атынан», children within two words after «my» or «our», or right before (MY), or
    data that is his, hers or theirs (THIRD_PERSON)."""
    folded = [fold(word) for word in words(text)]
    for at, word in enumerate(folded):
        if OTHER_PERSON.fullmatch(word) or OTHER_PERSON_KAZAKH.fullmatch(word):
            return True
        if word in CHILDREN and MY & {*folded[max(at - 2, 0) : at], *folded[at + 1 : at + 2]}:
            return True
        if word in THIRD_PERSON and any(w.startswith(HELD) for w in folded[at + 1 : at + 3]):
            return True
    return False
