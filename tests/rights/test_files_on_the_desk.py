"""The files an emailed request carried, on the desk. None is kept with the request (the sender
is told so in their answer), and the officer was told nothing: reading «прикладываю
удостоверение» under a letter with no file, they could not know whether one had come."""

import pytest

from consent.rights.intake import ingest

from .test_mail_parts import letter

SAYS = {
    ("kk", 1): "Бұл хатта 1 файл болды. Ол сақталмады",
    ("kk", 2): "Бұл хатта 2 файл болды. Олар сақталмады",
    ("ru", 1): "В этом письме был 1 файл. Вложения не сохранены",
    ("ru", 2): "В этом письме было 2 файла. Вложения не сохранены",
    ("ru", 5): "В этом письме было 5 файлов. Вложения не сохранены",
    ("ru", 21): "В этом письме был 21 файл. Вложения не сохранены",
}


@pytest.mark.parametrize("lang, count", list(SAYS))
def test_the_officer_is_told_the_letter_carried_files_none_kept(desk, person, lang, count):
    ticket = ingest(letter("Удалите мои данные", "Прикладываю удостоверение.", files=count))

    desk.cookies["django_language"] = lang
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert SAYS[lang, count] in " ".join(page.split())


def test_a_letter_without_files_says_nothing_of_them(desk, person):
    ticket = ingest(letter("Удалите мои данные", "Удалите мои данные."))

    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert 'id="files-not-kept"' not in page
