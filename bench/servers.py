"""Start and stop real server processes on loopback for benches and tests: app servers, PostgreSQL.

Every process gets a free 127.0.0.1 port, a log file, and is killed (with its children) on exit,
so a failing bench or test never leaves servers behind.
"""
from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class ServerProcess:
    """A child process serving HTTP on 127.0.0.1:port."""

    name: str
    proc: subprocess.Popen
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log_tail(self, chars: int = 3000) -> str:
        return self.log.read_text(errors="replace")[-chars:] if self.log.exists() else ""

    def wait_ready(self, path: str, *, timeout_s: float = 240.0) -> None:
        """Poll `path` until it answers 200; raise with the server's log if it exits or never does."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                if httpx.get(self.url + path, timeout=2.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"{self.name} not ready on {self.url}{path} after {timeout_s:.0f} s:\n{self.log_tail()}")

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Signal the whole process group (uvicorn workers, llama.cpp threads) and reap it."""
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=15)


def spawn(name: str, cmd: list[str], *, env: Mapping[str, str], port: int, log_dir: Path) -> ServerProcess:
    log_dir.mkdir(parents=True, exist_ok=True)
    log = log_dir / f"{name}.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=dict(env), stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
    return ServerProcess(name, proc, port, log)


def app_env(base: Mapping[str, str] | None = None, **aisle: str) -> dict[str, str]:
    """This environment plus AISLE_* overrides, with the repo importable and no hub downloads."""
    env = dict(os.environ if base is None else base)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.update({"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False"})
    env.update({k: str(v) for k, v in aisle.items()})
    return env


@contextlib.contextmanager
def app_servers(count: int, env: Mapping[str, str], *, log_dir: Path, timeout_s: float = 240.0,
                driver: bool = True) -> Iterator[list[ServerProcess]]:
    """`count` app servers, same environment, own ports: app.py's app plus the bench driver's staff
    routes (bench/app_driver.py), or with `driver=False` a plain `python app.py`."""
    cmd = [sys.executable, "-m", "bench.app_driver"] if driver else [sys.executable, "app.py"]
    servers: list[ServerProcess] = []
    try:
        for i in range(count):
            port = free_port()
            server_env = dict(env, AISLE_HOST="127.0.0.1", AISLE_PORT=str(port))
            servers.append(spawn(f"app-{chr(ord('a') + i)}", cmd, env=server_env, port=port, log_dir=log_dir))
        for server in servers:
            server.wait_ready("/healthz", timeout_s=timeout_s)
        yield servers
    finally:
        for server in servers:
            server.kill(signal.SIGTERM)


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[str]:
    """A private PostgreSQL cluster for a bench run (the test suite's fixture, outside pytest)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from fixtures_postgres import postgres_server

    with contextlib.contextmanager(postgres_server.__wrapped__)() as dsn:
        yield dsn


@contextlib.contextmanager
def llama_server(*, log_dir: Path, threads: int = 2, ctx: int = 4096,
                 timeout_s: float = 300.0) -> Iterator[ServerProcess]:
    """llama.cpp's OpenAI-compatible server (llama-cpp-python[server]) serving the packaged Qwen GGUF.

    Raises RuntimeError naming the fix when llama-cpp-python is not installed (scripts/llama_wheel.sh).
    """
    import importlib.util

    if importlib.util.find_spec("llama_cpp") is None or importlib.util.find_spec("sse_starlette") is None:
        raise RuntimeError("llama-cpp-python[server] is not installed: run scripts/llama_wheel.sh")
    from assistant.generation import model_files
    from assistant.settings import default_model_cache_dir

    gguf = model_files.ensure_gguf(default_model_cache_dir(), model_files.QWEN_CODER_05B)
    port = free_port()
    cmd = [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--model_alias", "qwen2.5-0.5b",
           "--host", "127.0.0.1", "--port", str(port), "--n_ctx", str(ctx), "--n_threads", str(threads),
           "--n_threads_batch", str(threads)]
    server = spawn("llama-server", cmd, env=app_env(), port=port, log_dir=log_dir)
    try:
        server.wait_ready("/v1/models", timeout_s=timeout_s)
        yield server
    finally:
        server.kill()
