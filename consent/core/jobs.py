"""The record of periodic jobs' runs (JobRun): what /healthz judges the jobs by."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from django.utils import timezone

from .models import JobRun

RUNS_KEPT = timedelta(days=30)


@contextmanager
def job_run(job: str) -> Iterator[JobRun]:
    """Record a run of `job` around the block: a success when it ends normally, a failure when
    it raises (the exception goes on). Runs older than RUNS_KEPT are dropped."""
    run = JobRun.objects.create(job=job)
    try:
        yield run
    except BaseException:
        JobRun.objects.filter(pk=run.pk).update(finished_at=timezone.now())
        raise
    run.finished_at, run.succeeded = timezone.now(), True
    run.save(update_fields=["finished_at", "succeeded"])
    JobRun.objects.filter(job=job, started_at__lt=run.started_at - RUNS_KEPT).delete()


def last_run(job: str) -> JobRun | None:
    """The latest run of `job` that went to the end."""
    return JobRun.objects.filter(job=job, succeeded=True).order_by("-finished_at").first()
