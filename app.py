"""Serve Aisle: the shopper chat widget at http://127.0.0.1:7860/ and the staff console at /staff.

    python app.py                      # the local model, demo catalog, sessions in ~/.aisle
    AISLE_GENERATOR=none python app.py # answers from catalog templates only (no model; fast start)

Environment: AISLE_HOST (127.0.0.1), AISLE_PORT (7860), AISLE_DATA_DIR, AISLE_GENERATOR,
AISLE_ENV=production (then AISLE_STAFF_USERS or AISLE_STAFF_USERS_FILE is required),
AISLE_SECRET_KEY (shared by all servers behind one load balancer). See docs/embedding.md.
"""
from __future__ import annotations

import logging
import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # a shop's server should not phone home
os.environ.setdefault("HF_HUB_OFFLINE", "1")  # models come from installed packages, never a download

logger = logging.getLogger("aisle.app")


def build(env: dict[str, str] | None = None):
    """The assistant and the ASGI app, configured from the environment (read once, here)."""
    from assistant import Assistant
    from assistant.settings import Settings
    from assistant.web.server import WebSettings, create_app
    from assistant.web.storage_faults import check_data_dir

    settings = Settings.from_env(env)
    check_data_dir(settings.data_dir)  # a read-only, full or misnamed data dir stops the start, naming the fix
    for line in settings.check():  # an unreachable PostgreSQL or model server stops the start, naming the fix
        logger.info("reached %s", line)
    web = WebSettings.from_env(env)
    # "none" (or "template"): answers come from catalog-row templates, with no language model at all.
    generator = None if settings.generator.lower() in ("none", "template") else "auto"
    bot = Assistant.from_defaults(settings=settings, generator=generator)
    return create_app(bot, web), web


def main() -> None:
    import uvicorn

    logging.basicConfig(level=os.environ.get("AISLE_LOG_LEVEL", "INFO"),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        app, web = build()
    except Exception as exc:  # what a shop owner can fix is one sentence, not a traceback
        from assistant.settings import default_data_dir
        from assistant.web.storage_faults import startup_problem

        problem = startup_problem(exc, default_data_dir())
        if problem is None:
            raise
        raise SystemExit(f"Aisle cannot start: {problem}") from None  # to stderr, exit status 1
    logger.info("Aisle on http://%s:%d/ (staff console: /staff)", web.host, web.port)
    # Open widgets hold a streaming connection; without a limit a restart would wait for every shopper to leave.
    uvicorn.run(app, host=web.host, port=web.port, log_level="warning", timeout_graceful_shutdown=5)


if __name__ == "__main__":
    main()
