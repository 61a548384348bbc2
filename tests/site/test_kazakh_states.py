"""What became of something, said in Kazakh in one form wherever the states stand together: the
index's chart of requests read «мерзімінде жауап берілді» beside «жабылды, жауап берілмеген»,
the register «жауап берілді» over «жауап берілмеген», a person's consents «берілді» over
«берілмеген»: a finite verb for what happened beside a participle that names a state. Each
list's states end their clauses on a finite verb, «берілмеді», «әлі жіберілген жоқ»."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext, pgettext

# The labels a screen shows side by side (a legend, a column's values, a page's table).
SHOWN_TOGETHER = {
    "the index's chart of a week's requests": [
        ("what became of requests", "received"), "answered on time", "answered late",
        "closed, not answered", "still open",
    ],
    "the register's and the exports' answer column": [
        "answered on time", "answered late", "not answered",
        "not answered, its due date has passed",
    ],
    "a consent's state on the person's page": [
        "given", "given, but not used while the block lasts", "not given",
    ],
    "a notice's state in the breach register": ["sent", "sent late", "not sent yet"],
    "a request opened from a letter passed on": [
        "no confirmation link sent", "forwarded, no link was sent: can be closed",
        "a letter about the visit statistics, no link was sent: can be closed",
        "possible breach, no link was sent: can be closed",
        "no data held, no link was sent: can be closed", "no link was sent",
    ],
}  # fmt: skip
# A clause ending on a participle, «берілмеген», «алынған», «жіберілген»: a state named, not said.
PARTICIPLE_LAST = re.compile(r"\w+(?:ген|ған|кен|қан)$")


def said(label):
    return pgettext(*label) if isinstance(label, tuple) else gettext(label)


@pytest.mark.parametrize("screen", SHOWN_TOGETHER)
def test_states_shown_together_end_on_a_finite_verb_in_kazakh(screen):
    with translation.override("kk"):
        labels = [said(label) for label in SHOWN_TOGETHER[screen]]
    clauses = [c.strip() for label in labels for c in re.split(r"[,:;()]", label) if c.strip()]
    assert not [c for c in clauses if PARTICIPLE_LAST.search(c)], labels
    untranslated = [key for label, key in zip(labels, SHOWN_TOGETHER[screen], strict=True)
                    if label == key]  # fmt: skip
    assert not untranslated, untranslated
