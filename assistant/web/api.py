"""The HTTP API at `/api/v1`: Aisle for a shop's own front end or mobile app, without Gradio.

    POST /api/v1/sessions                    -> {"session_id": "<id>.<signature>"}
    POST /api/v1/chat                        -> Server-Sent Events: session, products, delta..., reply
    GET  /api/v1/sessions/{session_id}       -> who is answering (bot / waiting / staff / closed)
    GET  /api/v1/sessions/{session_id}/history?after_id=N
    GET  /api/v1/sessions/{session_id}/cart,  POST .../cart  {"product_id", "quantity"}
    POST /api/v1/sessions/{session_id}/feedback  {"turn_id", "value": 1 | -1}

Session ids are signed with the server's key (as in the widget), so a client can only use the
sessions it was given: anything else is a 404, exactly like an id that never existed. Every error
is JSON (`ErrorBody`), 4xx for the caller's mistakes; see docs/api.md.
"""
# No `from __future__ import annotations`: FastAPI reads the handlers' hints (`Request`, the body
# models) at run time, and fastapi is imported inside `create_api`.
import json
import logging
import math
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from assistant.inputs import new_session_id
from assistant.sessions.base import UnknownSessionError
from assistant.web.api_models import (SSE_DESCRIPTION, CartAdd, CartOut, ChatRequest, ErrorBody, EventDelta,
                                      EventProducts, FeedbackIn, FeedbackOut, HistoryOut, ProductOut, ReplyOut,
                                      SessionOut, StatusOut, TurnOut)
from assistant.web.intake import Intake
from assistant.web.limits import RateLimiter
from assistant.web.storage_faults import STORAGE_RETRY_AFTER_S, STORAGE_SORRY, is_storage_failure
from assistant.web.transcript import staff_display_name

if TYPE_CHECKING:
    from fastapi import FastAPI

    from assistant.core import Assistant
    from assistant.web.auth import SessionSigner
    from catalog.models import Product

logger = logging.getLogger(__name__)

API_PATH = "/api/v1"
MAX_BODY_BYTES = 1_000_000  # a message is at most a few KB; refuse megabytes before parsing them
NEW_SESSIONS_PER_MINUTE = 300  # per client address (behind a proxy without forwarded headers: for all shoppers)
SORRY = "Sorry, something went wrong on our side. Please try again in a moment."


class ApiError(Exception):
    """An answer with an HTTP status and an `ErrorBody`."""

    def __init__(self, status: int, code: str, message: str, *, retry_after: "float | None" = None,
                 fields: "list[dict[str, str]] | None" = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.retry_after, self.fields = status, code, message, retry_after, fields

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "message": self.message, "fields": self.fields or []}
        if self.retry_after is not None:
            error["retry_after"] = round(self.retry_after, 1)
        return {"error": error}


def product_out(p: "Product") -> dict[str, Any]:
    data = p.to_dict()
    data.pop("reviews", None)
    data["in_stock"] = p.in_stock
    return data


