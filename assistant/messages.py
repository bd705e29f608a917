"""Chat messages as plain data that serialise (role + content), shared by every seam."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import Enum


class ChatRole(str, Enum):
    """Who wrote a message; values match the OpenAI chat format."""

    SYSTEM = "system"
    USER = "user"
    ASSISTANT = "assistant"
    STAFF = "staff"


@dataclass(frozen=True)
class ChatMessage:
    """One message in a prompt or transcript."""

    role: ChatRole
    content: str

    @classmethod
    def system(cls, content: str) -> "ChatMessage":
        return cls(ChatRole.SYSTEM, content)

    @classmethod
    def user(cls, content: str) -> "ChatMessage":
        return cls(ChatRole.USER, content)

    @classmethod
    def assistant(cls, content: str) -> "ChatMessage":
        return cls(ChatRole.ASSISTANT, content)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["role"] = self.role.value
        return d

    @classmethod
    def from_dict(cls, data: dict) -> "ChatMessage":
        return cls(ChatRole(data["role"]), data["content"])
