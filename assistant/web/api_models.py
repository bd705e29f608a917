"""The HTTP API's request and response bodies (pydantic), so `/api/v1/openapi.json` describes them exactly."""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SESSION_TOKEN = ("The signed session id returned by `POST /api/v1/sessions` (or by the `session` event of a chat): "
                 "`<id>.<signature>`. Keep it as it is; any other value is answered 404.")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a misspelt field is a 400, not silently ignored


class ErrorDetail(BaseModel):
    code: str = Field(description="bad_request, message_empty, message_too_long, unknown_session, unknown_product, "
                                  "unknown_turn, out_of_stock, rate_limited, not_found, method_not_allowed, "
                                  "payload_too_large, internal_error")
    message: str = Field(description="What went wrong and how to fix it, in plain words")
    fields: list[dict[str, str]] = Field(default_factory=list, description="For bad_request: each field's problem")
    retry_after: float | None = Field(None, description="For rate_limited: seconds to wait")


class ErrorBody(BaseModel):
    """Every 4xx/5xx answer of the API has this shape."""

    error: ErrorDetail


class SessionOut(BaseModel):
    session_id: str = Field(description=SESSION_TOKEN)


class StatusOut(BaseModel):
    mode: Literal["bot", "waiting", "staff", "closed"] = Field(
        description="bot answers; waiting for a person; a person (held_by) answers; closed")
    held_by: str | None = Field(None, description="Display name of the staff member answering, in mode staff")
    escalation_reason: str | None = None


class ProductOut(BaseModel):
    """A catalog row as stored (reviews left out: fetch them from the shop's own catalog if needed)."""

    id: str
    title: str
    price: float
    currency: str
    description: str = ""
    category: str = ""
    brand: str = ""
    rating: float | None = None
    stock: int | None = None
    availability: str = Field(description="in_stock | out_of_stock | preorder | unknown")
    in_stock: bool
    attributes: dict[str, Any] = Field(default_factory=dict)
    tags: list[str] = Field(default_factory=list)
    group_id: str | None = None
    extra: dict[str, Any] = Field(default_factory=dict)


class CartLine(BaseModel):
    product_id: str
    title: str
    quantity: int
    price: float
    currency: str
    subtotal: float


class CartOut(BaseModel):
    items: list[CartLine]
    total: float = Field(description="Total in `currency` (catalog prices now)")
    currency: str
    totals: dict[str, float] = Field(description="Totals per currency, when the cart mixes currencies")
    count: int = Field(description="Number of items (sum of quantities)")


class ChatRequest(_Strict):
    message: str = Field(description="The shopper's message (at most 2,000 characters by default; longer ones "
                                     "are refused with 400 message_too_long, never cut)")
    session_id: str | None = Field(None, description=SESSION_TOKEN + " Leave it out to start a new session.")
    stream: bool = Field(True, description="true: Server-Sent Events; false: one JSON ReplyOut when done")


class ReplyOut(BaseModel):
    """The finished answer: the `reply` event of a stream, or the body of a `stream: false` chat."""

    session_id: str = Field(description=SESSION_TOKEN)
    turn_id: int | None = Field(None, description="Id of the stored answer, for feedback")
    text: str = Field(description="The whole answer (the concatenated deltas); empty while a person holds the chat")
    products: list[ProductOut] = Field(default_factory=list, description="The cards shown with the answer")
    intent: float = Field(description="Purchase intent of the message, 0..1")
    escalated: bool = Field(description="The chat waits for, or is held by, a person")
    escalation_reason: str | None = None
    answered_by: Literal["assistant", "staff"]
    act: str = Field(description="What the message was understood as (search, question, compare, cart_add, ...)")
    cart: CartOut | None = None
    nudge: str | None = None


class TurnOut(BaseModel):
    id: int
    role: Literal["user", "assistant", "staff", "system"]
    text: str
    created_at: float = Field(description="Seconds since the epoch")
    products: list[ProductOut] = Field(default_factory=list)
    feedback: Literal[1, -1] | None = None
    staff: str | None = Field(None, description="Display name, for staff turns")


class HistoryOut(BaseModel):
    session_id: str = Field(description=SESSION_TOKEN)
    status: StatusOut
    turns: list[TurnOut] = Field(description="Shopper-visible turns, oldest first (after `after_id` if given)")


class CartAdd(_Strict):
    product_id: str = Field(min_length=1, max_length=200)
    quantity: int = Field(1, ge=1, le=99)


class FeedbackIn(_Strict):
    turn_id: int = Field(ge=1, description="`turn_id` of an answer (from the reply event or the history)")
    value: Literal[1, -1] = Field(description="1 helpful, -1 not helpful; a second call replaces the first")


class FeedbackOut(BaseModel):
    ok: bool = True


class EventProducts(BaseModel):
    """SSE `event: products`: the cards, sent before any text."""

    products: list[ProductOut]


class EventDelta(BaseModel):
    """SSE `event: delta`: the next piece of the answer's text."""

    text: str


SSE_DESCRIPTION = """Server-Sent Events (`text/event-stream`), in this order:

* `event: session` — `{"session_id": "..."}`: the signed session id (keep it for the next message);
* `event: products` — `EventProducts`: the cards' catalog rows, before any text (absent when there are none);
* `event: delta` — `EventDelta`: the next piece of text (zero or more);
* `event: reply` — `ReplyOut`: the finished answer with intent, escalation and cart; the stream ends;
* `event: error` — `ErrorBody`, instead of `reply`, if answering failed on the server's side.

Each event's `data:` line is one JSON object.
"""
