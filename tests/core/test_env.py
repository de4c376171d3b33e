import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from vahti.env import Env, database_config


def test_booleans_refuse_typos():
    with pytest.raises(ImproperlyConfigured, match="DEBUG='ture' is not a boolean"):
        Env({"DEBUG": "ture"}).bool("DEBUG", default=False)
    assert Env({"DEBUG": "Yes"}).bool("DEBUG", default=False) is True


def test_lists_refuse_empty_items():
    with pytest.raises(ImproperlyConfigured, match="empty item"):
        Env({"ALLOWED_HOSTS": "a.fi,,b.fi"}).list("ALLOWED_HOSTS")
    assert Env({"ALLOWED_HOSTS": "a.fi, b.fi"}).list("ALLOWED_HOSTS") == ["a.fi", "b.fi"]


def test_secret_can_come_from_a_file(tmp_path):
    secret = tmp_path / "key"
    secret.write_text("from-file\n")
    assert Env({"SECRET_KEY_FILE": str(secret)}).str("SECRET_KEY") == "from-file"
    with pytest.raises(ImproperlyConfigured, match="not both"):
        Env({"SECRET_KEY": "a", "SECRET_KEY_FILE": str(secret)}).str("SECRET_KEY")
    with pytest.raises(ImproperlyConfigured, match="cannot be read"):
        Env({"SECRET_KEY_FILE": str(tmp_path / "missing")}).str("SECRET_KEY")


def test_database_url_names_what_is_wrong():
    with pytest.raises(ImproperlyConfigured, match="scheme 'mysql'"):
        database_config("mysql://x@localhost/db")
    assert database_config("postgres://u@127.0.0.1:5432/vahti")["NAME"] == "vahti"


def test_sqlite_in_a_missing_folder_is_refused_with_its_path(tmp_path):
    missing = tmp_path / "var"
    with pytest.raises(ImproperlyConfigured, match=f"points into '{missing}', which is not"):
        database_config(f"sqlite:///{missing}/ci.sqlite3")
    missing.mkdir()
    assert database_config(f"sqlite:///{missing}/ci.sqlite3")["NAME"] == f"{missing}/ci.sqlite3"


def start(**env):
    """Import the settings in a fresh interpreter with exactly these variables."""
    clean = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG"}}
    return subprocess.run(
        [sys.executable, "-c", "import vahti.settings"],
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_start_up_without_secret_key_fails_when_debug_is_off():
    result = start(DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY (or SECRET_KEY_FILE) must be set when DEBUG is off" in result.stderr


def test_start_up_refuses_wildcard_hosts_in_production():
    result = start(DEBUG="false", SECRET_KEY="x" * 50, ALLOWED_HOSTS="*")
    assert "ALLOWED_HOSTS=* is refused" in result.stderr


def test_start_up_refuses_a_bad_redis_url():
    result = start(DEBUG="true", REDIS_URL="localhost:6379")
    assert "REDIS_URL='localhost:6379' must start with redis://" in result.stderr


def test_start_up_succeeds_with_good_values():
    result = start(
        DEBUG="false",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="vahti.example.org",
        DATABASE_URL="postgres://u@127.0.0.1/vahti",
        REDIS_URL="redis://127.0.0.1:6379/1",
    )
    assert result.returncode == 0, result.stderr
