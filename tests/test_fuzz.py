"""Issue 5, quality bar T20: any input gives errors or exactly one submission, never a 500."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from consent.models import Submission

from .conftest import aged_token

KAZAKH = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
WEIRD = "\u200b\u200d\u200e\u200f\u202e\ufeff\x00\n\r\t<>\"'&%;"
alphabet = st.characters(codec="utf-8") | st.sampled_from(KAZAKH + WEIRD + "абвгд АБВ .-")
long_text = st.builds(
    lambda c, n: c * n, st.sampled_from("ә\u200bA\x00"), st.integers(9_000, 10_500)
)
weird_text = st.text(alphabet, max_size=60) | long_text
valid = {
    "full_name": st.sampled_from(["Әсел Қасымова", "Иван Петров", "Ұлан"]),
    "email": st.sampled_from(["a@example.kz", "b.c@mail.kz"]),
    "phone": st.sampled_from(["8 701 123 45 67", "+7 (705) 765-43-21"]),
    "message": st.sampled_from(["Сәлем!", "Вопрос"]),
    "birth_date": st.sampled_from(["1990-01-01", "01.02.1985"]),
    "birth_place": st.sampled_from(["Өскемен", "Семей"]),
    "service": st.sampled_from(["Кеңес"]),
    "consent_service": st.sampled_from(["on"]),
    "consent_marketing": st.sampled_from(["on", ""]),
}
FIELDS = {
    "contact": ["full_name", "email", "phone", "message", "consent_service", "consent_marketing"],
    "apply": [
        "full_name",
        "email",
        "phone",
        "message",
        "birth_date",
        "birth_place",
        "service",
        "consent_service",
        "consent_marketing",
    ],
    "newsletter": ["email", "full_name", "consent_marketing"],
}


def form_data(kind):
    return st.fixed_dictionaries(
        {name: valid[name] | weird_text if name in valid else weird_text for name in FIELDS[kind]}
    )


@pytest.mark.parametrize("kind", FIELDS)
def test_fuzzed_forms_never_fail(texts, kind, settings):
    settings.FORM_RATE_LIMIT = "1000000/60"
    client = Client(raise_request_exception=False)

    @hsettings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
    @given(data=form_data(kind), lang=st.sampled_from(["kk", "ru"]))
    def post(data, lang):
        before = Submission.objects.count()
        response = client.post(f"/{lang}/{kind}/", {**data, "token": aged_token()})
        assert response.status_code in (200, 302), response.status_code
        after = Submission.objects.count()
        if kind == "newsletter":
            assert after == before  # nothing is stored before the double opt-in
        elif response.status_code == 302:
            assert after == before + 1
        else:
            assert after == before
            assert 'class="error-summary"' in response.content.decode()

    post()
