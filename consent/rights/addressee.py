"""The reader a letter addresses by name is no one its request is about (compliance L7).

Russian and Kazakh letters call the officer by name: «Анна, удалите мои данные», «Удалите, Анна,
мои данные», «Удалите мои данные, Анна Петровна.», «Құрметті Анна, деректерімді жойыңыз». A
vocative stands apart in commas: at the sentence's start before a comma or «!», between two
commas, or after a comma at the sentence's end. Read as whose data («удалите … Анна» after the
request's verb: about_whom.first_name_named) it sent the writer's own destruction to an officer
as someone else's. A name that is told by its place to be someone's stays so: «удалите данные
Ерлана» (no comma), «Я, Иванов Иван, прошу…» (the writer: about_whom.WRITER)."""

import re

# What stands before a vocative: the sentence's start, or a mark that ends a clause.
OPENS = re.compile(r"(^|[,!?.:;—–(])\s*$")
# What stands after it: a comma or «!» (a clause goes on, or the greeting ends).
CLOSES = re.compile(r"^\s*[,!]")
# At the sentence's end, after a comma: «Удалите мои данные, Анна.».
ENDS = re.compile(r"^\s*([.!?…)]|$)")


def addressed(text: str, start: int, end: int, *, own: bool, surnamed: bool = False) -> bool:
    """Whether the name written at text[start:end] addresses the reader: it stands apart in
    commas (OPENS, CLOSES), or after a comma at the sentence's end of a request about the
    writer's `own` data (ENDS: «Отпишите, пожалуйста, Ерлана.» asks for Ерлан). At the
    sentence's start a name with a surname (`surnamed`) is rather the writer naming themselves
    («Ерлан Асқаров, прошу удалить мои данные»), as a signature: not the reader."""
    before, after = text[:start], text[end:]
    if not OPENS.search(before):
        return False
    if surnamed and not before.strip():
        return False
    if CLOSES.match(after):
        return True
    return own and before.rstrip().endswith(",") and bool(ENDS.match(after))
