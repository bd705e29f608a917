"""`python app.py` with a small JSON driver for staff mounted beside it, for the cluster bench and tests.

    AISLE_GENERATOR=none AISLE_DATABASE_URL=postgresql://... python -m bench.app_driver

The app is the one `app.py` serves (same settings, same Assistant, same Gradio widget, staff
console and public API). Shoppers use the public API (`POST /api/v1/chat`, see docs/api.md);
staff have no public API (they work in the Gradio console), so the driver adds, under `/_driver/`,
what a program needs to act as staff without a browser:

    GET  /_driver/queue                                     -> the staff console's rows
    POST /_driver/staff/{take_over|hand_back|reply}  {"session_id", "staff", "text"?}
    GET  /_driver/search?q=...                              -> product ids the retriever finds

Session ids here are the signed ids the public API hands out. Clients reach these routes only
through `bench/load_client.py`. Never expose this driver: it has no staff login and binds to
loopback only.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

    from assistant.core import Assistant
    from assistant.web.auth import SessionSigner

logger = logging.getLogger("aisle.bench.driver")

LOOPBACK = ("127.0.0.1", "::1", "localhost")


def build(env: Mapping[str, str] | None = None) -> tuple["FastAPI", Any, "Assistant"]:
    """The app as app.py builds it (after the start-up check), plus the driver routes in front of it."""
    from assistant import Assistant
    from assistant.settings import Settings
    from assistant.web.auth import SessionSigner, load_secret_key
    from assistant.web.server import WebSettings, create_app

    settings = Settings.from_env(env)
    settings.check()  # an unreachable PostgreSQL or model server stops the start here, naming the fix
    web = WebSettings.from_env(env)
    if web.host not in LOOPBACK:
        raise SystemExit(f"The bench driver has no login: serve it on 127.0.0.1, not {web.host}")
    generator = None if settings.generator.lower() in ("none", "template") else "auto"
    bot = Assistant.from_defaults(settings=settings, generator=generator)
    app = create_app(bot, web)
    router = driver_router(bot, SessionSigner(load_secret_key(web.env, web.data_dir)))  # the app's key
    app.router.routes[:0] = router.routes  # before the widget, which is mounted at "/" and takes every path
    return app, web, bot


def driver_router(bot: "Assistant", signer: "SessionSigner"):
    from fastapi import APIRouter, HTTPException

    from assistant.web.staff import StaffConsole

    console = StaffConsole(bot)
    router = APIRouter(prefix="/_driver")

    def session_of(token: str | None) -> str:
        sid = signer.session_of(token)
        if sid is None:
            raise HTTPException(404, "unknown or unsigned session id")
        return sid

    @router.get("/queue")
    def queue() -> list[dict]:
        return [{"session_id": signer.token(s.session_id), "mode": s.mode, "held_by": s.held_by,
                 "turn_count": s.turn_count} for s in console.rows()]

    @router.post("/staff/{action}")
    def staff(action: str, body: dict) -> dict:
        sid, me = session_of(body.get("session_id")), body.get("staff") or "Staff"
        if action == "take_over":
            detail = console.take_over(sid, me)
        elif action == "hand_back":
            detail = console.hand_back(sid, me)
        elif action == "reply":
            detail = console.reply(sid, body.get("text") or "", me)
        else:
            raise HTTPException(404, f"unknown staff action {action!r}")
        return {"ok": bool(getattr(detail, "ok", False)), "notice": detail.notice}

    @router.get("/search")
    def search(q: str, k: int = 10) -> list[str]:
        return [hit.product.id for hit in bot.retriever.search(q, k=k)]

    return router


def main() -> None:
    import uvicorn

    logging.basicConfig(level=os.environ.get("AISLE_LOG_LEVEL", "WARNING"),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app, web, _ = build()
    print(f"aisle driver on http://{web.host}:{web.port}/_driver", flush=True)
    uvicorn.run(app, host=web.host, port=web.port, log_level="warning", timeout_graceful_shutdown=5)


if __name__ == "__main__":
    main()
