/**
 * The fixed parts of the exported Python module: imports, the template-tool helper and the
 * terminal driver. They hold no document data; `python.ts` writes the parts that do.
 * Agent Framework API as verified in agent-framework-core 1.23.0, agent-framework-orchestrations
 * 1.4.0 and agent-framework-openai 1.17.0 (see requirements-conformance.txt).
 */

export const PYTHON_IMPORTS = `from __future__ import annotations

import asyncio
import json
import os
import re
import sys
from typing import Any

from agent_framework import Agent, Content, Message, WorkflowConvergenceException, tool
from agent_framework.openai import OpenAIChatCompletionClient
from agent_framework.orchestrations import HandoffAgentUserRequest, HandoffBuilder
`;

/** Names the fixed parts define at module level (agents and tools must not reuse them). */
export const PYTHON_MODULE_NAMES = [
  'annotations',
  'asyncio',
  'json',
  'os',
  're',
  'sys',
  'Any',
  'Agent',
  'Content',
  'Message',
  'WorkflowConvergenceException',
  'tool',
  'OpenAIChatCompletionClient',
  'HandoffAgentUserRequest',
  'HandoffBuilder',
  'WORKFLOW_NAME',
  'WORKFLOW_DESCRIPTION',
  'DEFAULT_MODEL',
  'MAX_HANDOFFS_PER_TURN',
  'AUTONOMOUS_PROMPT',
  'TERMINAL_AGENTS',
  'KEYWORDS',
  'chat_client',
  'model',
  'builder',
  'build_workflow',
  'should_terminate',
  'shared_transcript',
  'main',
  'run_in_terminal',
  'start_user_turn',
];

export const PYTHON_TOOL_HELPERS = `_TEMPLATE_REF = re.compile(r"\\{\\{\\s*([^{}\\s]+)\\s*\\}\\}")


def _fill_template(template: str, arguments: dict[str, Any]) -> str:
    """Replaces each {{name}} with that argument's value (text as is, anything else as JSON)."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in arguments:
            return match.group(0)
        argument = arguments[name]
        if isinstance(argument, str):
            return argument
        return json.dumps(argument, separators=(",", ":"), ensure_ascii=False)

    return _TEMPLATE_REF.sub(value, template)


def _template_tool(
    *, name: str, description: str, parameters: dict[str, Any], result: str, approval_mode: str
) -> Any:
    """An Agent Framework function tool whose result is its filled template (a simulated tool)."""

    def run(**arguments: Any) -> str:
        return _fill_template(result, arguments)

    return tool(
        run, name=name, description=description, schema=parameters, approval_mode=approval_mode
    )
`;

export const PYTHON_DRIVER = `def start_user_turn(workflow: Any) -> None:
    """Call before answering a user-input request: the user's reply starts a new turn.

    Agent Framework allows a run at most 100 supersteps (each handoff takes one) and counts them
    over the whole run: answering a request (run(responses=...)) does not reset the count, so a
    long conversation would stop with WorkflowConvergenceException (about turn 34 at one handoff
    per turn). A new message run resets it; a reply to the user is a new message too, so reset it
    here. Runner.reset_iteration_count is Agent Framework's own reset ("useful when the workflow
    resumes from a new set of messages"); it sits on the workflow's runner, which is not public
    API: if a later release moves it, nothing is reset and the limit applies per conversation.
    """
    reset = getattr(getattr(workflow, "_runner", None), "reset_iteration_count", None)
    if callable(reset):
        reset()


def _ask(prompt: str) -> str:
    try:
        return input(prompt)
    except EOFError:
        return ""


async def run_in_terminal() -> int:
    """Talks to the workflow in the terminal: an empty reply ends the conversation."""
    base_url = os.environ.get("OPENAI_BASE_URL") or None
    api_key = os.environ.get("OPENAI_API_KEY") or ("not-needed" if base_url else None)
    if api_key is None:
        print("Set OPENAI_API_KEY (and optionally OPENAI_BASE_URL, OPENAI_MODEL).", file=sys.stderr)
        return 2
    model = os.environ.get("OPENAI_MODEL") or None
    if not (model or DEFAULT_MODEL):
        print("Set OPENAI_MODEL: the document names no default model.", file=sys.stderr)
        return 2
    chat_client = OpenAIChatCompletionClient(
        model=model or DEFAULT_MODEL, api_key=api_key, base_url=base_url
    )
    workflow = build_workflow(chat_client, model=model)

    first = _ask("You: ").strip()
    if not first:
        return 0
    stream = workflow.run(first, stream=True)
    handoffs = 0  # since the last user message: the document's loop guard
    while True:
        requests = []
        speaker = None
        async for event in stream:
            if event.type == "output" and getattr(event.data, "text", ""):
                author = getattr(event.data, "author_name", None) or "agent"
                if author != speaker:
                    speaker = author
                    print(f"\\n{author}: ", end="")
                print(event.data.text, end="", flush=True)
            elif event.type == "handoff_sent":
                speaker = None
                handoffs += 1
                print(f"\\n[handoff {event.data.source} -> {event.data.target}]")
                if handoffs > MAX_HANDOFFS_PER_TURN:
                    print(f"\\nStopped: handoff limit of {MAX_HANDOFFS_PER_TURN} reached.")
                    return 1
            elif event.type == "request_info":
                requests.append(event)
            elif event.type == "failed":
                details = getattr(event, "details", None)
                reason = getattr(details, "message", None) or str(details)
                print(f"\\nStopped: the workflow failed ({reason}).", file=sys.stderr)
                return 1
        print()
        if not requests:
            print("[workflow finished]")
            return 0
        responses: dict[str, Any] = {}
        for request in requests:
            data = request.data
            if isinstance(data, HandoffAgentUserRequest):
                reply = _ask("You: ").strip()
                handoffs = 0
                start_user_turn(workflow)
                responses[request.request_id] = (
                    HandoffAgentUserRequest.create_response(reply)
                    if reply
                    else HandoffAgentUserRequest.terminate()
                )
            elif isinstance(data, Content) and data.type == "function_approval_request":
                call = data.function_call
                arguments = json.dumps(call.parse_arguments() or {})
                answer = _ask(f"Approve {call.name}({arguments})? [y/n] ").strip().lower()
                responses[request.request_id] = data.to_function_approval_response(
                    approved=answer in ("y", "yes")
                )
            else:
                print(f"Unsupported request: {type(data).__name__}", file=sys.stderr)
                return 1
        stream = workflow.run(responses=responses, stream=True)


def main() -> int:
    try:
        return asyncio.run(run_in_terminal())
    except WorkflowConvergenceException as error:
        print(f"\\nStopped: Agent Framework's superstep limit was reached ({error}).", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
`;
