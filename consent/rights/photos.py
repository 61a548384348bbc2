"""A photo of the writer asked deleted (compliance L7; Art. 6 of Law 94-V): «Удалите мою
фотографию», «Суретімді өшіріңіз». The site keeps the photos people send with its forms and
shows them; deleting one is what «Удалите мою фотографию с сайта» asks, a publication's removal,
due in one working day (the phrases of migrations rights.0035, 0063, 0064). Without «с сайта»
it opened "other", due in fifteen.

But a letter that asks to destroy the data as well, «Прошу удалить мою анкету и фотографию»,
«Удалите мои данные и фотографию», asks more: the destruction removes the photo with the rest.
The two phrases share their verb, and the one reaching further, the photo's, took it: the letter
opened the photo's removal, the rest of the data kept. The destruction is opened instead."""

from .models import Ticket
from .phrases import find

Type = Ticket.Type


def or_destroyed(table: list, found: list, text: str) -> list:
    """`found` (phrases.Match), a publication's removal replaced by the destruction `text` also
    names (phrases.find over the table's destructions), when it does."""
    if not any(match.phrase.kind == Type.PUBLICATION_REMOVAL for match in found):
        return found
    if any(match.phrase.kind == Type.DESTROY for match in found):
        return [match for match in found if match.phrase.kind != Type.PUBLICATION_REMOVAL]
    destroyed = find([phrase for phrase in table if phrase.kind == Type.DESTROY], text)
    if destroyed is None:
        return found
    return [destroyed if m.phrase.kind == Type.PUBLICATION_REMOVAL else m for m in found]
