"""The forms of a request's verb in which it asks nothing (compliance L7, phrases._position): told
in the past («я отписалась», «вы удалили», «тоқтаттық»), put in the writer's own future
(«отпишусь»), or supposed in the Kazakh conditional («қайтарып алсам»). Pure word functions, one
phrase word against one word of the text (both folded, spelling.fold)."""

import re

# A Russian verb in the past tense reports, it does not ask: «я отписалась от рассылки», «кто-то
# отозвал моё согласие», «вы удалили мои данные». Of an infinitive's phrase word («удалить»,
# «отписаться»), its stem and -л, -ла, -ло, -ли (-ся, -сь): not «удали», which asks; of any
# other (a noun: «отзыв», «отписка»), a vowel and those endings.
PAST_ENDINGS = ("л", "ла", "ло", "ли", "лся", "лась", "лось", "лись")
PAST = re.compile(r"[аеиоуыя]л(а|о|и|ся|ась|ось|ись)?$")
# So does a Kazakh one: its stem, -ды/-ты (folded), a person («тоқтаттық», we stopped; «алдым»);
# or its participle, -ған/-ген («жойғаныңызды», that you deleted); either in the passive too,
# -ыл/-іл («жойылды», «Деректерімнің жойылғаны туралы хабарлаймын»: that my data was deleted),
# which opened a destruction. Not the passive's wish, «деректерім жойылсын» (let it be deleted).
KAZAKH_PAST = r"([ыи]?л)?([дт][ыи](м|к|н|ныз|ныздар|ндар)?|[гк][ае]н\w*)"
# A Russian verb the writer puts in their own future does not ask either. «Отпишусь», «отпишу
# вам завтра» (I will write back), «удалю ваше письмо», «откажусь»: the first person of the
# perfective future, -у or -ю after a consonant, -сь for the reflexive (not the present
# «отзываю», «отписываюсь», which do it as they say it), matched to a phrase's verb («отпишите»)
# or noun («отписка»), though not a noun's own case («отписку»: the phrase word's beginning,
# then -у). Against Russian phrases only: a Kazakh infinitive ends in
# -у too («жою», «тарту»).
OWN_FUTURE = re.compile(r"[^аеиоуыэюяйь][ую](сь)?$")
VERB = re.compile(r"(ть|ться|ти|те)$")  # an infinitive, an imperative
# A Kazakh verb in the conditional supposes, it does not ask: «қайтарып алсам» (if I take back),
# «жойсаңыз» (if you delete). The infinitive's stem, then -са or -се.
CONDITIONAL = ("са", "се")


def supposing(phrase_word, word):
    """Whether `word` is the Kazakh verb `phrase_word` (an infinitive in -у) in the conditional."""
    stem = phrase_word[:-1]
    return (
        phrase_word.endswith("у")
        and len(stem) >= 2
        and word.startswith(stem)
        and word[len(stem) : len(stem) + 2] in CONDITIONAL
    )


def reported(phrase_word, word):
    """Whether `word` is the verb `phrase_word` stands for in the past (PAST, KAZAKH_PAST)."""
    if word == phrase_word:
        return False
    if phrase_word.endswith("у") and re.fullmatch(re.escape(phrase_word[:-1]) + KAZAKH_PAST, word):
        return True
    infinitive = re.fullmatch(r"(.+)(ть|ться)", phrase_word)
    if infinitive:
        return any(word == infinitive[1] + ending for ending in PAST_ENDINGS)
    return PAST.search(word) is not None


def own_act(phrase_word, word):
    """Whether `word` is the Russian word `phrase_word` stands for as the writer's own future act
    (OWN_FUTURE)."""
    if word == phrase_word:
        return False
    if not OWN_FUTURE.search(word):
        return False
    # A noun's own case in -у is the phrase word but its ending (two letters at most), then -у:
    # «отписку», «услугу» (of «услугах»); not «удалю» of «удаление».
    stem = word.removesuffix("сь")[:-1]
    own_case = phrase_word.startswith(stem) and len(stem) >= len(phrase_word) - 2
    return bool(VERB.search(phrase_word)) or not own_case
