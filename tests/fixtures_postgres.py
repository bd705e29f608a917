"""A real, throwaway PostgreSQL server for the session store tests.

`postgres_server` (once per test run) starts a private cluster with initdb + pg_ctl on a free
127.0.0.1 port, with durability switched off because the data dies with the run; the server
refuses to run as root, so as root it runs as the `postgres` OS user. Set
AISLE_TEST_POSTGRES_URL to use an existing server instead (e.g. a CI service container).
`postgres_dsn` gives each test its own schema, so tests never see each other's rows.
The tests skip only when no PostgreSQL server binaries are installed.
"""

from __future__ import annotations

import glob
import logging
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

logger = logging.getLogger(__name__)

SERVER_USER = "postgres"  # the OS user Debian's postgresql package creates


def find_postgres_bindir() -> Path | None:
    """The newest installed server's bin directory (Debian layout first, then PATH), or None."""

    def version(path: str) -> tuple[int, ...]:
        return tuple(int(n) for n in re.findall(r"\d+", path)) or (0,)

    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(str(Path(on_path).parent))
    for bindir in candidates:
        if (Path(bindir) / "initdb").exists() and (Path(bindir) / "pg_ctl").exists():
            return Path(bindir)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(cmd: list[str], *, cwd: Path, what: str, log: Path | None = None) -> None:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        server_log = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
        pytest.fail(
            f"{what} failed ({' '.join(cmd)}):\n{proc.stdout}{proc.stderr}{server_log}", pytrace=False
        )


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """DSN of a superuser connection to a running PostgreSQL server, started here if need be."""
    existing = os.environ.get("AISLE_TEST_POSTGRES_URL")
    if existing:
        yield existing
        return
    bindir = find_postgres_bindir()
    if bindir is None:
        pytest.skip(
            "No PostgreSQL server binaries (initdb, pg_ctl): install them (apt-get install postgresql)"
            " or set AISLE_TEST_POSTGRES_URL"
        )
    root = Path(tempfile.mkdtemp(prefix="aisle-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        try:
            account = pwd.getpwnam(SERVER_USER)
        except KeyError:
            pytest.fail(
                f"Running as root needs an OS user {SERVER_USER!r} to run PostgreSQL: useradd {SERVER_USER}"
            )
        os.chown(root, account.pw_uid, account.pw_gid)
        as_user = ["runuser", "-u", SERVER_USER, "--"]
    data, log = root / "data", root / "server.log"
    _run(
        [
            *as_user,
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            "aisle",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
            "--locale=C",
        ],
        cwd=root,
        what="initdb",
    )
    port = _free_port()
    options = (
        f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
        " -c full_page_writes=off -c max_connections=200"
    )
    _run(
        [
            *as_user,
            str(bindir / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(log),
            "-o",
            options,
            "-w",
            "-t",
            "30",
            "start",
        ],
        cwd=root,
        what="pg_ctl start",
        log=log,
    )
    logger.info("Started throwaway PostgreSQL on 127.0.0.1:%s", port)
    try:
        yield f"postgresql://aisle@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            cwd=root,
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def postgres_dsn(postgres_server: str) -> Iterator[str]:
    """A DSN whose search_path is a fresh, empty schema; the schema is dropped after the test."""
    import psycopg
    from psycopg.conninfo import make_conninfo

    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield make_conninfo(postgres_server, options=f"-csearch_path={schema}")
    finally:
        with psycopg.connect(postgres_server, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