def sse(event: str, data: Any) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def create_api(bot: "Assistant", signer: "SessionSigner", intake: "Intake | None" = None, *,
               new_sessions_per_minute: int = NEW_SESSIONS_PER_MINUTE) -> "FastAPI":
    """The API as its own FastAPI app (own OpenAPI schema and JSON errors); mount it at API_PATH."""
    from fastapi import FastAPI, Query, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse, StreamingResponse
    from starlette.exceptions import HTTPException as StarletteHTTPException

    intake = intake or Intake(max_chars=bot.max_message_chars)
    new_sessions = RateLimiter(new_sessions_per_minute, 60.0)
    errors = {400: {"model": ErrorBody, "description": "Bad input"},
              404: {"model": ErrorBody, "description": "Unknown or forged session id"}}
    api = FastAPI(title="Aisle shopping assistant API", version="1.0",
                  description="Chat, cart, history and feedback for a shop's own front end. See docs/api.md.",
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json",
                  servers=[{"url": API_PATH}], responses={400: errors[400]})

    # -- errors: always JSON, never a traceback ------------------------------------------------------
    def error_response(exc: ApiError) -> JSONResponse:
        headers = {"Retry-After": str(math.ceil(exc.retry_after))} if exc.retry_after else None
        return JSONResponse(exc.body(), status_code=exc.status, headers=headers)

    @api.exception_handler(ApiError)
    async def on_api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc)

    @api.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        fields = [{"field": ".".join(str(x) for x in e.get("loc", ()) if x != "body") or "body",
                   "problem": str(e.get("msg", "invalid"))[:200]} for e in exc.errors()[:10]]
        summary = "; ".join(f"{f['field']}: {f['problem']}" for f in fields) or "the request is not valid"
        return error_response(ApiError(400, "bad_request", f"Invalid request ({summary})", fields=fields))

    @api.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed", 413: "payload_too_large"}.get(exc.status_code,
                                                                                          "bad_request")
        detail = exc.detail if isinstance(exc.detail, str) else "bad request"
        if exc.status_code == 404:
            detail = f"No such API route: {request.method} {request.url.path} (see {API_PATH}/openapi.json)"
        return error_response(ApiError(exc.status_code, code, detail))

    def crash_response(request: Request, exc: Exception) -> JSONResponse:
        if is_storage_failure(exc):  # disk full, read-only: the caller may retry once space returns
            logger.error("API %s %s: the store cannot write (%s)", request.method, request.url.path, exc)
            return error_response(ApiError(503, "storage_unavailable", STORAGE_SORRY,
                                           retry_after=STORAGE_RETRY_AFTER_S))
        logger.error("API %s %s failed", request.method, request.url.path, exc_info=exc)
        return error_response(ApiError(500, "internal_error", SORRY))

    @api.exception_handler(Exception)
    async def on_crash(request: Request, exc: Exception) -> JSONResponse:
        return crash_response(request, exc)

    @api.middleware("http")
    async def limit_body(request: Request, call_next):
        length = request.headers.get("content-length", "")
        if length and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            return error_response(ApiError(413, "payload_too_large",
                                           f"The request body is over {MAX_BODY_BYTES:,} bytes"))
        try:
            return await call_next(request)
        except Exception as exc:  # answered here: Starlette's last-resort handler would re-raise it to the
            return crash_response(request, exc)  # server, which logs it again and drops the connection

    # -- helpers -------------------------------------------------------------------------------------
    def session_of(token: str) -> str:
        sid = signer.session_of(token)
        try:
            if sid is not None and bot.sessions.session_exists(sid):
                return sid
        except (UnknownSessionError, ValueError):
            pass
        raise ApiError(404, "unknown_session", f"Unknown session: start one with POST {API_PATH}/sessions and "
                                               "use the session_id it returns")

    def start_session(request: Request) -> str:
        client = request.client.host if request.client else "?"
        wait = new_sessions.hit(client)
        if wait:
            raise ApiError(429, "rate_limited", "Too many new sessions from this address; try again shortly.",
                           retry_after=wait)
        return bot.sessions.create_session(new_session_id())

    def status_out(sid: str) -> dict[str, Any]:
        s = bot.status(sid)
        return {"mode": s.mode, "held_by": staff_display_name(s.held_by) if s.held_by else None,
                "escalation_reason": s.escalation_reason}

    def reply_out(reply: Any, token: str) -> dict[str, Any]:
        return {"session_id": token, "turn_id": reply.turn_id, "text": reply.text,
                "products": [product_out(p) for p in reply.products], "intent": reply.intent,
                "escalated": reply.escalated, "escalation_reason": reply.escalation_reason,
                "answered_by": reply.answered_by, "act": reply.act, "cart": reply.cart or None,
                "nudge": reply.nudge}

    def events(first: Any, raw: Iterator[Any], sid: str) -> Iterator[str]:
        from itertools import chain

        from assistant.web.shopper import finish_in_background

        token = signer.token(sid)
        yield sse("session", {"session_id": token})
        try:
            for event in chain([first] if first is not None else [], raw):
                if event.kind == "products":
                    yield sse("products", {"products": [product_out(p) for p in event.value]})
                elif event.kind == "delta":
                    yield sse("delta", {"text": event.value})
                elif event.kind == "reply":
                    yield sse("reply", reply_out(event.value, token))
        except GeneratorExit:  # the client went away: finish (and store) the answer anyway
            finish_in_background(raw, sid)
            raise
        except Exception as exc:
            if is_storage_failure(exc):
                logger.error("API: session %s: the store cannot write (%s)", sid, exc)
                yield sse("error", ApiError(503, "storage_unavailable", STORAGE_SORRY).body())
                return
            logger.exception("API: answering session %s failed", sid)
            yield sse("error", ApiError(500, "internal_error", SORRY).body())

    # -- routes --------------------------------------------------------------------------------------
    @api.post("/sessions", response_model=SessionOut, status_code=201, summary="Start a session",
              responses={429: {"model": ErrorBody}})
    def create_session(request: Request) -> dict[str, str]:
        return {"session_id": signer.token(start_session(request))}

    @api.post("/chat", summary="Send a message; the answer streams back", response_model=None,
              responses={200: {"description": SSE_DESCRIPTION, "content": {
                  "text/event-stream": {"schema": {"type": "string"}},
                  "application/json": {"schema": {"$ref": "#/components/schemas/ReplyOut"}}}},
                  404: errors[404], 429: {"model": ErrorBody, "description": "Rate limited"}},
              openapi_extra={"x-sse-events": {"products": "EventProducts", "delta": "EventDelta",
                                              "reply": "ReplyOut", "error": "ErrorBody"}})
    def chat(body: ChatRequest, request: Request):
        sid = session_of(body.session_id) if body.session_id is not None else None
        refusal = intake.check(body.message, sid)
        if refusal is not None:
            code = {"empty": "message_empty", "too_long": "message_too_long"}.get(refusal.code, refusal.code)
            raise ApiError(refusal.status, code, refusal.message, retry_after=refusal.retry_after or None)
        if sid is None:
            sid = start_session(request)
            intake.limiter.hit(sid)
        stream = bot.stream(body.message, session_id=sid)
        if not body.stream:
            for _ in stream.events():
                pass
            return reply_out(stream.reply, signer.token(sid))
        raw = stream.events()
        # The shopper's message is stored before the first event: a store that cannot write is a 503
        # here (crash_response), before the stream starts, not a broken stream.
        first = next(raw, None)
        return StreamingResponse(events(first, raw, sid), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})

    @api.get("/sessions/{session_id}", response_model=StatusOut, summary="Who is answering this chat",
             responses={404: errors[404]})
    def session_status(session_id: str) -> dict[str, Any]:
        return status_out(session_of(session_id))

    @api.get("/sessions/{session_id}/history", response_model=HistoryOut, summary="The chat so far",
             responses={404: errors[404]})
    def history(session_id: str, after_id: int = Query(0, ge=0, description="Only turns after this id (polling)")):
        sid = session_of(session_id)
        turns = bot.history(sid, after_id=after_id)
        rows = {p.id: p for p in bot.products(sorted({i for t in turns for i in t.product_ids}))}
        out = [{"id": t.id, "role": t.role, "text": t.text, "created_at": t.created_at,
                "products": [product_out(rows[i]) for i in t.product_ids if i in rows],
                "feedback": t.feedback if t.feedback in (1, -1) else None,
                "staff": staff_display_name(t.meta.get("staff")) if t.role == "staff" else None} for t in turns]
        return {"session_id": signer.token(sid), "status": status_out(sid), "turns": out}

    @api.get("/sessions/{session_id}/cart", response_model=CartOut, summary="The cart",
             responses={404: errors[404]})
    def get_cart(session_id: str) -> dict[str, Any]:
        return bot.cart(session_of(session_id))

    @api.post("/sessions/{session_id}/cart", response_model=CartOut, summary="Add a product to the cart",
              responses={404: errors[404], 409: {"model": ErrorBody, "description": "Out of stock"}})
    def add_to_cart(session_id: str, body: CartAdd) -> dict[str, Any]:
        sid = session_of(session_id)
        try:
            return bot.add_to_cart(sid, body.product_id, quantity=body.quantity)
        except KeyError:
            raise ApiError(404, "unknown_product", f"No product {body.product_id[:80]!r} in the catalog") from None
        except ValueError as exc:
            raise ApiError(409, "out_of_stock", str(exc)) from None

    @api.post("/sessions/{session_id}/feedback", response_model=FeedbackOut, summary="Thumbs up or down",
              responses={404: errors[404]})
    def feedback(session_id: str, body: FeedbackIn) -> dict[str, bool]:
        sid = session_of(session_id)
        try:
            bot.feedback(sid, body.turn_id, body.value)
        except ValueError as exc:
            raise ApiError(404 if "No turn" in str(exc) else 400,
                           "unknown_turn" if "No turn" in str(exc) else "bad_request", str(exc)) from None
        return {"ok": True}

    # Event payload models are not any route's response: list them so clients can generate types.
    api.openapi_schema = None
    _extra_models = (EventProducts, EventDelta, ReplyOut, ProductOut, TurnOut)

    def openapi() -> dict[str, Any]:
        if api.openapi_schema is None:
            from fastapi.openapi.utils import get_openapi

            schema = get_openapi(title=api.title, version=api.version, description=api.description,
                                 routes=api.routes, servers=api.servers)
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            for model in _extra_models:
                found = model.model_json_schema(ref_template="#/components/schemas/{model}")
                for name, sub in found.pop("$defs", {}).items():
                    components.setdefault(name, sub)
                components.setdefault(model.__name__, found)
            api.openapi_schema = schema
        return api.openapi_schema

    api.openapi = openapi  # type: ignore[method-assign]
    return api
