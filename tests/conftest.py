import pytest
from django.contrib.auth import get_user_model

from consent.models import ConsentText, Subject
from consent.purposes import PURPOSES
from consent.texts import current_policy, text_publish


@pytest.fixture
def policy(db):
    return current_policy()


@pytest.fixture
def texts(policy):
    """Version 1 of every purpose's consent text, published."""
    return {
        code: text_publish(ConsentText.objects.create(purpose=code, version=1, policy=policy))
        for code in PURPOSES
    }


@pytest.fixture
def make_subject(db):
    counter = iter(range(1, 10**6))

    def make(**kwargs):
        n = next(counter)
        kwargs.setdefault("full_name", f"Әсел Қасымова {n}")
        kwargs.setdefault("email", f"asel{n}@example.kz")
        kwargs.setdefault("phone", f"+770112345{n:02d}")
        return Subject.objects.create(**kwargs)

    return make


@pytest.fixture
def officer(db):
    """Alice, the privacy officer (a superuser until the roles of issue 9 exist)."""
    return get_user_model().objects.create_superuser("alice", "alice@example.kz", "pw-alice-123456")


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client
