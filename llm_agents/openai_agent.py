"""An agent that asks a language model behind any OpenAI-compatible chat-completions server.

The OpenAI API, Ollama, vLLM, llama.cpp's ``llama-server`` and LM Studio all speak this protocol;
only ``base_url`` and ``model`` change. The reply is data: it is parsed with ``json`` and each
design validated against the space; nothing in it is evaluated or run.

What one :meth:`OpenAIAgent.propose` may cost, at most: ``(max_reasks + 1)`` rounds, each of at
most ``(max_retries + 1)`` requests of at most ``timeout_s`` each, with back-off sleeps of at most
``max_backoff_s`` between them, plus at most four requests in the agent's life that adapt to a
server refusing a parameter (``response_format``, ``max_tokens``, ``temperature``, ``seed``).
"""
from __future__ import annotations

import json
import math
import os
import time
from dataclasses import asdict, dataclass, fields
from typing import Any

from .collect import Collector
from .errors import AgentConfigError, AgentUnreachableError
from .parsing import MAX_REPLY_CHARS, extract_candidates
from .prompts import check_template, load_template, render
from .task import Proposal, Task

RESPONSE_FORMATS = ("auto", "json", "none")
_PLACEHOLDER_KEY = "no-key-set"  # local servers ignore the key, but the client needs one
_TRANSCRIPT_CHARS = 20_000       # a reply kept in the transcript beyond this is shortened
_REASK_REPLY_CHARS = 6_000       # how much of a bad reply is sent back when re-asking
_ERRORS_QUOTED = 12
_OFFICIAL_HOSTS = ("api.openai.com",)  # a key is required here; other servers get the placeholder
_UNREACHABLE_STATUS = (401, 403, 404)   # a wrong key, URL or model name: no model answers this agent


@dataclass(frozen=True)
class OpenAISettings:
    """How to reach the model. ``api_key_env`` names the environment variable holding the key;
    the key itself is never stored here, logged or written."""

    model: str
    base_url: str | None = None
    api_key_env: str = "OPENAI_API_KEY"
    temperature: float = 0.7
    max_tokens: int = 2048
    timeout_s: float = 60.0
    max_retries: int = 3
    max_reasks: int = 2
    backoff_s: float = 1.0
    max_backoff_s: float = 20.0
    response_format: str = "auto"
    template: str | None = None
    seed: int | None = None
    max_reply_chars: int = MAX_REPLY_CHARS

    def __post_init__(self) -> None:
        def need(ok: bool, key: str, expected: str) -> None:
            if not ok:
                raise AgentConfigError(f"expected {expected}, got {getattr(self, key)!r}", item=f"openai '{key}'")

        def number(key: str, low: float, integer: bool = False) -> None:
            value = getattr(self, key)
            ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
            ok = ok and value >= low and (not integer or isinstance(value, int))
            need(ok, key, f"{'an integer' if integer else 'a number'} >= {low}")

        need(isinstance(self.model, str) and bool(self.model), "model", "a model name")
        need(self.base_url is None or (isinstance(self.base_url, str) and self.base_url.startswith(("http://", "https://"))),
             "base_url", "an http(s) URL such as http://localhost:11434/v1")
        need(isinstance(self.api_key_env, str) and bool(self.api_key_env), "api_key_env",
             "the name of an environment variable")
        need(self.response_format in RESPONSE_FORMATS, "response_format", f"one of {', '.join(RESPONSE_FORMATS)}")
        number("temperature", 0.0)
        number("max_tokens", 1, integer=True)
        number("timeout_s", 0.001)
        number("max_retries", 0, integer=True)
        number("max_reasks", 0, integer=True)
        number("backoff_s", 0.0)
        number("max_backoff_s", 0.0)
        number("max_reply_chars", 100, integer=True)
        need(self.seed is None or (isinstance(self.seed, int) and not isinstance(self.seed, bool)), "seed",
             "an integer")
        if self.template is not None:
            check_template(load_template(self.template), f"template '{self.template}'")

    @classmethod
    def keys(cls) -> list[str]:
        return [f.name for f in fields(cls)]


