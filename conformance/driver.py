"""Conformance driver: runs exported Handoff Studio modules on the real Agent Framework.

Reads one job per line (JSON) on stdin and answers each with one line (JSON) on stdout:

    job    {"id", "module": path, "baseURL", "opening", "inputs": [str], "decisions": [bool],
            "resumes": [{"inputs", "decisions"}], "timeoutSeconds"}
    answer {"id", "events": [...], "ms": float (the run, without import and build), "modelCalls"}

The module is imported from its path and built with ``build_workflow(chat_client)`` on an
``OpenAIChatCompletionClient`` pointed at ``baseURL`` (the conformance test server). The driver
answers input requests from ``inputs`` ("" ends the conversation, as the terminal driver does) and
approval requests from ``decisions``, in order; when a request finds no answer left the run ends
paused. With ``resumes`` left, a paused run is resumed: the module's workflow is built anew and
restored from the pause's checkpoint (``run(checkpoint_id=…, checkpoint_storage=…)``), and the next
resume's answers are used. It reports what Agent Framework did, raw and unjudged (the runner compares):

    {"t": "model", "agent"}                      a model call began (a new streamed response)
    {"t": "text", "agent", "text"}               streamed text of the current model call
    {"t": "call", "agent", "callId", "name"}     a function call of the current model call (first seen)
    {"t": "result", "agent", "callId", "name", "arguments", "result"}   a function result
    {"t": "handoff", "from", "to"}               a handoff_sent event
    {"t": "input", "agent", "requestId"}         a HandoffAgentUserRequest
    {"t": "approval", "agent", "requestId", "callId", "name", "arguments"}   a function approval request
    {"t": "end", "how": "idle" | "user_terminated" | "paused" | "error", "error"?, "open"?}
                                                 (a pause lists the open request ids)
    {"t": "resumed"}                             a resume from the pause's checkpoint began
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import logging
import sys
import time
import traceback
from typing import Any

from agent_framework import Content, InMemoryCheckpointStorage
from agent_framework.openai import OpenAIChatCompletionClient
from agent_framework.orchestrations import HandoffAgentUserRequest

# AF warns about agents without handoffs (terminal agents); that is expected here.
logging.disable(logging.WARNING)


def load_module(path: str, name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def parse_arguments(raw: Any) -> Any:
    if isinstance(raw, str):
        try:
            return json.loads(raw) if raw.strip() else {}
        except json.JSONDecodeError:
            return raw
    return raw if raw is not None else {}


class Recorder:
    """Turns the workflow's event stream into the driver's raw events."""

    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        self.responses: set[tuple[str, str]] = set()
        self.calls: dict[str, dict[str, str]] = {}  # call_id -> {"name", "arguments"}
        self.model_calls = 0
        self.run_ms = 0.0

    def output(self, agent: str, update: Any) -> None:
        # A new streamed response is a new model call; the Chat Completions id arrives as the
        # update's message_id (response_id stays empty with this client).
        response_id = getattr(update, "response_id", None) or getattr(update, "message_id", None)
        if response_id and (agent, response_id) not in self.responses:
            self.responses.add((agent, response_id))
            self.model_calls += 1
            self.events.append({"t": "model", "agent": agent})
        for content in update.contents or []:
            if content.type == "text" and content.text:
                self.events.append({"t": "text", "agent": agent, "text": content.text})
            elif content.type == "function_call" and content.call_id:
                if content.call_id not in self.calls:
                    self.events.append(
                        {"t": "call", "agent": agent, "callId": content.call_id, "name": content.name or ""}
                    )
                call = self.calls.setdefault(content.call_id, {"name": "", "arguments": ""})
                call["name"] += content.name or ""
                if isinstance(content.arguments, str):
                    call["arguments"] += content.arguments
                elif content.arguments is not None:
                    call["arguments"] = json.dumps(content.arguments)
            elif content.type == "function_result":
                call = self.calls.get(content.call_id or "", {"name": "", "arguments": ""})
                result = content.result
                if content.exception is not None and result is None:
                    result = str(content.exception)
                self.events.append(
                    {
                        "t": "result",
                        "agent": agent,
                        "callId": content.call_id,
                        "name": call["name"],
                        "arguments": parse_arguments(call["arguments"]),
                        "result": result if isinstance(result, str) else json.dumps(result),
                    }
                )


async def consume(stream: Any, recorder: Recorder) -> list[Any]:
    """Records one run() call's events; returns the requests it left open."""
    events = recorder.events
    requests = []
    async for event in stream:
        if event.type == "output":
            recorder.output(event.executor_id, event.data)
        elif event.type == "handoff_sent":
            events.append({"t": "handoff", "from": event.data.source, "to": event.data.target})
        elif event.type == "request_info":
            requests.append(event)
            data = event.data
            if isinstance(data, HandoffAgentUserRequest):
                events.append(
                    {"t": "input", "agent": event.source_executor_id, "requestId": event.request_id}
                )
            elif isinstance(data, Content) and data.type == "function_approval_request":
                call = data.function_call
                events.append(
                    {
                        "t": "approval",
                        "agent": event.source_executor_id,
                        "requestId": event.request_id,
                        "callId": call.call_id,
                        "name": call.name,
                        "arguments": parse_arguments(call.arguments),
                    }
                )
            else:
                raise TypeError(f"unsupported request {type(data).__name__}")
        elif event.type == "failed":
            details = getattr(event, "details", None)
            message = getattr(details, "message", None) or str(details)
            raise RuntimeError(f"workflow failed: {message}")
    return requests


