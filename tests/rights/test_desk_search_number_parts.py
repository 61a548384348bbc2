"""A number the caller gives with a slip or in part finds whose it may be: «8 701 123 45 6» (a
digit left out), «123 45 67» (without its code). It was searched as a name: no one found, and a
note about words of a name shorter than three letters, so the officer could tell a caller that
nothing was held about them. Found in part, the page says it is in part: the whole number is
checked with the person."""

import pytest

SUBJECTS = "/admin/consent/subject/"
IN_PART = {"kk": "Бұл толық телефон нөмірі емес", "ru": "Это не\u00a0полный номер телефона"}
SHORT_WORD = {"kk": "үш әріптен қысқа", "ru": "короче трёх букв"}


def searched(desk, term, lang):
    desk.cookies["django_language"] = lang
    response = desk.get(SUBJECTS, {"q": term})
    assert response.status_code == 200
    return list(response.context["cl"].result_list), [str(m) for m in response.context["messages"]]


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("term", ["8 701 123 45 6", "870112345", "+7 701 123 45 6", "123 45 67",
                                  "(701) 123-45"])  # fmt: skip
def test_a_number_given_in_part_or_a_digit_short_finds_its_holder(
    desk, person, make_subject, term, lang
):
    make_subject(full_name="Айгүл Сейітова", email="aigul@example.kz", phone="+77027654321")
    people, said = searched(desk, term, lang)
    assert people == [person]
    assert any(IN_PART[lang] in text for text in said)
    assert not any(SHORT_WORD[lang] in text for text in said)


def test_a_part_in_another_scripts_digits_is_read_as_the_forms_read_them(desk, person):
    """Digits of another script (Arabic-Indic, full-width), which a form's number is read in
    (core.phones.phone_digits), were compared as typed and found no one."""
    for term in ("\u0668 \u0667\u0660\u0661 \u0661\u0662\u0663 \u0664\u0665 \u0666",
                 "\uff18\uff17\uff10\uff11\uff11\uff12\uff13\uff14\uff15"):  # fmt: skip
        people, said = searched(desk, term, "ru")
        assert people == [person]
        assert any(IN_PART["ru"] in text for text in said)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_digits_no_number_holds_find_no_one_and_say_why(desk, person, lang):
    people, said = searched(desk, "8 701 123 45 678", lang)
    assert people == []
    assert any(IN_PART[lang] in text for text in said)
    assert not any(SHORT_WORD[lang] in text for text in said)


def test_a_few_digits_are_no_ones_number(desk, person):
    """Four digits are in too many numbers to say whose: searched as before, they find no one."""
    people, _said = searched(desk, "4567", "ru")
    assert people == []


@pytest.mark.parametrize("term", ["8 7О1 123 45 67", "+7 7O1 123 45 67", "8 7о1 123 45 6"])
def test_a_letter_o_typed_for_a_zero_is_read_as_one(desk, person, term):
    """Cyrillic or Latin, from a keyboard's other layout or a number copied as written: read as
    a name, it found no one, with the note about short words of a name."""
    people, said = searched(desk, term, "ru")
    assert people == [person]
    assert not any(SHORT_WORD["ru"] in text for text in said)


def test_a_name_of_letters_o_is_still_a_name(desk, make_subject):
    """«ООО» (an LLP's «ТОО»'s Russian cousin) has no digit to be a number by."""
    holder = make_subject(full_name="ООО Арман", email="arman@example.kz", phone="+77051112233")
    for term in ("ООО", "ооооо"):  # as many letters O as a number's part has digits
        people, said = searched(desk, term, "ru")
        assert people == [holder]
        assert not any(IN_PART["ru"] in text for text in said)
