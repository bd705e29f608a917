"""One ASGI app: the shopper widget at `/`, the staff console at `/staff`, the HTTP API at `/api/v1`,
embed files at `/widget/`.

    settings = WebSettings.from_env()
    app = create_app(Assistant.from_defaults(), settings)
    uvicorn.run(app, host=settings.host, port=settings.port)
"""
from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.settings import default_data_dir
from assistant.web.auth import SessionSigner, StaffAuth, is_production, load_secret_key

if TYPE_CHECKING:
    import gradio as gr
    from fastapi import FastAPI

    from assistant.core import Assistant

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"
STAFF_PATH = "/staff"
WIDGET_PATH = "/widget"  # embed.js, the demo shop page (Gradio keeps /static and /assets for itself)
SYSTEM_FONTS = ("system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial",
                # Chinese text where the system UI font has none (installed fonts only; nothing is downloaded)
                "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "sans-serif")


@dataclass
class WebSettings:
    """What the web app reads from the environment (the assistant's own settings live in `Settings`)."""

    host: str = "127.0.0.1"
    port: int = 7860
    production: bool = False
    data_dir: Path = field(default_factory=default_data_dir)
    env: Mapping[str, str] = field(default_factory=dict)  # AISLE_STAFF_USERS*, AISLE_SECRET_KEY
    poll_seconds: float = 1.0  # how often an open widget checks for staff messages
    send_concurrency: int = 4  # answers streamed at once (a local model serialises them anyway)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "WebSettings":
        """AISLE_HOST, AISLE_PORT, AISLE_ENV, AISLE_DATA_DIR, AISLE_POLL_SECONDS, AISLE_WEB_CONCURRENCY."""
        env = dict(os.environ if env is None else env)
        s = cls(env=env, production=is_production(env))
        s.host = env.get("AISLE_HOST") or s.host
        try:
            s.port = int(env.get("AISLE_PORT") or s.port)
            s.poll_seconds = float(env.get("AISLE_POLL_SECONDS") or s.poll_seconds)
            s.send_concurrency = int(env.get("AISLE_WEB_CONCURRENCY") or s.send_concurrency)
        except ValueError as exc:
            raise ValueError(f"AISLE_PORT, AISLE_POLL_SECONDS and AISLE_WEB_CONCURRENCY must be numbers ({exc})") \
                from None
        if env.get("AISLE_DATA_DIR"):
            s.data_dir = Path(env["AISLE_DATA_DIR"]).expanduser()
        return s


def theme() -> "gr.themes.Base":
    """A light, system-font theme: no web fonts to download, and no dark variant to fight the shop's page."""
    import gradio as gr

    t = gr.themes.Base(primary_hue=gr.themes.colors.emerald, neutral_hue=gr.themes.colors.slate,
                       radius_size=gr.themes.sizes.radius_lg, font=list(SYSTEM_FONTS),
                       font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"])
    t.set(body_background_fill="#f6f7f9", block_border_width="0px", block_shadow="none",
          button_primary_background_fill="#0f766e", button_primary_background_fill_hover="#115e59",
          button_primary_text_color="#ffffff", input_background_fill="#ffffff", input_border_width="1px",
          input_border_color="#cbd5e1", input_border_color_focus="#0f766e", block_label_text_color="#475569")
    for name in list(vars(t)):
        if name.endswith("_dark") and hasattr(t, name[:-5]):
            setattr(t, name, getattr(t, name[:-5]))
    return t


def create_app(bot: "Assistant", settings: WebSettings | None = None) -> "FastAPI":
    """Build the ASGI app. Raises StaffAuthError in production when no staff logins are configured."""
    import gradio as gr
    from fastapi import FastAPI
    from fastapi.responses import JSONResponse, RedirectResponse
    from fastapi.staticfiles import StaticFiles

    from assistant.web.analytics import register_analytics
    from assistant.web.api import API_PATH, create_api
    from assistant.web.intake import Intake
    from assistant.web.limits import LoginThrottle
    from assistant.web.shopper import ShopperChat, build_shopper
    from assistant.web.staff import StaffConsole, build_staff

    settings = settings or WebSettings.from_env()
    staff_auth = StaffAuth.from_env(settings.env)  # fails loudly before anything is served
    signer = SessionSigner(load_secret_key(settings.env, settings.data_dir))

    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> JSONResponse:
        return JSONResponse({"ok": True})

    @app.get(STAFF_PATH, include_in_schema=False)
    def staff_slash() -> RedirectResponse:  # "/staff" (and Gradio's logout) would otherwise reach the widget's 404
        return RedirectResponse(STAFF_PATH + "/")

    intake = Intake(max_chars=bot.max_message_chars)  # one rate limit per session, widget and API together
    app.mount(API_PATH, create_api(bot, signer, intake), name="api")  # before "/", which Gradio takes
    app.mount(WIDGET_PATH, StaticFiles(directory=STATIC_DIR), name="widget")
    register_analytics(app, bot)  # /staff/analytics and its CSV, behind the console's login
    common = {"footer_links": [], "run_history": False, "theme": theme(), "show_error": False,
              "mcp_server": False}
    staff_page = build_staff(StaffConsole(bot), mount_path=STAFF_PATH)
    gr.mount_gradio_app(app, staff_page, path=STAFF_PATH, auth=staff_auth,
                        auth_message="Aisle staff console: log in with your staff account." if staff_auth.enabled
                        else "No staff logins are configured: set AISLE_STAFF_USERS (see python -m assistant.web.auth).",
                        css_paths=[STATIC_DIR / "aisle.css", STATIC_DIR / "staff.css"], **common)
    shopper_page = build_shopper(ShopperChat(bot, signer, intake), storage_secret=signer.derive("browser-storage"),
                                 poll_seconds=settings.poll_seconds, concurrency=settings.send_concurrency)
    gr.mount_gradio_app(app, shopper_page, path="/", css_paths=[STATIC_DIR / "aisle.css"], **common)
    app.add_middleware(LoginThrottle, login_path=STAFF_PATH + "/login")
    logger.info("web app ready: widget at /, API at %s, staff console at %s%s", API_PATH, STAFF_PATH,
                " (development login)" if staff_auth.dev_default else "")
    return app
