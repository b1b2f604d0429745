"""Real processes for tests/test_processes.py: a database, gunicorn, an editor, and the public channels.

Everything runs as ``make serve`` runs it: production settings, with only the HTTPS-only and secret
settings relaxed (the Makefile's ``SERVE_ENV``), against a database of its own.
"""

import http.client
import json
import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
SERVE_ENV = {
    "DJANGO_SETTINGS_MODULE": "fcrin_site.settings.production",
    "DJANGO_SECRET_KEY": f"processes-test-only-{secrets.token_hex(24)}",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DJANGO_SECURE_SSL_REDIRECT": "0",
    "DJANGO_SECURE_COOKIES": "0",
    "DJANGO_HSTS_SECONDS": "0",
    "DJANGO_SERVE_MEDIA": "1",
}
# Only what finds programs and files: a variable of the test run's own environment must not choose
# a cache, a database or a setting for the deployment.
INHERITED = ["PATH", "HOME", "TMPDIR", "LANG", "LC_ALL"]
START_TIMEOUT = 60
COMMAND_TIMEOUT = 300


def environment(**variables):
    inherited = {name: os.environ[name] for name in INHERITED if name in os.environ}
    return {**inherited, **SERVE_ENV, **variables}


def manage(env, *args, timeout=COMMAND_TIMEOUT):
    """``manage.py <args>`` in a process of its own; its output is given in the error when it fails."""
    done = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if done.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done.stdout


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with its workers, serving the site as ``make serve`` does."""

    def __init__(self, env, log_path, workers=3):
        self.port = free_port()
        self.log_path = log_path
        env = {**env, "WEB_CONCURRENCY": str(workers), "GUNICORN_BIND": f"127.0.0.1:{self.port}"}
        env["GUNICORN_ACCESS_LOG"] = ""
        with open(log_path, "w") as log:
            # No control socket: every gunicorn of the host would share the same default path.
            self.process = subprocess.Popen(
                [GUNICORN, "--config", "gunicorn.conf.py", "--no-control-socket"],
                cwd=PROJECT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait_until_ready(self):
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}:\n{self.log()}")
            try:
                if get(self.port, "/robots.txt").status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer within {START_TIMEOUT} s:\n{self.log()}")

    def log(self):
        return Path(self.log_path).read_text()[-4000:]

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Editor:
    """tests/process_editor.py in a ``manage.py shell`` process of its own; ``do(action, **kwargs)`` runs one action."""

    def __init__(self, env, log_path):
        self.log_path = log_path
        with open(log_path, "w") as log:
            self.process = subprocess.Popen(
                [PYTHON, "manage.py", "shell", "--no-imports", "-c", "from tests.process_editor import main; main()"],
                cwd=PROJECT,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
            )

    def do(self, action, **kwargs):
        self.process.stdin.write(json.dumps({"action": action, "kwargs": kwargs}) + "\n")
        self.process.stdin.flush()
        for line in self.process.stdout:
            if line.startswith("REPLY "):
                reply = json.loads(line.removeprefix("REPLY "))
                if "error" in reply:
                    raise RuntimeError(f"editor: {action} failed:\n{reply['error']}")
                return reply["result"]
        raise RuntimeError(f"the editor exited during {action}:\n{Path(self.log_path).read_text()[-4000:]}")

    def stop(self):
        self.process.stdin.close()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body


def get(port, path):
    """One anonymous GET on a connection of its own (``Connection: close``), as a new visitor makes it."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Connection": "close", "Host": "localhost"})
        response = connection.getresponse()
        return Answer(response.status, dict(response.getheaders()), response.read())
    finally:
        connection.close()
