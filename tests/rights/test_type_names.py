"""A request's type is named in the operator's voice: the confirmation mail, the answers, the
staff's admin and digest and the access export all name it, none of them as the person's own
words. «Мы получили запрос о ваших персональных данных (исправление или обновление моих
данных)» spoke of «your data» and «my data» in one sentence; the officers' desk read «тип
запроса изменён на «уничтожение моих данных»»."""

import re

import pytest
from django.utils import translation

from consent.rights.models import Ticket

from .conftest import Type, mails_to, web_request

# The first person, as a word or (Kazakh) the possessive ending of «деректерім», «my data»
# («мен» alone is also Kazakh's «and»: «жаңалықтар мен ұсыныстар»).
FIRST_PERSON = {
    "kk": re.compile(r"\b(менің|маған|мені|менен|менде|мен туралы)\b|деректерім", re.IGNORECASE),
    "ru": re.compile(r"\b(я|мой|моя|моё|мои|моих|моим|моими|мне|меня|мной)\b", re.IGNORECASE),
}
OFFERED = [t for t in Type.values if t != Type.UNBLOCK]


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("kind", OFFERED)
def test_the_confirmation_mail_names_the_request_in_the_operators_voice(client, person, lang, kind):
    assert web_request(client, lang, kind).status_code == 302
    with translation.override(lang):
        name = str(Ticket(type=kind).asked)  # a withdrawal of every consent, named so
    sentence = mails_to("asel@example.kz")[-1].message.split("\n\n")[1]
    assert f"({name})" in sentence and not FIRST_PERSON[lang].search(sentence), sentence
