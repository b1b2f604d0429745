"""The production stack is configured from the environment: caches, media storage, gunicorn, `make serve`."""

import json
import os
import runpy
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "fcrin_site.settings.production",
    "DJANGO_SECRET_KEY": "a-production-like-secret-" + "x" * 40,
    "DJANGO_ALLOWED_HOSTS": "presse.fcrin.example",
}
SETTINGS_NAMES = ["CACHES", "STORAGES", "SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE"]


def run_with_production_settings(code, setup=True, **env):
    base_env = {
        k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "MEDIA_S3_BUCKET", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    result = subprocess.run(
        [sys.executable, "-c", ("import django; django.setup()\n" if setup else "") + code],
        cwd=ROOT,
        env={**base_env, **PRODUCTION_ENV, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def production_settings(**env):
    # The settings module alone: importing an optional storage backend is the servers' job, not this test's.
    code = (
        "import importlib, json; s = importlib.import_module('fcrin_site.settings.production')\n"
        f"print(json.dumps({{n: getattr(s, n) for n in {SETTINGS_NAMES!r}}}))"
    )
    return json.loads(run_with_production_settings(code, setup=False, **env))


def redis_is_up():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


def test_without_redis_production_shares_files_between_its_processes(tmp_path):
    caches = production_settings(DJANGO_CACHE_DIR=str(tmp_path))["CACHES"]

    # Never one process's memory: every worker and publish_scheduled must see the same generation.
    assert {caches["default"]["BACKEND"], caches["renditions"]["BACKEND"]} == {
        "django.core.cache.backends.filebased.FileBasedCache"
    }
    assert {caches["default"]["LOCATION"], caches["renditions"]["LOCATION"]} == {
        str(tmp_path / "default"),
        str(tmp_path / "renditions"),
    }


def test_redis_url_puts_the_default_and_renditions_caches_in_redis():
    caches = production_settings(REDIS_URL="redis://cache.internal:6379/2")["CACHES"]

    assert caches["default"]["BACKEND"] == caches["renditions"]["BACKEND"] == "django_redis.cache.RedisCache"
    assert caches["default"]["LOCATION"] == caches["renditions"]["LOCATION"] == "redis://cache.internal:6379/2"
    assert caches["default"]["KEY_PREFIX"] != caches["renditions"]["KEY_PREFIX"]


@pytest.mark.skipif(not redis_is_up(), reason="no Redis on 127.0.0.1:6379")
def test_redis_caches_round_trip_through_a_real_server():
    code = (
        "from django.core.cache import caches\n"
        "caches['default'].set('probe', 'page'); caches['renditions'].set('probe', 'rendition')\n"
        "print(caches['default'].get('probe'), caches['renditions'].get('probe'))\n"
        "caches['default'].delete('probe'); caches['renditions'].delete('probe')"
    )
    output = run_with_production_settings(code, REDIS_URL="redis://127.0.0.1:6379/15", CACHE_KEY_PREFIX="fcrin-test")

    assert output.split() == ["page", "rendition"]


def test_media_storage_switches_to_s3_by_configuration_only():
    local = production_settings()["STORAGES"]
    s3 = production_settings(MEDIA_S3_BUCKET="fcrin-media", MEDIA_S3_ENDPOINT_URL="https://s3.fr-par.scw.cloud")
    s3 = s3["STORAGES"]

    assert local["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert local["renditions"]["BACKEND"] == "fcrin_site.storage.RenditionStorage"
    assert s3["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert s3["default"]["OPTIONS"]["bucket_name"] == "fcrin-media"
    assert s3["default"]["OPTIONS"]["endpoint_url"] == "https://s3.fr-par.scw.cloud"
    # Renditions keep their random names in the same bucket.
    assert s3["renditions"] == {
        "BACKEND": "fcrin_site.storage_s3.S3RenditionStorage",
        "OPTIONS": s3["default"]["OPTIONS"],
    }


def test_https_hardening_is_on_unless_turned_off_by_the_environment():
    hardened = production_settings()
    loopback = production_settings(DJANGO_SECURE_SSL_REDIRECT="0", DJANGO_SECURE_COOKIES="0")

    assert hardened["SECURE_SSL_REDIRECT"] and hardened["SESSION_COOKIE_SECURE"] and hardened["CSRF_COOKIE_SECURE"]
    assert not (loopback["SECURE_SSL_REDIRECT"] or loopback["SESSION_COOKIE_SECURE"] or loopback["CSRF_COOKIE_SECURE"])


def test_gunicorn_takes_workers_and_timeouts_from_the_environment(monkeypatch):
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    monkeypatch.setenv("GUNICORN_TIMEOUT", "45")
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))

    assert config["workers"] == 3
    assert config["timeout"] == 45
    assert config["accesslog"] == "-"
    # Requests are read in an event loop, and Django serves them through ASGI (tests/test_slow_clients.py).
    assert (config["worker_class"], config["wsgi_app"]) == ("fcrin_site.workers.Worker", "fcrin_site.asgi:application")


def test_make_serve_runs_gunicorn_with_production_settings_after_collectstatic_and_migrate():
    dry_run = subprocess.run(
        ["make", "--dry-run", "--always-make", "serve"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    commands = [
        line for line in dry_run.splitlines() if "DJANGO_SETTINGS_MODULE=fcrin_site.settings.production" in line
    ]

    assert [c.split("manage.py ")[-1].split()[0] for c in commands[:2]] == ["collectstatic", "migrate"]
    # Then, with the same settings exported, the task worker beside gunicorn (stopped with it).
    assert len(commands) == 3 and commands[2].startswith("export ")
    assert "manage.py db_worker --backend background &" in commands[2]
    assert commands[2].rstrip().endswith("gunicorn --config gunicorn.conf.py")
    assert all("DJANGO_SECURE_SSL_REDIRECT=${DJANGO_SECURE_SSL_REDIRECT:-0}" in c for c in commands)


def test_the_benchmark_baseline_view_exists_only_when_a_setting_enables_it(client, db):
    assert client.get("/bench/bare/", follow=True).status_code == 404
    output = run_with_production_settings(
        "from django.test import Client; print(Client().get('/bench/bare/').content.decode())",
        DJANGO_BENCH_VIEWS="1",
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DATABASE_URL="sqlite:///:memory:",
    )
    assert output.strip() == "ok"


def test_on_sqlite_production_connections_use_wal_and_take_the_write_lock_up_front(tmp_path):
    output = run_with_production_settings(
        "from django.db import connection\n"
        "with connection.cursor() as cursor:\n"
        "    cursor.execute('PRAGMA journal_mode')\n"
        "    print(cursor.fetchone()[0], connection.transaction_mode)",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )

    assert output.split() == ["wal", "IMMEDIATE"]


def test_production_refuses_persistent_connections_which_threads_of_the_asgi_server_would_leak():
    assert "CACHES" in production_settings(DATABASE_CONN_MAX_AGE="0")
    result = subprocess.run(
        [sys.executable, "-c", "import importlib; importlib.import_module('fcrin_site.settings.production')"],
        cwd=ROOT,
        env={**os.environ, **PRODUCTION_ENV, "DATABASE_CONN_MAX_AGE": "60"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "DATABASE_CONN_MAX_AGE must be 0" in result.stderr
