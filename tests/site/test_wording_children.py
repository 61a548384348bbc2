"""A mail to a parent or guardian speaks of one child as of one child: «мы прекратили обработку
персональных данных этих детей» / «мына балалардың» reached a mother of one child (most parents
have one), in four sentences of three mails. A sentence about «these children» is chosen only
when more than one child is listed."""

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings

from consent.core.mail import render_mail

TEMPLATES = sorted((Path(settings.BASE_DIR) / "templates" / "email").glob("*.*"))
MANY = re.compile(r"these children|the children's", re.I)
ONE_OR_MANY = "{% if children|length == 1 %}"


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_a_sentence_about_children_is_the_one_for_more_than_one_child(path):
    text = path.read_text()
    for found in MANY.finditer(text):
        before = text[: found.start()]
        chosen = before.rfind(ONE_OR_MANY)
        assert chosen >= 0 and "{% else %}" in before[chosen:], (
            f"{path.name}: «{found.group()}» is said of a single child too"
        )


# (template, whether the parent has a record of their own, what a parent of one child reads)
ONE_CHILD = [
    ("request_unsubscribed", 1, {"kk": "балаға", "ru": "от имени ребёнка"}),
    ("request_unsubscribed", None, {"kk": "балаға", "ru": "от имени ребёнка"}),
    ("request_withdrawn", 1, {"kk": "баланың", "ru": "данных ребёнка"}),
]
MANY_CHILDREN = {"kk": "мына балалар", "ru": "этим детям|этих детей"}


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("template, subject_id, said", ONE_CHILD)
def test_a_parent_of_one_child_reads_of_the_child(template, subject_id, said, language):
    ticket = SimpleNamespace(reference="R-7", is_overdue=False, subject_id=subject_id)
    for names, one in ((["Айгерим"], True), (["Айгерим", "Нұрлан"], False)):
        children = names if template == "request_unsubscribed" else [(n, ["X"]) for n in names]
        context = {"ticket": ticket, "children": children, "purposes": ["X"],
                   "children_purposes": 1}  # fmt: skip
        _, text, html = render_mail(template, context, language=language, subject_line="")
        for body in (text, html):
            assert (said[language] in body) is one, body
            assert bool(re.search(MANY_CHILDREN[language], body)) is not one, body
