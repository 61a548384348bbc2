"""The forms of a request's verb in which it asks nothing (compliance L7, phrases._position): told
in the past («я отписалась», «вы удалили», «тоқтаттық»), put in the writer's own future
(«отпишусь»), or supposed in the Kazakh conditional («қайтарып алсам»). Pure word functions, one
phrase word against one word of the text (both folded, spelling.fold); and whose a «не» is."""

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
# Followed by the auxiliary of ability or possibility, a Kazakh phrase says that it can be done,
# as «можно», «могу» and «можете» do: «кері қайтарып ала аламын» (I can take it back: the consent
# text's words), «ала аласыз» (you can: our acknowledgement's), «қайтарып алуға болады» (it may
# be). Pasted back into a letter, each withdrew every consent as it arrived. Ability follows a
# converb (-а, -е, -я: «ала», «жоя»), not «қайтарып аламын» (I take it back), which does it;
# possibility a verbal noun's dative («алуға»). The phrase's own «ала» or «алуға» may stand between.
# Asked, or asked of us politely («жоя аласыз ба?»), it still asks.
ABLE = re.compile(r"^ала(мын|мыз|сыз|сын|ды|сыздар)$")
TAKEN = re.compile(r"^ал(а|уга)$")
# Kazakh negates a verb inside it: «тартамын» / «тартпаймын», «жіберіңіз» / «жібермеңіз». A
# phrase's verb (in the infinitive, ending in -у, or the polite imperative, -ңыз, -ңыздар, -шы)
# and a word that part where one of them has a negation syllable are different words, never a
# slip: «жазбаңыз» (do not write) read «жазған» (wrote) with one letter wrong, and «Мен сізге
# кеше жазған едім» unsubscribed the writer. Nouns are left alone: «хабарлама» is made with -ма.
NEGATION_SYLLABLES = ("ма", "ме", "ба", "бе", "па", "пе")
KAZAKH_VERB = re.compile(r"(?:у|[ын]ыз(?:дар)?|[ин]из(?:дер)?|ш[ыи])$")
# A negated Kazakh imperative or infinitive asks us not to; the same verb in the past tells
# what was not done, the writer's own act as often as not: «Маған жазбаңыз» (do not write to me)
# asks, «Мен жазбадым, бұл қате» (I did not write, this is a mistake), «ештеңе жазбағанмын» and
# «Сіз маған хат жібермедіңіз» (you sent me no letter) unsubscribed the writer. The past tense
# and participle suffixes right after the negation (not the verbal noun's accusative, «жоюды»,
# after the whole of «жою»). A verb not negated is left to the rules of what is reported:
# «Деректерімді жаңарттым» (I updated my data) still asks to correct them.
KAZAKH_PAST_AT = re.compile(r"[дт][ыи]|[гк][ае]н")


def kazakh_other_form(phrase_word, word, parting):
    """Whether `word`, sharing its first `parting` letters with the Kazakh verb `phrase_word`
    (KAZAKH_VERB), is that verb negated where the phrase's is not or the other way round
    (NEGATION_SYLLABLES), or in the past (KAZAKH_PAST_AT): another word, however alike."""
    if not KAZAKH_VERB.search(phrase_word) or parting < 2:
        return False
    negated = phrase_word[parting : parting + 2] in NEGATION_SYLLABLES
    if negated != (word[parting : parting + 2] in NEGATION_SYLLABLES):
        return True
    return (
        4 <= parting < len(phrase_word)
        and phrase_word[parting - 2 : parting] in NEGATION_SYLLABLES  # «do not»: «did not»
        and KAZAKH_PAST_AT.match(word, parting) is not None
    )


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


def able_after(words, clauses):
    """Whether `words`, a phrase's last word and those after it (`clauses`: the clause of each),
    go on in that word's clause with the auxiliary of ability or possibility (ABLE, «болады»),
    after «ала» or «алуға» or not."""
    seen = [word for word, clause in zip(words[:3], clauses, strict=False) if clause == clauses[0]]
    seen = seen[1:] if len(seen) == 3 and TAKEN.match(seen[1]) else seen[:2]
    if len(seen) < 2:
        return False
    able = ABLE.match(seen[1]) and seen[0].endswith(("а", "е", "я"))
    return bool(able) or (seen[1] == "болады" and seen[0].endswith(("га", "ге", "ка", "ке")))


def present(phrase_word, word):
    """Whether `word` is the present tense («присылаете», «отправляете»: what the reader does)
    of the Russian imperative `phrase_word` («присылайте»): «Вы мне не присылаете рассылку»
    complains that none comes, it asks no stop. Folded."""
    return phrase_word.endswith("йте") and word.endswith("ете")


def negates_another(tokens, at, start):
    """Whether the «не» at tokens[at] negates another verb than the phrase's starting at
    tokens[start]: its object moved before its verb (word_order.moved), the object stands after a
    verb of its own that the «не» reaches first (VERB). «Не удаляйте мои данные, заблокируйте их»:
    the «не» is «удаляйте»'s, the block of «данные … заблокируйте» is asked. Not when the phrase
    begins with its verb: «Не спешите удалять данные» asks no deletion."""
    if tokens[at] not in ("не", "ни") or VERB.search(tokens[start]):
        return False
    return any(map(VERB.search, tokens[at + 1 : start]))
