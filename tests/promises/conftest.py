"""Fixtures the promise tests share."""

import threading

import pytest
from werkzeug import security

import models.staff
from app.auth import services


@pytest.fixture
def hash_checks(monkeypatch):
    """Count every password-hash check, wherever it is made; each still really runs."""
    calls = []
    lock = threading.Lock()

    def counted(stored_hash, password):
        with lock:
            calls.append(stored_hash)
        return security.check_password_hash(stored_hash, password)

    monkeypatch.setattr(services, "check_password_hash", counted)
    monkeypatch.setattr(models.staff, "check_password_hash", counted)
    return calls
