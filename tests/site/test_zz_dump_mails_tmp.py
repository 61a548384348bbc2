import pytest
from pathlib import Path
from tests.site.mail_scenarios import SCENARIOS, SECOND_ROUTES
from tests.site.test_mail_language import outcome

pytestmark = pytest.mark.django_db
OUT = Path("/tmp/ed2/mails"); OUT.mkdir(exist_ok=True, parents=True)
ALL = {**{k: (k, v) for k, v in SCENARIOS.items()}, **{f"route-{k}": v for k, v in SECOND_ROUTES.items()}}

@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("name", sorted(ALL))
def test_dump(name, lang, request):
    template, scenario = ALL[name]
    rendered, sent, wrong = outcome(scenario, lang, request)
    with open(OUT / f"{name}.{lang}.txt", "w") as f:
        for to, subject, text, html, headers in sent:
            f.write(f"=== TO {to} SUBJECT: {subject}\n{text}\n\n")
