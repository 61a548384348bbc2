"""A consent text is the person's own statement: «Мен, …, келісім беремін» / «Я, …, даю
согласие». It said so in its first line and then spoke to the person as «Сіз» / «Вы» (the
purpose's description, its term, the way to withdraw: «Сіз осы келісімді … кері қайтарып ала
аласыз»). Every line the site writes into it is in the first person or in none; a published
text keeps the words it was published with, and only its next version says them otherwise."""

import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from consent.core.models import ConsentText
from consent.core.purposes import MARKETING, PURPOSES
from consent.core.texts import current_text, render_consent, sha256

# «Сіз» in any case, and the second person's possessive (-ңыз, -ңіз, with a case ending after
# it): «өтініміңізге», «алғаныңызға». «маңызды» is a word of its own.
KAZAKH_YOU = re.compile(r"\bсіз\w*|\w*(ңыз|ңіз)\w*", re.IGNORECASE)
RUSSIAN_YOU = re.compile(r"\b(вы|вас|вам|вами|ваш\w*)\b", re.IGNORECASE)
YOU = {"kk": KAZAKH_YOU, "ru": RUSSIAN_YOU}
FIRST_PERSON = {"kk": "Мен, Әсел Қасымова,", "ru": "Я, Әсел Қасымова,"}


def second_person(text, lang):
    return [m.group(0) for m in YOU[lang].finditer(text) if "маңыз" not in m.group(0).lower()]


def test_the_rule_finds_the_second_person_and_nothing_else():
    for text in ["Сіз осы келісімді", "сіздің алдыңыздағы", "өтініміңізге жауап беру",
                 "алғаныңызға дейін", "Сізге"]:  # fmt: skip
        assert second_person(text, "kk"), text
    for text in ["Вы можете", "перед вами", "ваше обращение", "уведомлять вас"]:
        assert second_person(text, "ru"), text
    for text in ["Мен осы келісімді кері қайтарып ала аламын", "маңызды", "оператордың маған"]:
        assert not second_person(text, "kk"), text
    assert not second_person("Я могу отозвать; обязательство передо мной", "ru")


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("purpose", list(PURPOSES))
def test_a_consent_text_speaks_in_the_first_person_throughout(texts, purpose, lang):
    body = render_consent(texts[purpose], lang, "Әсел Қасымова").replace("\N{NO-BREAK SPACE}", " ")
    assert body.startswith(FIRST_PERSON[lang])
    assert not second_person(body, lang), body
    withdraw = {"kk": "кері қайтарып ала аламын", "ru": "Я могу в любое время отозвать"}
    assert withdraw[lang] in body


# Line 8 of version 1 of the texts as they were published before, in the second person.
EARLIER = {
    "kk": "Сіз осы келісімді кез келген уақытта",
    "ru": "Вы можете в любое время отозвать настоящее согласие",
}


def published_before(policy, purpose, version):
    """A text published in the second person: the bodies of before, frozen with their hashes."""
    bodies = {}
    for lang, old in EARLIER.items():
        new = {"kk": "Мен осы келісімді кез келген уақытта",
               "ru": "Я могу в любое время отозвать настоящее согласие"}[lang]  # fmt: skip
        bodies[lang] = ConsentText.objects.get(purpose=purpose, version=1).body(lang)
        bodies[lang] = bodies[lang].replace("\N{NO-BREAK SPACE}", " ")
        bodies[lang] = bodies[lang].replace(new, old)
        assert old in bodies[lang]
    return ConsentText.objects.create(
        purpose=purpose, version=version, policy=policy, published_at=timezone.now(),
        facts=ConsentText.objects.get(purpose=purpose, version=1).facts,
        data_names=ConsentText.objects.get(purpose=purpose, version=1).data_names,
        body_kk=bodies["kk"], body_ru=bodies["ru"],
        sha256_kk=sha256(bodies["kk"]), sha256_ru=sha256(bodies["ru"]),
    )  # fmt: skip


def test_the_demo_follows_a_text_in_the_second_person_with_its_next_version(texts, policy):
    """`make run` on a demo database made before: load_demo publishes the next version, in
    the first person; the one published before, which consents were given to, is unchanged."""
    before = published_before(policy, MARKETING, 2)
    call_command("load_demo", stdout=io.StringIO())
    newer = current_text(MARKETING)
    assert newer.version == 3 and not newer.requires_reconsent
    for lang in ("kk", "ru"):
        assert not second_person(render_consent(newer, lang, "Әсел Қасымова"), lang)
    kept = ConsentText.objects.get(pk=before.pk)
    assert (kept.body_kk, kept.sha256_kk, kept.body_ru) == (before.body_kk, before.sha256_kk,
                                                             before.body_ru)  # fmt: skip
    call_command("load_demo", stdout=io.StringIO())  # in the first person now: nothing more
    assert current_text(MARKETING).version == 3
