"""Settings come from the environment; a bad value stops start-up with a clear message."""

import pytest

from app.config import ConfigError, load_config


def test_numbers_are_read_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("POSTS_PER_PAGE", "12")
    monkeypatch.setenv("HOLD_THRESHOLD", "0.7")
    config = load_config(tmp_path)
    assert config["POSTS_PER_PAGE"] == 12 and config["HOLD_THRESHOLD"] == 0.7


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("POSTS_PER_PAGE", "twelve", "POSTS_PER_PAGE must be a whole number, not 'twelve'"),
        ("HOLD_THRESHOLD", "high", "HOLD_THRESHOLD must be a number, not 'high'"),
        ("ADDRESS_HASH_DAYS", "0", "ADDRESS_HASH_DAYS must be at least 1 (days), not 0"),
        (
            "ADDRESS_RETENTION_DAYS",
            "-3",
            "ADDRESS_RETENTION_DAYS must be at least 1 (days), not -3",
        ),
    ],
)
def test_a_bad_number_is_refused_by_name(monkeypatch, tmp_path, name, value, message):
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as refused:
        load_config(tmp_path)
    assert str(refused.value) == message


def test_every_setting_has_its_default_here(monkeypatch, tmp_path):
    for name in (
        "SCREENER_CHECK_SECONDS",
        "TRAINING_CORPUS_PATH",
        "MODEL_CACHE_PATH",
        "TRAINING_HEARTBEAT_SECONDS",
        "REDIS_URL",
    ):
        monkeypatch.delenv(name, raising=False)
    config = load_config(tmp_path)
    assert config["SCREENER_CHECK_SECONDS"] == 2.0
    assert config["TRAINING_CORPUS_PATH"] is None  # the bundled corpus
    assert config["MODEL_CACHE_PATH"] == tmp_path / "default_model.bin"
    assert config["TRAINING_HEARTBEAT_SECONDS"] == 10.0
    assert config["REDIS_URL"] is None  # training in the web process, no queue


def test_screening_and_training_paths_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SCREENER_CHECK_SECONDS", "0.5")
    monkeypatch.setenv("TRAINING_CORPUS_PATH", str(tmp_path / "corpus.csv"))
    monkeypatch.setenv("MODEL_CACHE_PATH", str(tmp_path / "cache" / "model.bin"))
    monkeypatch.setenv("TRAINING_HEARTBEAT_SECONDS", "3")
    config = load_config(tmp_path)
    assert config["SCREENER_CHECK_SECONDS"] == 0.5
    assert config["TRAINING_CORPUS_PATH"] == str(tmp_path / "corpus.csv")
    assert config["MODEL_CACHE_PATH"] == tmp_path / "cache" / "model.bin"
    assert config["TRAINING_HEARTBEAT_SECONDS"] == 3.0


def test_the_card_cache_is_in_memory_unless_redis_is_set(monkeypatch, tmp_path):
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.delenv("POST_CARD_SECONDS", raising=False)
    config = load_config(tmp_path)
    assert config["CACHE_TYPE"] == "SimpleCache" and config["CACHE_DEFAULT_TIMEOUT"] == 300
    monkeypatch.setenv("REDIS_URL", "redis://cache.internal:6379/0")
    monkeypatch.setenv("POST_CARD_SECONDS", "60")
    config = load_config(tmp_path)
    assert config["CACHE_TYPE"] == "RedisCache"
    assert config["CACHE_REDIS_URL"] == "redis://cache.internal:6379/0"
    assert config["CACHE_DEFAULT_TIMEOUT"] == 60
    assert config["CACHE_OPTIONS"]["socket_timeout"] == 1.0
