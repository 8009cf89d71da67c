"""A real HTTP server on 127.0.0.1 that speaks the chat-completions protocol from a script.

Tests queue the replies a case needs (a good answer, an HTTP 429, a stall, an empty ``choices``
list, ...) and drive the real ``openai`` client against it. The server listens on an ephemeral
port, answers each request in its own thread, records every request it receives, answers
``500 script exhausted`` when the script runs dry, and shuts itself down after ``lifetime_s``
even if a test forgets to. Stalls wait on an event that shutdown sets, so nothing outlives it.
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    """One scripted answer. ``content`` becomes the assistant message; ``choices`` overrides the
    whole choices list; ``body`` overrides the whole response body (raw text)."""

    status: int = 200
    content: str | None = None
    finish_reason: str = "stop"
    choices: list[Any] | None = None
    body: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0
    echo_authorization: bool = False  # put the request's Authorization header in an error message


class ChatServer:
    def __init__(self, *, lifetime_s: float = 60.0, rejects_response_format: bool = False) -> None:
        self.script: list[Reply] = []
        self.requests: list[dict[str, Any]] = []
        self.rejects_response_format = rejects_response_format
        self._lock = threading.Lock()
        self._stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    body = json.loads(raw or b"{}")
                except json.JSONDecodeError:
                    body = {"unparsed": raw.decode("utf-8", "replace")}
                server._answer(self, body)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/v1"
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._watchdog = threading.Timer(lifetime_s, self.stop)
        self._watchdog.daemon = True

    # ---- lifecycle -------------------------------------------------------------------------------
    def start(self) -> "ChatServer":
        self._thread.start()
        self._watchdog.start()
        return self

    def stop(self) -> None:
        if self._stop.is_set():
            return
        self._stop.set()
        self._watchdog.cancel()
        if self._thread.is_alive():  # shutdown() would wait forever for a loop never started
            self._httpd.shutdown()
        self._httpd.server_close()

    def queue(self, *replies: Reply) -> None:
        with self._lock:
            self.script.extend(replies)

    # ---- answering -------------------------------------------------------------------------------
    def _answer(self, handler: BaseHTTPRequestHandler, body: dict[str, Any]) -> None:
        with self._lock:
            self.requests.append({"path": handler.path, "headers": {k.lower(): v for k, v in handler.headers.items()}, "body": body})
            if self.rejects_response_format and "response_format" in body:
                reply = Reply(status=400, body=json.dumps({"error": {
                    "message": "response_format is not supported by this server", "type": "invalid_request_error"}}))
            elif self.script:
                reply = self.script.pop(0)
            else:
                reply = Reply(status=500, body=json.dumps({"error": {"message": "script exhausted"}}))
        if reply.delay_s and self._stop.wait(reply.delay_s):
            return  # shutting down
        if reply.body is not None:
            payload = reply.body
        elif reply.status != 200:
            message = f"scripted HTTP {reply.status}"
            if reply.echo_authorization:
                message = f"Incorrect API key provided: {handler.headers.get('Authorization')}"
            payload = json.dumps({"error": {"message": message, "type": "scripted"}})
        else:
            choices = reply.choices if reply.choices is not None else [{
                "index": 0, "message": {"role": "assistant", "content": reply.content},
                "finish_reason": reply.finish_reason}]
            payload = json.dumps({"id": "chatcmpl-test", "object": "chat.completion", "created": 0,
                                  "model": body.get("model", "scripted"), "choices": choices,
                                  "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}})
        data = payload.encode()
        try:
            handler.send_response(reply.status)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(data)))
            for name, value in reply.headers.items():
                handler.send_header(name, value)
            handler.end_headers()
            handler.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout case)
