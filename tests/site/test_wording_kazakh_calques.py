"""Kazakh words lent a meaning by Russian or English that they do not have in Kazakh, read in every
kk entry of the catalogue (as tests/site/test_wording_kazakh.py's rules), so that the next
string with the same calque fails here."""

import re

from tests.site.test_wording_letters import entries, texts

# «Access» as a permission is «рұқсат» («Кіруге рұқсат жоқ», «кіру құқығы»): «қолжетімділік» is
# accessibility or availability, Russian's «доступность», and the 403 page was headed
# «Қолжетімділік жоқ» for «Доступ запрещён» (no accessibility). «Қолжетімді» (open to all, as
# «жалпыға қолжетімді дереккөздер») and «қол жеткізу» (to access data) are right.
ACCESSIBILITY = re.compile(r"\bқолжетімділі[кг]\w*", re.IGNORECASE)
# A browser sends a cookie back to the site that set it: «кері жібереді». «Қайтару» is to give
# back what was borrowed or to undo: the refusal of a form said the browser «did not return»
# the site's cookie («cookie файлын қайтармады», Russian's «не вернул»).
COOKIE_RETURNED = re.compile(r"cookie\s+(файл\w*\s+)?қайтар\w*", re.IGNORECASE)


def test_access_refused_is_not_accessibility():
    bad = [text for entry in entries("kk") for text in texts(entry) if ACCESSIBILITY.search(text)]
    assert not bad, bad
    assert ACCESSIBILITY.search("Қолжетімділік жоқ")
    assert not ACCESSIBILITY.search("Кіруге рұқсат жоқ; жалпыға қолжетімді дереккөздер")


def test_a_browser_sends_a_cookie_back():
    bad = [text for entry in entries("kk") for text in texts(entry)
           if COOKIE_RETURNED.search(text)]  # fmt: skip
    assert not bad, bad
    assert COOKIE_RETURNED.search("осы сайттың cookie файлын қайтармады")
    assert not COOKIE_RETURNED.search("осы сайттың cookie файлын кері жібермеді")
