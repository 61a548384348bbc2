"""Every destruction, and every erasure of a form the nightly retention runs (compliance L5, L13,
L14), asks which other people gave the person's numbers on a form, since what was typed into the
staff sign-in with a number goes with its last holder (sign_ins.py). It read every form ever
sent to find them: a fifth of a second a call at 200,000 forms, once for each form the night
erased. By an index on the form's number, not by reading the forms whole."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from consent.core.models import Guardian, Source, Submission
from consent.rights.erasure import subject_destroy, submission_erase


def _forms_read_whole(run):
    """The queries of `run()` whose plan reads the forms' table whole, as on a large one."""
    with CaptureQueriesContext(connection) as ran:
        run()
    whole = []
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # the plan as on a large table
        for query in ran.captured_queries:
            sql = query["sql"]
            if "consent_submission" not in sql or not sql.lstrip().upper().startswith("SELECT"):
                continue
            cursor.execute(f"EXPLAIN {sql}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
            if "Seq Scan on consent_submission" in plan:
                whole.append(sql)
    return whole


def test_a_destruction_finds_who_else_gave_a_number_by_the_index(texts, make_subject, officer):
    person = make_subject(phone="+77015551122")
    Guardian.objects.create(subject=person, full_name="Гүлнар", contact="+77055558899")
    Submission.objects.create(subject=person, source=Source.APPLICATION_FORM, language="kk",
                              data={"phone": "+77025553344"})  # fmt: skip
    destroy = lambda: subject_destroy(person, request_ref="R-1", actor=officer)  # noqa: E731
    assert _forms_read_whole(destroy) == []


def test_a_forms_erasure_finds_who_else_gave_its_number_by_the_index(texts, make_subject):
    person = make_subject(phone="+77015551122")
    form = Submission.objects.create(subject=person, source=Source.APPLICATION_FORM,
                                     language="kk", data={"phone": "+77025553344"})  # fmt: skip
    erase = lambda: submission_erase(form, reason="achieved", request_ref="retention")  # noqa: E731
    assert _forms_read_whole(erase) == []