class _Redactor:
    def __init__(self, secret: str | None) -> None:
        self.secret = secret if secret and len(secret) >= 4 else None

    def __call__(self, value: Any) -> Any:
        if self.secret is None:
            return value
        if isinstance(value, str):
            return value.replace(self.secret, "[REDACTED]")
        if isinstance(value, dict):
            return {k: self(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self(v) for v in value]
        return value


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + f"\n[... {len(text) - limit} more characters]"


class OpenAIAgent:
    """Proposes designs by chatting with an OpenAI-compatible model; never raises on bad answers."""

    def __init__(self, settings: OpenAISettings | None = None, **kwargs: Any) -> None:
        if settings is None:
            unknown = sorted(set(kwargs) - set(OpenAISettings.keys()))
            if unknown:
                raise AgentConfigError(f"unknown key '{unknown[0]}'; expected some of "
                                       f"{', '.join(OpenAISettings.keys())}", item="openai agent")
            settings = OpenAISettings(**kwargs)
        elif kwargs:
            raise AgentConfigError("give either settings or keyword arguments, not both", item="openai agent")
        self.settings = settings
        self.name = f"openai:{settings.model}"
        key = (os.environ.get(settings.api_key_env) or "").strip() or None
        if key is None and _is_official_api(settings.base_url):
            raise AgentConfigError(
                f"environment variable {settings.api_key_env} is not set, and the OpenAI API needs a key; "
                f"set it (export {settings.api_key_env}=...), or give base_url for a local "
                "OpenAI-compatible server such as Ollama, vLLM or llama.cpp "
                "(e.g. base_url: http://localhost:11434/v1)", item="openai agent")
        self._key_note = None if key else (
            f"environment variable {settings.api_key_env} is not set; sent a placeholder key "
            "(fine for local servers)")
        self._redact = _Redactor(key)
        import openai  # imported here: it is slow to import and only this agent needs it

        self._client = openai.OpenAI(api_key=key or _PLACEHOLDER_KEY, base_url=settings.base_url,
                                     timeout=settings.timeout_s, max_retries=0)
        # None until the server has accepted or refused response_format once
        self._json_mode: bool | None = {"auto": None, "json": True, "none": False}[settings.response_format]
        self._completion_tokens = False   # True once the server asked for max_completion_tokens
        self._dropped: set[str] = set()   # parameters the server refused (temperature, seed)
        self._reached = False             # True once the model has answered a request
        self._unreachable = False         # the last request failed without reaching a model

    def describe(self) -> dict[str, Any]:
        """The settings, safe to log: the key's variable name, never its value."""
        return asdict(self.settings)

    # ---- one request, with transport retries --------------------------------------------------
    def _request(self, messages: list[dict[str, str]], log: list[dict[str, Any]]) -> tuple[str | None, str]:
        """``(reply text, finish_reason)``, or ``(None, why it failed)`` after bounded retries."""
        import openai

        s = self.settings
        failure = "no request made"
        self._unreachable = False
        attempt = 0
        while attempt <= s.max_retries:
            use_json = self._json_mode is not False
            kwargs: dict[str, Any] = dict(model=s.model, messages=messages, timeout=s.timeout_s)
            kwargs["max_completion_tokens" if self._completion_tokens else "max_tokens"] = s.max_tokens
            if "temperature" not in self._dropped:
                kwargs["temperature"] = s.temperature
            if s.seed is not None and "seed" not in self._dropped:
                kwargs["seed"] = s.seed
            if use_json:
                kwargs["response_format"] = {"type": "json_object"}
            retry_after: float | None = None
            try:
                response = self._client.chat.completions.create(**kwargs)
                data = response.model_dump(warnings=False) if hasattr(response, "model_dump") else response
            except openai.APITimeoutError:
                failure = f"no reply within timeout_s={s.timeout_s}"
                self._unreachable = True
            except openai.APIConnectionError as e:
                failure = f"could not connect to {s.base_url or 'the OpenAI API'}: {e}"
                self._unreachable = True
            except openai.APIStatusError as e:
                status = e.status_code
                failure = f"HTTP {status}: {_clip(str(e.message), 500)}"
                self._unreachable = status in _UNREACHABLE_STATUS
                change = self._adapt(str(e.message), kwargs) if status in (400, 415, 422) else None
                if change:  # each adaptation happens once, so this cannot loop
                    log.append({"event": "fallback", "detail": self._redact(f"{failure}; retrying {change}")})
                    continue
                if status not in (408, 409, 429) and status < 500:
                    log.append({"event": "error", "detail": self._redact(failure)})
                    return None, self._redact(failure)
                retry_after = _retry_after_s(e.response)
            except (openai.OpenAIError, ValueError) as e:  # a body the client could not read
                failure = f"unreadable reply: {type(e).__name__}: {_clip(str(e), 300)}"
            else:
                if use_json:
                    self._json_mode = True
                content, finish = _first_choice(data)
                if content is not None:
                    return content, finish
                failure = finish
            attempt += 1
            log.append({"event": "retry" if attempt <= s.max_retries else "gave up",
                        "detail": self._redact(failure), "attempt": attempt})
            if attempt <= s.max_retries:
                delay = min(s.max_backoff_s, s.backoff_s * 2 ** (attempt - 1))
                if retry_after is not None:
                    delay = min(s.max_backoff_s, max(delay, retry_after))
                time.sleep(delay)
        return None, self._redact(failure)

    def _adapt(self, message: str, sent: dict[str, Any]) -> str | None:
        """Adjust the request to what the server said it rejects; ``None`` when nothing applies.

        Reasoning models want ``max_completion_tokens`` and only their default temperature; many
        local servers do not take ``response_format`` (then the prompt alone asks for JSON)."""
        text = message.lower()
        if "max_tokens" in text and "max_completion_tokens" in text and not self._completion_tokens:
            self._completion_tokens = True
            return "with max_completion_tokens instead of max_tokens"
        for param in ("temperature", "seed"):
            if param in sent and param in text and param not in self._dropped:
                self._dropped.add(param)
                return f"without {param}"
        if "response_format" in sent and self._json_mode is None:
            self._json_mode = False
            return "without response_format (asking for JSON in the prompt only)"
        return None

    # ---- the agent --------------------------------------------------------------------------
    def propose(self, task: Task) -> Proposal:
        s = self.settings
        system, user = render(task, s.template)
        messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        transcript: list[dict[str, Any]] = [dict(m) for m in messages]
        if self._key_note:
            transcript.append({"event": "note", "detail": self._key_note})
        collector = Collector(task)
        problems: list[str] = []
        rounds = 0
        for round_ in range(s.max_reasks + 1):
            rounds = round_ + 1
            log: list[dict[str, Any]] = []
            reply, finish = self._request(messages, log)
            transcript.extend(log)
            if reply is None:
                if not self._reached and self._unreachable:  # the first request found no model at all
                    raise AgentUnreachableError(
                        f"cannot reach the language model {s.model!r} at {s.base_url or 'the OpenAI API'} "
                        f"({finish}); start the server or fix base_url/model, or run without a model "
                        "with --agent '{kind: heuristic}'", item="openai agent")
                problems.append(finish)
                break  # the transport failed after its retries; asking again would too
            self._reached = True
            transcript.append({"role": "assistant", "content": self._redact(_clip(reply, _TRANSCRIPT_CHARS)),
                               "finish_reason": finish, "chars": len(reply)})
            designs, parse_notes = extract_candidates(reply, max_chars=s.max_reply_chars)
            if finish == "length":
                parse_notes.insert(0, f"the reply was cut at max_tokens={s.max_tokens}")
            errors = []
            for design in designs:
                if collector.missing <= 0:
                    break
                why = collector.offer(design)
                if why is not None:
                    errors.append(f"{_clip(json.dumps(design, default=str), 300)}: {why}")
            if collector.missing <= 0 or round_ == s.max_reasks:
                problems.extend(parse_notes + errors[:_ERRORS_QUOTED])
                break
            reask = _reask_text(collector.missing, len(collector.candidates), parse_notes, errors)
            transcript.append({"role": "user", "content": reask})
            messages += [{"role": "assistant", "content": _clip(reply, _REASK_REPLY_CHARS)},
                         {"role": "user", "content": reask}]
        got = len(collector.candidates)
        notes = f"{got} of {task.n} designs from {s.model} in {rounds} round(s)"
        if collector.rejected:
            notes += f"; {len(collector.rejected)} proposed designs rejected"
        if collector.missing > 0 and problems:
            notes += "; problems: " + " | ".join(_clip(p, 300) for p in problems[:4])
        return collector.proposal(self._redact(transcript), self._redact(notes))


def _is_official_api(base_url: str | None) -> bool:
    """Whether requests go to the OpenAI API itself, which refuses a request without a real key.

    With no ``base_url`` the client uses ``OPENAI_BASE_URL`` when that is set, else the OpenAI API."""
    from urllib.parse import urlsplit

    url = base_url or os.environ.get("OPENAI_BASE_URL") or ""
    host = (urlsplit(url).hostname or "").lower() if url else "api.openai.com"
    return host in _OFFICIAL_HOSTS


def _first_choice(data: Any) -> tuple[str | None, str]:
    """``(text, finish_reason)`` of the first choice, or ``(None, what is wrong)`` for a reply
    that does not have the chat-completions shape."""
    choices = data.get("choices") if isinstance(data, dict) else None
    if not choices:
        return None, "the reply had no choices"
    first = choices[0] if isinstance(choices, list) else None
    message = first.get("message") if isinstance(first, dict) else None
    if not isinstance(message, dict):
        return None, "the reply's first choice had no message"
    content = message.get("content")
    if isinstance(content, list):  # content parts: keep the text ones
        content = "".join(str(p.get("text", "")) for p in content if isinstance(p, dict))
    return ("" if content is None else str(content)), str(first.get("finish_reason") or "")


def _retry_after_s(response: Any) -> float | None:
    headers = getattr(response, "headers", None) or {}
    for name, scale in (("retry-after-ms", 1e-3), ("retry-after", 1.0)):
        value = headers.get(name)
        if value is None:
            continue
        try:
            return max(0.0, float(value) * scale)
        except ValueError:
            continue  # an HTTP date: the exponential back-off applies
    return None


def _reask_text(missing: int, got: int, parse_notes: list[str], errors: list[str]) -> str:
    lines = [f"Your answer gave {got} usable design(s); {missing} more are needed."]
    if parse_notes:
        lines.append("Reading your answer: " + "; ".join(parse_notes) + ".")
    if errors:
        lines.append("These designs were rejected:")
        lines += [f"- {e}" for e in errors[:_ERRORS_QUOTED]]
    lines.append(f"Reply with {missing} new design(s) as JSON only, in the same format "
                 '({"candidates": [ ... ]}), giving every variable a value from its allowed options or '
                 "range and meeting every constraint.")
    return "\n".join(lines)
