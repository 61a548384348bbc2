"""The audit log's details, as the officer reads them on a row's page: they were the raw JSON the
code wrote («{"type": "access", "channel": "web"}»), English codes in a Kazakh or Russian admin.
Now each key the code writes has a label in kk and ru and each value is in words; a key without
a label is still shown; the row itself is never changed."""

import ast
import inspect
import pathlib
from datetime import UTC, datetime

import pytest

from consent.core.admin.details import LABELS
from consent.core.audit import audit
from consent.core.models import AuditEvent

ROOT = pathlib.Path(__file__).resolve().parents[2]
# Arguments of the audit calls that are not details: audit()'s own, whatever it gains.
NOT_DETAILS = {name for name, p in inspect.signature(audit).parameters.items()
               if p.kind is not p.VAR_KEYWORD}  # fmt: skip
# The calls that pass their keyword arguments into an audit row's details.
AUDITING = {"audit", "audit_row", "disclosure_record", "ticket_create", "ticket_open",
            "ticket_close"}  # fmt: skip
DETAIL_ARGUMENTS = {"detail", "audit_detail", "change"}


def written_keys():
    """Every detail key the code writes: keyword arguments of audit(), audit_row() and
    disclosure_record(), the keys of the dicts handed to them (`detail=`, `audit_detail=`,
    `**{...}`), and the calendar change recount.py writes."""
    keys = set()
    for path in [*ROOT.joinpath("consent").rglob("*.py"), *ROOT.joinpath("emalu").rglob("*.py"),
                 *ROOT.joinpath("forms_app").rglob("*.py")]:  # fmt: skip
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
                names = {getattr(t, "id", "") for t in node.targets}
                if names & {"detail", "change", "audit_detail"}:
                    for inner in ast.walk(node.value):  # «{**earlier, **({"files": n} if n …)}»
                        if isinstance(inner, ast.Dict):
                            keys |= {k.value for k in inner.keys if isinstance(k, ast.Constant)}
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in AUDITING:
                continue
            for keyword in node.keywords:
                if name in {"audit", "audit_row", "disclosure_record"} and keyword.arg:
                    keys.add(keyword.arg)
                value = keyword.value
                if (keyword.arg in DETAIL_ARGUMENTS or keyword.arg is None) and isinstance(
                    value, ast.Dict
                ):
                    keys |= {k.value for k in value.keys if isinstance(k, ast.Constant)}
                for inner in ast.walk(value):
                    if isinstance(inner, ast.Dict) and keyword.arg in (*DETAIL_ARGUMENTS, None):
                        keys |= {k.value for k in inner.keys if isinstance(k, ast.Constant)}
    return keys - NOT_DETAILS


def test_every_key_the_code_writes_has_a_label():
    keys = written_keys()
    assert {"type", "channel", "old_due", "calendar_change", "guardian_of"} <= keys  # it reads
    assert keys - set(LABELS) == set()


@pytest.mark.parametrize("language, shown", [
    ("kk", ["Өтініш түрі", "деректерге қол жеткізу", "Келіп түсу арнасы", "сайттағы форма",
            "Алдыңғы мерзім", "02.12.2026", "Жұмыс күні", "иә", "Алынған", "03.12.2026 15:30",
            "Өзгертілген деректер", "аты-жөні", "mystery_key", "42"]),
    ("ru", ["Тип запроса", "доступ к\xa0данным", "Канал поступления", "веб-форма",
            "Прежний срок", "02.12.2026", "Рабочий день", "да", "Получено", "03.12.2026 15:30",
            "Изменённые данные", "ФИО", "mystery_key", "42"]),
])  # fmt: skip
def test_an_audit_rows_details_read_in_the_officers_language(
    privacy_officer_client, language, shown
):
    event = audit(
        AuditEvent.Action.REQUEST_OPEN, type="access", channel="web", old_due="2026-12-02",
        working_day=True, received=datetime(2026, 12, 3, 10, 30, tzinfo=UTC).isoformat(),
        fields=["full_name"], mystery_key=42,
    )  # fmt: skip
    stored = dict(AuditEvent.objects.get(pk=event.pk).detail)
    privacy_officer_client.cookies["django_language"] = language
    page = privacy_officer_client.get(f"/admin/consent/auditevent/{event.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    for text in shown:
        assert text in html, text
    assert "&quot;type&quot;" not in html and '"channel"' not in html
    # Only shown: the append-only row is as it was written.
    assert AuditEvent.objects.get(pk=event.pk).detail == stored


@pytest.mark.parametrize("language, shown", [
    ("kk", "Кесте: айлар бойынша өтініштер"),
    ("ru", "Таблица: запросы по месяцам"),
])  # fmt: skip
def test_a_statistics_download_names_its_table_in_words(privacy_officer_client, language, shown):
    """Each statistics table is a download of its own (rights/statistics.py): its audit row
    says which, in the officer's words, not the code «requests»."""
    privacy_officer_client.cookies["django_language"] = language
    privacy_officer_client.get("/admin/rights/ticket/statistics-requests.csv")
    event = AuditEvent.objects.get(action=AuditEvent.Action.STATISTICS_EXPORT)
    page = privacy_officer_client.get(f"/admin/consent/auditevent/{event.pk}/change/")
    assert shown in page.content.decode()


def test_every_russian_label_names_a_thing():
    """A label says what the value is, as a column does: «изменение: изменено», «причина: …».
    «change» was translated as the verb of a button, and an edit of a phrase or of the
    calendar read «Изменить: изменено». A label's first word is never an infinitive, which ends
    in «-ть», «-ти» or «-чь» (a noun may too: none of the labels begins with one)."""
    from django.utils import translation

    with translation.override("ru"):
        labels = {key: str(label) for key, label in LABELS.items()}
    verbs = {key: label for key, label in labels.items()
             if label.split()[0].endswith(("ть", "ти", "чь"))}  # fmt: skip
    assert verbs == {}
