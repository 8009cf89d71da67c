"""Recording any agent's proposals as JSONL, and playing them back exactly.

A recording is one JSON object per line: ``{"version": 1, "index": i, "agent": name,
"task_digest": ..., "n": ..., "proposal": {...}}``. :class:`RecordingAgent` rewrites the file at its
first proposal and appends one line per call. :class:`ReplayAgent` returns the recorded proposals
in order; it says so (``notes`` and a warning, or :class:`ReplayError` when ``strict``) when the
recording runs out or when the task differs from the one recorded (by :meth:`Task.digest`).
"""
from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

from .collect import Collector
from .errors import AgentConfigError, ReplayError
from .task import Agent, Proposal, Task

FORMAT_VERSION = 1


class RecordingAgent:
    """Wraps ``inner`` and writes each task digest and proposal to ``path`` (JSONL)."""

    def __init__(self, inner: Agent, path: str | Path) -> None:
        self.inner = inner
        self.path = Path(path)
        self.name = f"{inner.name} recorded to {self.path}"
        self._count = 0

    def propose(self, task: Task) -> Proposal:
        proposal = self.inner.propose(task)
        record = {"version": FORMAT_VERSION, "index": self._count, "agent": self.inner.name,
                  "task_digest": task.digest(), "n": task.n, "proposal": proposal.to_dict()}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("w" if self._count == 0 else "a", encoding="utf-8") as f:
            f.write(json.dumps(record, sort_keys=True, default=str) + "\n")
        self._count += 1
        return proposal


def read_recording(path: str | Path) -> list[dict[str, Any]]:
    """The records of a JSONL recording, checked for shape."""
    path = Path(path)
    if not path.is_file():
        raise AgentConfigError("no such recording", file=str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        line = path.read_bytes()[:e.start].count(b"\n") + 1
        raise AgentConfigError("expected a UTF-8 text JSONL recording, found binary data", file=str(path),
                               item=f"line {line}") from None
    except OSError as e:
        raise AgentConfigError(f"cannot read the recording: {e.strerror}", file=str(path)) from None
    records = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise AgentConfigError(f"not JSON: {e.msg}", file=str(path), item=f"line {lineno}") from None
        except RecursionError:
            raise AgentConfigError("not JSON: nested too deeply", file=str(path),
                                   item=f"line {lineno}") from None
        if (not isinstance(record, dict) or record.get("version") != FORMAT_VERSION
                or not isinstance(record.get("proposal"), dict)):
            raise AgentConfigError(f"expected a version-{FORMAT_VERSION} record with a 'proposal'",
                                   file=str(path), item=f"line {lineno}")
        records.append(record)
    return records


class ReplayAgent:
    """Plays a recording back, one proposal per call, in order."""

    def __init__(self, path: str | Path, *, strict: bool = False) -> None:
        self.path = Path(path)
        self.records = read_recording(self.path)
        self.strict = bool(strict)
        self.name = f"replay of {self.path}"
        self._next = 0

    def propose(self, task: Task) -> Proposal:
        if self._next >= len(self.records):
            return self._problem(f"the recording {self.path} ran out after {len(self.records)} proposals",
                                 Proposal([], [], [], ""))
        record = self.records[self._next]
        self._next += 1
        proposal = Proposal.from_dict(record["proposal"])
        digest = task.digest()
        if record.get("task_digest") != digest:
            collector = Collector(task)  # another task: pass on only what is valid in this one
            for candidate in proposal.candidates:
                if collector.missing > 0:
                    collector.offer(candidate)
            return self._problem(
                f"proposal {record.get('index', self._next - 1)} of {self.path} was recorded for task "
                f"{record.get('task_digest')} but this task is {digest}; replaying its "
                f"{len(collector.candidates)} designs that are valid and new here",
                collector.proposal(proposal.transcript, proposal.notes))
        return proposal

    def _problem(self, message: str, proposal: Proposal) -> Proposal:
        if self.strict:
            raise ReplayError(message, file=str(self.path))
        warnings.warn(message, stacklevel=3)
        notes = f"{message}. {proposal.notes}".strip() if proposal.notes else message
        return Proposal(proposal.candidates, proposal.rejected,
                        [*proposal.transcript, {"event": "replay", "detail": message}], notes)
