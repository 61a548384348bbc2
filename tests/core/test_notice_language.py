"""The language of notices to an address (consent.core.staff.address_language), read on every
form sent, in one query where a shared mailbox took two: the active staff member's who holds
it, the one who signed in last if several do; for a mailbox no one holds, the staff's when they
all read one, else Kazakh."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from consent.core.models import StaffProfile
from consent.core.staff import address_language

pytestmark = pytest.mark.django_db


def member(name, language, *, email=None, active=True, staff=True, days_ago=None):
    user = User.objects.create_user(name, email or f"{name}@example.kz", is_active=active,
                                    is_staff=staff)  # fmt: skip
    if days_ago is not None:
        User.objects.filter(pk=user.pk).update(last_login=timezone.now() - timedelta(days_ago))
    StaffProfile.objects.create(user=user, language=language)


@pytest.mark.parametrize(
    ("staff", "address", "language"),
    [
        ([("asel", "kk"), ("boris", "ru")], "boris@example.kz", "ru"),
        ([("asel", "kk"), ("boris", "ru")], "Boris@Example.KZ", "ru"),  # as typed in a setting
        ([("asel", "ru"), ("boris", "ru")], "desk@example.kz", "ru"),  # shared: all read Russian
        ([("asel", "kk"), ("boris", "ru")], "desk@example.kz", "kk"),  # shared, both: the site's
        ([], "desk@example.kz", "kk"),
    ],
)
def test_notices_go_in_the_holders_or_the_staffs_language(
    staff, address, language, django_assert_num_queries
):
    for name, lang in staff:
        member(name, lang)
    with django_assert_num_queries(1):
        assert address_language(address) == language


def test_of_several_holders_the_one_who_signed_in_last(django_assert_num_queries):
    member("asel", "kk", email="desk@example.kz", days_ago=3)
    member("boris", "ru", email="desk@example.kz", days_ago=1)
    member("dana", "kk", email="desk@example.kz")  # never signed in: last of all
    with django_assert_num_queries(1):
        assert address_language("desk@example.kz") == "ru"


def test_a_holder_who_left_or_is_no_staff_is_not_asked():
    member("asel", "ru", active=False)
    member("boris", "ru", staff=False)
    member("dana", "kk")
    assert address_language("asel@example.kz") == "kk"  # Dana, the only staff reader
