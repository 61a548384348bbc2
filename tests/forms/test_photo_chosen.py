"""A photo over the site's limit, chosen on a phone: the site's message as it is chosen, not
after the upload. A phone's camera writes photos of 10 MB and more; the whole file went over a
slow mobile network, minutes of it, to be refused by the site (or, past the proxy's own limit,
cut off with a page that cannot give back what was typed). The box is emptied and the form still
goes, without the photo (static/js/file-field.js)."""

import pytest

from forms_app.photo_formats import MAX_BYTES
from tests.forms.photos import MESSAGES
from tests.live import query
from tests.pages import submit

pytestmark = [pytest.mark.live, pytest.mark.browser]

TOO_BIG = {"kk": "Фотосуреттің көлемі 5 МБ-тан асады.", "ru": "Размер фото больше 5 МБ."}
ERROR = {"kk": "Қате:", "ru": "Ошибка:"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_photo_over_the_limit_is_refused_as_it_is_chosen(site, phone_tab, lang, tmp_path):
    base, url = site
    big = tmp_path / "IMG_2041.jpg"
    big.write_bytes(b"\xff\xd8\xff\xe0" + bytes(MAX_BYTES))  # one byte a JPEG's start over
    phone_tab.goto(f"{base}/{lang}/apply/")
    phone_tab.set_input_files("#id_photo", str(big))

    note = phone_tab.locator("#id_photo_too_big")
    assert note.get_attribute("role") == "alert"  # a screen reader reads it out at once
    assert " ".join(note.inner_text().split()).startswith(f"{ERROR[lang]} {TOO_BIG[lang]}")
    chosen = phone_tab.locator("#id_photo").evaluate("e => e.files.length")
    assert chosen == 0  # it will not be sent
    assert phone_tab.get_attribute("#id_photo", "aria-invalid") == "true"
    assert phone_tab.get_attribute("#id_photo", "aria-describedby").split()[0] == "id_photo_too_big"

    email = f"chosen-{lang}@example.kz"
    phone_tab.fill("#id_full_name", "Бақыт Ержанов")
    phone_tab.fill("#id_email", email)
    phone_tab.fill("#id_phone", "+7 705 765 43 21")
    phone_tab.fill("#id_birth_date", "17.05.1990")
    phone_tab.fill("#id_birth_place", "Өскемен")
    phone_tab.check("input[name=service][value=demo-1]")
    phone_tab.check("#id_consent_service")
    submit(phone_tab)
    assert phone_tab.url == f"{base}/{lang}/apply/thanks/"
    assert phone_tab.problems == []
    sql = f"SELECT photo FROM consent_submission WHERE data->>'email' = '{email}'"
    assert query(url, sql) == [("",)]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_photo_within_the_limit_chosen_after_one_over_it_is_sent(site, phone_tab, lang, tmp_path):
    base, _ = site
    big, small = tmp_path / "big.jpg", tmp_path / "small.jpg"
    big.write_bytes(b"\xff\xd8\xff\xe0" + bytes(MAX_BYTES))
    small.write_bytes(b"\xff\xd8\xff\xe0" + bytes(1000))
    phone_tab.goto(f"{base}/{lang}/apply/")
    phone_tab.set_input_files("#id_photo", str(big))
    phone_tab.set_input_files("#id_photo", str(small))
    assert phone_tab.locator("#id_photo_too_big").inner_text() == ""
    assert phone_tab.locator("#id_photo").evaluate("e => e.files.length") == 1
    assert phone_tab.get_attribute("#id_photo", "aria-invalid") == "false"
    assert phone_tab.get_attribute("#id_photo", "aria-describedby") == "id_photo_helptext"
    assert "small.jpg" in phone_tab.locator(".file-chosen").inner_text()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_empty_photo_file_is_refused_as_it_is_chosen(site, phone_tab, lang, tmp_path):
    """A phone hands over a file of 0 bytes for a photo still downloading from its cloud: the
    site's own words for it at once, not Django's «The submitted file is empty» after the send."""
    base, _ = site
    empty = tmp_path / "IMG_2042.jpg"
    empty.write_bytes(b"")
    phone_tab.goto(f"{base}/{lang}/apply/")
    phone_tab.set_input_files("#id_photo", str(empty))
    words = " ".join(phone_tab.locator("#id_photo_too_big").inner_text().split())
    assert words == f"{ERROR[lang]} {' '.join(MESSAGES[lang]['empty'].split())}"
    assert phone_tab.locator("#id_photo").evaluate("e => e.files.length") == 0
    assert phone_tab.get_attribute("#id_photo", "aria-invalid") == "true"
    assert phone_tab.problems == []
