"""Conformance driver: runs exported Handoff Studio modules on the real OpenAI Agents SDK (Python).

Same protocol as driver.py (the Agent Framework side): one job per line (JSON) on stdin, one
answer per line (JSON) on stdout:

    job    {"id", "module": path, "baseURL", "opening", "inputs": [str], "decisions": [bool],
            "resumes": [{"inputs", "decisions"}], "timeoutSeconds"}
    answer {"id", "events": [...], "ms": float (the run, without import and build), "modelCalls"}

The module is imported from its path and built with ``build_agents(client)`` on an ``AsyncOpenAI``
client pointed at ``baseURL`` (the conformance test server); the run is the module's own
``Conversation`` (what its terminal driver uses), answered from ``inputs`` ("" ends the
conversation) and ``decisions`` in order. When a request finds no answer left the run ends paused.
With ``resumes`` left, a paused run is resumed as a new process would do it: the pending
approvals' ``RunState`` is written with ``to_string()`` and read back with
``RunState.from_string`` on agents built anew (the conversation's own bookkeeping is carried
over); an input request is answered in the same conversation. Events are the module's own
(``Conversation.on_event``) plus the driver's ``end`` and ``resumed``:

    {"t": "end", "how": "idle" | "user_terminated" | "paused" | "error", "error"?, "open"?,
     "reason"?}
    {"t": "resumed"}
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import logging
import os
import sys
import time
import traceback
from typing import Any

from agents import RunState, set_tracing_disabled
from openai import AsyncOpenAI

# The SDK logs a warning for every handoff to an agent without handoffs; expected here.
logging.disable(logging.WARNING)
set_tracing_disabled(True)


def load_module(path: str, name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    # Registered first, as an import does: dataclasses look their module up while it loads.
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


class Run:
    def __init__(self, job: dict[str, Any]) -> None:
        self.job = job
        self.events: list[dict[str, Any]] = []
        self.model_calls = 0
        self.run_ms = 0.0

    def record(self, event: dict[str, Any]) -> None:
        if event["t"] == "model":
            self.model_calls += 1
        self.events.append(event)

    async def go(self) -> None:
        job = self.job
        module = load_module(job["module"], f"exported_{job['id']}")
        client = AsyncOpenAI(api_key="conformance", base_url=job["baseURL"], max_retries=0)
        start, agents = module.build_agents(client)
        conversation = module.Conversation(start, agents, on_event=self.record)
        inputs: list[str] = list(job.get("inputs", []))
        decisions: list[bool] = list(job.get("decisions", []))
        resumes: list[dict[str, Any]] = list(job.get("resumes", []))
        started = time.perf_counter()
        try:
            outcome = await conversation.send(job["opening"])
            while True:
                if outcome.kind == "completed":
                    how = "user_terminated" if outcome.reason == "user_terminated" else "idle"
                    self.events.append({"t": "end", "how": how, "reason": outcome.reason})
                    return
                if outcome.kind == "failed":
                    self.events.append(
                        {"t": "end", "how": "error", "error": f"{outcome.reason}: {outcome.detail}"}
                    )
                    return
                needed = 1 if outcome.kind == "input" else len(outcome.approvals)
                have = len(inputs) if outcome.kind == "input" else len(decisions)
                if have < needed:
                    if outcome.kind == "approval" and decisions:
                        # The answers given before the pause are applied at once, as the engine
                        # does; the rest stay pending in the RunState.
                        outcome = await conversation.decide(decisions)
                        decisions = []
                    open_ids = self.open_ids(outcome)
                    self.events.append({"t": "end", "how": "paused", "open": open_ids})
                    if not resumes:
                        return
                    answers = resumes.pop(0)
                    inputs = list(answers.get("inputs", []))
                    decisions = list(answers.get("decisions", []))
                    conversation = await self.resume(module, client, conversation, outcome)
                    self.events.append({"t": "resumed"})
                    self.reannounce(outcome, open_ids)
                    continue
                if outcome.kind == "input":
                    outcome = await conversation.send(inputs.pop(0))
                else:
                    answers = [decisions.pop(0) for _ in outcome.approvals]
                    outcome = await conversation.decide(answers)
        finally:
            self.run_ms = (time.perf_counter() - started) * 1000

    def open_ids(self, outcome: Any) -> list[str]:
        if outcome.kind == "input":
            asked = [e for e in self.events if e["t"] == "input"]
            return [asked[-1]["requestId"]] if asked else []
        return [item.raw_item.call_id for item in outcome.approvals]

    def reannounce(self, outcome: Any, open_ids: list[str]) -> None:
        """A resumed conversation names its open requests again, with the same ids."""
        if outcome.kind == "input":
            self.events.append({"t": "input", "agent": outcome.agent, "requestId": open_ids[0]})
            return
        for item in outcome.approvals:
            raw = item.raw_item
            self.events.append(
                {
                    "t": "approval",
                    "agent": item.agent.name,
                    "requestId": raw.call_id,
                    "callId": raw.call_id,
                    "name": item.tool_name,
                    "arguments": json.loads(raw.arguments or "{}"),
                }
            )

    async def resume(self, module: Any, client: Any, old: Any, outcome: Any) -> Any:
        """The conversation continued on agents built anew, its RunState read back from text."""
        start, agents = module.build_agents(client)
        conversation = module.Conversation(start, agents, on_event=self.record)
        for name in ("items", "owner", "author", "shared", "calls", "caller", "handoffs",
                     "model_calls", "continuations", "budget", "inputs"):
            setattr(conversation, name, getattr(old, name))
        conversation.current = agents[old.current.name]
        if old.state is not None:
            text = old.state.to_string()
            conversation.state = await RunState.from_string(agents[old.current.name], text)
            undecided = {item.raw_item.call_id for item in old.undecided}
            conversation.undecided = [
                item
                for item in conversation.state.get_interruptions()
                if item.raw_item.call_id in undecided
            ]
            outcome.approvals = conversation.undecided
        return conversation


async def main() -> None:
    loop = asyncio.get_running_loop()
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            return
        if not line.strip():
            continue
        job = json.loads(line)
        run = Run(job)
        try:
            await asyncio.wait_for(run.go(), job.get("timeoutSeconds", 60))
        except Exception as error:  # noqa: BLE001 - reported to the runner, which judges it
            run.events.append(
                {"t": "end", "how": "error", "error": f"{type(error).__name__}: {error}"[:400]}
            )
            if job.get("verbose") or os.environ.get("AGENTS_PY_DRIVER_VERBOSE"):
                traceback.print_exc(file=sys.stderr)
        answer = {
            "id": job["id"],
            "events": run.events,
            "ms": run.run_ms,
            "modelCalls": run.model_calls,
        }
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    print(json.dumps({"ready": True}), flush=True)
    asyncio.run(main())
