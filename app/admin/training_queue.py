"""Mend's job queue on Redis (RQ), used for training when ``REDIS_URL`` is set.

The web process only enqueues; ``flask --app wsgi jobs worker`` runs the jobs in its own
process. Progress and the outcome are written to the ``training_jobs`` row, not kept in
Redis, so the admin page reads the database as it does without Redis."""

from collections.abc import Callable

from flask import current_app
from redis import Redis
from redis.exceptions import RedisError
from rq import Queue, SimpleWorker
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus

from app.config import REDIS_TIMEOUT_SECONDS

QUEUE_NAME = "mend"
# Far above the longest training measured (bench/RESULTS.md): the limit only stops a
# job that hangs.
JOB_TIMEOUT_SECONDS = 6 * 60 * 60
# What RQ reports for a job that will never run or finish any more.
ENDED = {JobStatus.FINISHED, JobStatus.FAILED, JobStatus.STOPPED, JobStatus.CANCELED}


def queue_enabled() -> bool:
    return bool(current_app.config["REDIS_URL"])


def _queue(*, blocking: bool = False) -> Queue:
    # A web request must not hang on a Redis that stopped answering; the worker waits
    # for jobs on a blocking read and so has no read timeout.
    timeouts = (
        {}
        if blocking
        else {
            "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
            "socket_timeout": REDIS_TIMEOUT_SECONDS,
        }
    )
    connection = Redis.from_url(current_app.config["REDIS_URL"], **timeouts)
    return Queue(QUEUE_NAME, connection=connection)


def queue_job_id(training_job_id: int) -> str:
    return f"training-{training_job_id}"


def enqueue(function: Callable[[int], None], training_job_id: int) -> None:
    """Queue ``function(training_job_id)``; RedisError if Redis cannot take it."""
    _queue().enqueue(
        function,
        training_job_id,
        job_id=queue_job_id(training_job_id),
        job_timeout=JOB_TIMEOUT_SECONDS,
    )


def job_ended(training_job_id: int) -> bool:
    """Whether RQ says the job will not run or finish any more: it failed, was stopped or
    cancelled, finished, or Redis no longer has it. False when Redis cannot be asked."""
    queue = _queue()
    try:
        job = Job.fetch(queue_job_id(training_job_id), connection=queue.connection)
        return job.get_status() in ENDED
    except NoSuchJobError:
        return True
    except RedisError:
        return False


def run_worker(*, burst: bool = False) -> None:
    """Run queued jobs in this process, in the current app context (no fork, so the job
    uses this process's app and database connections as any command does)."""
    queue = _queue(blocking=True)
    SimpleWorker([queue], connection=queue.connection).work(burst=burst)
