/**
 * The fixed parts of the exported OpenAI Agents SDK (Python) module: imports, the template-tool
 * and handoff helpers and the terminal driver (the `Conversation` that runs the workflow the way
 * Handoff Studio does is in agentsPyConversation.ts). They hold no document data; `agentsPy.ts` writes the parts that do.
 * SDK names as verified in openai-agents 0.24.0 with openai 3.63.0 (requirements-agents.txt).
 * Written with String.raw: the Python is copied as it stands (backslashes included).
 */

export const AGENTS_PY_IMPORTS = String.raw`from __future__ import annotations

import asyncio
import json
import os
import re
import sys
from typing import Any, Callable

from agents import (
    Agent,
    FunctionTool,
    Handoff,
    MaxTurnsExceeded,
    ModelSettings,
    OpenAIChatCompletionsModel,
    RunConfig,
    RunHooks,
    Runner,
    ToolApprovalItem,
    handoff,
    set_tracing_disabled,
)
from agents.run_config import CallModelData, ModelInputData
from openai import AsyncOpenAI
`;

/** Names the fixed parts define at module level (agents and tools must not reuse them). */
export const AGENTS_PY_MODULE_NAMES = [
  'annotations',
  'asyncio',
  'json',
  'os',
  're',
  'sys',
  'Any',
  'Callable',
  'Agent',
  'FunctionTool',
  'Handoff',
  'MaxTurnsExceeded',
  'ModelSettings',
  'OpenAIChatCompletionsModel',
  'RunConfig',
  'RunHooks',
  'Runner',
  'ToolApprovalItem',
  'handoff',
  'set_tracing_disabled',
  'CallModelData',
  'ModelInputData',
  'AsyncOpenAI',
  'WORKFLOW_NAME',
  'WORKFLOW_DESCRIPTION',
  'START_AGENT',
  'DEFAULT_MODEL',
  'TEMPERATURE',
  'RETURN_TO_PREVIOUS',
  'MAX_HANDOFFS_PER_TURN',
  'MAX_MODEL_CALLS_PER_TURN',
  'AUTONOMOUS_PROMPT',
  'TURN_LIMITS',
  'MAX_MESSAGES',
  'MAX_USER_MESSAGES',
  'KEYWORDS',
  'END_ON_TERMINAL_AGENT',
  'TERMINAL_AGENTS',
  'MESH_DESCRIPTIONS',
  'client',
  'model',
  // Locals of build_agents.
  'agents',
  'source',
  'target',
  'name',
  'build_agents',
  'Conversation',
  'Outcome',
  'HandoffLimitReached',
  'main',
  'run_in_terminal',
];

export const AGENTS_PY_HELPERS = String.raw`_TEMPLATE_REF = re.compile(r"\{\{\s*([^{}\s]+)\s*\}\}")


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
    *, name: str, description: str, parameters: dict[str, Any], result: str, needs_approval: bool
) -> FunctionTool:
    """A function tool whose result is its filled template (a simulated tool).

    FunctionTool rather than @function_tool: the parameters are the document's JSON Schema as
    written, not one derived from a Python signature.
    """

    async def invoke(context: Any, raw: str) -> str:
        try:
            arguments = json.loads(raw) if raw.strip() else {}
        except json.JSONDecodeError:
            return "Error: invalid JSON arguments."
        if not isinstance(arguments, dict):
            return "Error: invalid JSON arguments."
        return _fill_template(result, arguments)

    return FunctionTool(
        name=name,
        description=description,
        params_json_schema=parameters,
        on_invoke_tool=invoke,
        strict_json_schema=False,
        needs_approval=needs_approval,
    )


def _transfer_message(agent: Any) -> str:
    return json.dumps({"handoff_to": agent.name}, separators=(",", ":"))


def _handoff(target: Agent, description: str) -> Handoff:
    """The handoff tool handoff_to_<target>, with the edge's description as its description."""
    made = handoff(
        target,
        tool_name_override="handoff_to_" + target.name,
        tool_description_override=description,
    )
    # The tool result Handoff Studio returns, {"handoff_to":"<target>"}, through the SDK's
    # get_transfer_message (set on the instance: a copy into a subclass would lose the target
    # reference the SDK needs to restore a RunState).
    made.get_transfer_message = _transfer_message  # type: ignore[method-assign]
    return made


def _model(client: AsyncOpenAI | None, name: str | None) -> Any:
    if client is None or name is None:
        return name
    return OpenAIChatCompletionsModel(model=name, openai_client=client)


def _settings() -> ModelSettings:
    return ModelSettings() if TEMPERATURE is None else ModelSettings(temperature=TEMPERATURE)
`;

export const AGENTS_PY_DRIVER = String.raw`def _ask(prompt: str) -> str:
    try:
        return input(prompt)
    except EOFError:
        return ""


def _print_event(event: dict[str, Any]) -> None:
    kind = event["t"]
    if kind == "text":
        print(f"\n{event['agent']}: {event['text']}", flush=True)
    elif kind == "handoff":
        print(f"[handoff {event['from']} -> {event['to']}]", flush=True)
    elif kind == "result" and not event["name"].startswith("handoff_to_"):
        print(f"[{event['agent']} called {event['name']}: {event['result']}]", flush=True)


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
    set_tracing_disabled(True)
    client = AsyncOpenAI(api_key=api_key, base_url=base_url)
    start, agents = build_agents(client, model=model)
    conversation = Conversation(start, agents, on_event=_print_event)
    outcome = await conversation.send(_ask("You: ").strip())
    while True:
        if outcome.kind == "input":
            print()
            outcome = await conversation.send(_ask("You: ").strip())
        elif outcome.kind == "approval":
            answers = []
            for item in outcome.approvals:
                arguments = json.dumps(_arguments(_get(item.raw_item, "arguments")))
                answer = _ask(f"Approve {item.tool_name}({arguments})? [y/n] ").strip().lower()
                answers.append(answer in ("y", "yes"))
            outcome = await conversation.decide(answers)
        elif outcome.kind == "completed":
            print(f"\n[workflow finished: {outcome.reason}]")
            return 0
        else:
            print(f"\nStopped: {outcome.reason} ({outcome.detail}).", file=sys.stderr)
            return 1


def main() -> int:
    try:
        return asyncio.run(run_in_terminal())
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
`;
