"""A reply that changes the request it answers (compliance L7): «Передумала, не доступ, а удалите
мои данные», «Ойымды өзгерттім: қол жеткізу емес, деректерімді жойыңыз» written back to the
confirmation mail. The new request was opened beside the one it changes, which still waited for
its link: two links, one for what the person no longer wants. Said so in the writer's own words,
the new request takes its place (joining.close_replaced); without such words («И ещё удалите
мои данные») it is asked besides, and both stand. Pure text."""

import re

# Changing one's mind, or naming what is asked instead of the request answered: «передумала»,
# «вместо», «не доступ, а удаление», «ойымды өзгерттім», «ойымнан айныдым», «қол жеткізу
# емес, …», «…орнына». Not «не забудьте, а также…», which adds. Read in a casefolded text.
CHANGE = re.compile(
    r"передума|\bвместо\b|\bне\s+(?:\w+\s+){0,2}\w+\s*[,—–-]\s*а\s(?!также|еще|заодно)"
    r"|\bойым\w*\s+(?:өзгер|айн)|\bемес\s*[,—–:;-]|\bорнына\b"
)


def changes_request(text: str) -> bool:
    """Whether the writer says their words change the request they answer, not add to it."""
    return CHANGE.search(text.casefold().replace("ё", "е")) is not None
