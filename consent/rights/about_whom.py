"""Whom a letter is about (compliance L7): the sender, who asks something in the first person
(says_me), or someone else it names (names_someone_else), whose request an officer reads rather
than the intake carrying it out on the sender's record."""

import re

from .spelling import fold, word_set, words

# Words that name someone else the letter is about: «удалите данные моей дочери», «ұлымның
# деректерін жойыңыз», «otpishite muzha». What it asks is not the sender's own request, and is
# for an officer to read rather than carried out on the sender's record (a parent may act for a
# minor, once checked). Russian in every form people write; Kazakh with «my» (-ым, -ім, -м) and
# then nothing, the genitive, the accusative or the dative («ұлым», «ұлымның», «ұлымды», «ұлыма
# қатысты»; «балама» only as "alternative"); a Russian word for children in general only beside
# «my», «our» (MY): «курсы для детей» asks nothing about a child. Folded, see FOLD.
OTHER_PERSON = word_set(
    "сын сына сыну сыном сыне сыновья сыновей дочь доч дочери дочерью дочерей дочка дочки дочке "
    "дочку мать матери мама мамы маме маму отец отца отцу папа папы папе муж мужа мужу жена жены "
    "жене жену брат брата брату сестра сестры сестре сестру бабушка бабушки дедушка дедушки внук "
    "внука внучка внучки атынан"
)
CHILDREN = word_set("ребенок ребенка ребенку ребенком ребенке дети детей детям детьми")
MY = frozenset(map(fold, word_set("мой моя мое моего моей моему мою моим моих моими моем наш "
                                    "наша наше нашего нашей нашему нашу нашим наших нашими "
                                    "нашем")))  # fmt: skip
OTHER_PERSON_KAZAKH = re.compile(
    r"(улы|кызы|балалары|ана|аке|куйеуи|айели|ага|ини|апа|синли|карындасы|немере)м"
    r"(нын|нин|ды|ди|а|е)?|балам(нын|нин|ды|ди)?"
)
# «Me» as the object of a request: «отпишите меня», «не присылайте мне», «мені тізімнен
# шығарыңыз», «маған жібермеңіз» (Latin spellings through words()). Folded, see FOLD.
ME = frozenset(map(fold, word_set("меня мне мени маган")))


def says_me(text: str) -> bool:
    """Whether `text` asks something for its writer in the first person (ME)."""
    return any(fold(word) in ME for word in words(text))


def names_someone_else(text: str) -> bool:
    """Whether `text` names someone else it is written about: a relative (a Kazakh word with
    «my»), «атынан», or children within two words after «my» or «our», or right before (MY)."""
    folded = [fold(word) for word in words(text)]
    for at, word in enumerate(folded):
        if word in OTHER_PERSON or OTHER_PERSON_KAZAKH.fullmatch(word):
            return True
        if word in CHILDREN and MY & {*folded[max(at - 2, 0) : at], *folded[at + 1 : at + 2]}:
            return True
    return False
