"""The states a row can be in, each set in one place."""

from enum import StrEnum


class TrainingState(StrEnum):
    """A training job's way: ``queued`` (waiting in Redis for a worker, only with
    ``REDIS_URL``), ``running``, then ``done`` or ``failed``."""

    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
