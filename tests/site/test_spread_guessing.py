"""Compliance T6: password guesses at one staff account spread over many addresses.

Axes locks a username at one address after five failures; a guesser with a new address for
every five guesses was never stopped. Past SIGN_IN_ACCOUNT_FAILURE_LIMIT failures from all
addresses within the cool-off, the account takes no password from an address it never signed
in from (emalu/lockout.py), and its staff still sign in from where they did before."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from consent.core.models import AuditEvent
from tests.site.language import counted
from tests.staff import signed_in

PASSWORD = "correct-horse-battery-1"

PAUSED = {
    "kk": (
        "Кіру уақытша жабық",
        counted("бұрын кірген қосылымнан ғана кіруге болады"),
    ),
    "ru": (
        "Вход временно закрыт",
        counted("войти в\xa0неё можно только с\xa0подключения, с\xa0которого в\xa0неё уже входили"),
    ),
}


@pytest.fixture
def staff(db, settings):
    settings.SIGN_IN_ACCOUNT_FAILURE_LIMIT = 20
    return User.objects.create_user("bob", "bob@example.kz", PASSWORD, is_staff=True)


def code(user, step=0):
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="test", confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + step * device.step
    return f"{totp.token():06d}"


WRONG_CODE = "123456"


def login(ip, password, token=WRONG_CODE, lang="ru"):
    data = {"username": "bob", "password": password, "otp_token": token, "next": "/admin/"}
    return Client(headers={"accept-language": lang}).post("/admin/login/", data, REMOTE_ADDR=ip)


def guess_from_four_addresses(path="/admin/login/"):
    """Twenty wrong passwords: five from each of four addresses, each locked by axes at its
    fifth."""
    for network in range(4):
        for _ in range(5):
            data = {"username": "bob", "password": "wrong", "otp_token": WRONG_CODE}
            Client().post(path, data, REMOTE_ADDR=f"203.0.113.{network + 1}")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_fifth_address_with_the_right_password_and_code_is_not_let_in(staff, lang, caplog):
    token = code(staff)
    guess_from_four_addresses()
    attempts, failures = AccessAttempt.objects.count(), AuditEvent.objects.count()
    response = login("198.51.100.9", PASSWORD, token, lang)
    page = response.content.decode()
    assert response.status_code == 429 and all(text in page for text in PAUSED[lang])
    assert response["Retry-After"] == "3600"
    # no password was checked: nothing counted, no audit row, no session
    assert (AccessAttempt.objects.count(), AuditEvent.objects.count()) == (attempts, failures)
    assert "_auth_user_id" not in response.wsgi_request.session
    refused = [r for r in caplog.records if r.name == "emalu.security" and "many" in r.message]
    assert len(refused) == 1 and "bob" not in refused[0].getMessage()


def test_fewer_failures_leave_every_address_open(staff):
    token = code(staff)
    for network in range(3):
        for _ in range(5):
            login(f"203.0.113.{network + 1}", "wrong")
    assert login("198.51.100.9", PASSWORD, token).status_code == 302


def test_the_staff_member_still_signs_in_from_where_she_did_before(staff):
    """The pause never shuts the owner out from a connection she used: locking the account at
    every address would let anyone do that."""
    signed_in(Client(REMOTE_ADDR="192.0.2.10"), staff, PASSWORD)
    guess_from_four_addresses()
    assert login("192.0.2.10", PASSWORD, code(staff, step=1)).status_code == 302


def test_the_pause_ends_with_the_cool_off(staff, time_machine):
    time_machine.move_to("2026-03-02 09:00:00+05:00", tick=False)
    guess_from_four_addresses()
    assert login("198.51.100.9", PASSWORD, code(staff)).status_code == 429
    time_machine.move_to("2026-03-02 10:00:01+05:00", tick=False)
    assert login("198.51.100.9", PASSWORD, code(staff)).status_code == 302


def test_the_enrolment_page_does_not_open_its_code_step_to_a_spread_guess(staff):
    """An account with no authenticator yet: the enrolment page's code step lets whoever gave
    the password set up their own authenticator, so a guess that found it took the account."""
    guess_from_four_addresses("/admin/enrol/")
    assert AccessAttempt.objects.filter(username="bob").count() == 4
    client = Client()
    response = client.post("/admin/enrol/", {"username": "bob", "password": PASSWORD},
                           REMOTE_ADDR="198.51.100.9")  # fmt: skip
    assert response.status_code == 429
    assert not TOTPDevice.objects.filter(user=staff).exists()
    page = client.get("/admin/enrol/", REMOTE_ADDR="198.51.100.9").content.decode()
    assert "data:image/svg+xml" not in page