async def run_job(job: dict[str, Any], recorder: Recorder) -> None:
    module = load_module(job["module"], f"exported_{job['id']}")
    client = OpenAIChatCompletionClient(
        model="gpt-test", api_key="conformance", base_url=job["baseURL"]
    )
    workflow = module.build_workflow(client)
    inputs: list[str] = list(job.get("inputs", []))
    decisions: list[bool] = list(job.get("decisions", []))
    resumes: list[dict[str, Any]] = list(job.get("resumes", []))
    # Resuming needs checkpoints: Agent Framework saves one after every superstep when the run
    # is given a storage (run() forgets it between calls, so every call gets it).
    storage = InMemoryCheckpointStorage() if resumes else None
    runtime: dict[str, Any] = {"checkpoint_storage": storage} if storage else {}
    events = recorder.events
    started = time.perf_counter()
    stream = workflow.run(job["opening"], stream=True, **runtime)
    terminated = False
    try:
        while True:
            requests = await consume(stream, recorder)
            if not requests:
                events.append({"t": "end", "how": "user_terminated" if terminated else "idle"})
                break
            responses: dict[str, Any] = {}
            for request in requests:
                data = request.data
                if isinstance(data, HandoffAgentUserRequest):
                    if not inputs:
                        break
                    reply = inputs.pop(0)
                    terminated = reply == ""
                    # The export's remedy for AF's per-run superstep count (a user turn starts anew).
                    module.start_user_turn(workflow)
                    responses[request.request_id] = (
                        HandoffAgentUserRequest.create_response(reply)
                        if reply
                        else HandoffAgentUserRequest.terminate()
                    )
                else:
                    if not decisions:
                        break
                    responses[request.request_id] = data.to_function_approval_response(
                        approved=decisions.pop(0)
                    )
            if len(responses) < len(requests):
                open_ids = [r.request_id for r in requests if r.request_id not in responses]
                if responses:
                    # The answers given before the pause are applied at once, as the engine does;
                    # AF keeps the rest of the batch pending.
                    more = await consume(
                        workflow.run(responses=responses, stream=True, **runtime), recorder
                    )
                    open_ids += [r.request_id for r in more if r.request_id not in open_ids]
                events.append({"t": "end", "how": "paused", "open": open_ids})
                if not resumes:
                    break
                # A resume, as a new process would do it: a workflow built anew, restored from
                # the checkpoint the pause left, re-emits the open requests.
                checkpoint_id = workflow.get_last_checkpoint_id()
                answers = resumes.pop(0)
                inputs = list(answers.get("inputs", []))
                decisions = list(answers.get("decisions", []))
                workflow = module.build_workflow(client)
                events.append({"t": "resumed"})
                stream = workflow.run(
                    checkpoint_id=checkpoint_id, checkpoint_storage=storage, stream=True
                )
                continue
            stream = workflow.run(responses=responses, stream=True, **runtime)
    except Exception as error:  # noqa: BLE001 - reported to the runner, which judges it
        events.append(
            {"t": "end", "how": "error", "error": f"{type(error).__name__}: {error}"[:400]}
        )
        if job.get("verbose"):
            traceback.print_exc(file=sys.stderr)
    finally:
        recorder.run_ms = (time.perf_counter() - started) * 1000


async def main() -> None:
    loop = asyncio.get_running_loop()
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            return
        if not line.strip():
            continue
        job = json.loads(line)
        recorder = Recorder()
        try:
            await asyncio.wait_for(run_job(job, recorder), job.get("timeoutSeconds", 60))
        except Exception as error:  # noqa: BLE001 - a timeout or a module that does not build
            recorder.events.append(
                {"t": "end", "how": "error", "error": f"{type(error).__name__}: {error}"[:400]}
            )
        answer = {
            "id": job["id"],
            "events": recorder.events,
            "ms": recorder.run_ms,
            "modelCalls": recorder.model_calls,
        }
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    print(json.dumps({"ready": True}), flush=True)
    asyncio.run(main())
