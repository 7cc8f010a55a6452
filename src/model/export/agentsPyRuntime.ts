/**
 * The fixed parts of the exported OpenAI Agents SDK (Python) module: imports, the template-tool
 * and handoff helpers, the `Conversation` that runs the workflow the way Handoff Studio does, and
 * the terminal driver. They hold no document data; `agentsPy.ts` writes the parts that do.
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

export const AGENTS_PY_CONVERSATION = String.raw`class HandoffLimitReached(Exception):
    """The document's loop guard: more handoffs since the last user message than allowed."""


class Outcome:
    """Where a conversation stands after send() or decide().

    kind: "input" (the agent asks the user), "approval" (approvals holds the pending calls),
    "completed" (reason: termination_condition, terminal_agent, user_terminated) or "failed"
    (reason: loop_guard, model_call_limit; detail says more).
    """

    def __init__(
        self,
        kind: str,
        agent: str | None = None,
        reason: str | None = None,
        detail: str | None = None,
        approvals: list[ToolApprovalItem] | None = None,
    ) -> None:
        self.kind = kind
        self.agent = agent
        self.reason = reason
        self.detail = detail
        self.approvals = approvals or []

    def __repr__(self) -> str:
        return f"Outcome({self.kind!r}, agent={self.agent!r}, reason={self.reason!r})"


class _Hooks(RunHooks):
    def __init__(self, conversation: Conversation) -> None:
        self.conversation = conversation

    async def on_handoff(self, context: Any, from_agent: Any, to_agent: Any) -> None:
        self.conversation._handed_off(from_agent.name, to_agent.name)


def _text_of(item: Any) -> str | None:
    """The text of an assistant message item; None for any other item."""
    if not isinstance(item, dict) or item.get("role") != "assistant":
        return None
    content = item.get("content")
    if isinstance(content, str):
        return content
    parts = content or []
    return "".join(p.get("text", "") for p in parts if isinstance(p, dict))


class Conversation:
    """One conversation with the workflow, run the way Handoff Studio runs it.

    The SDK routes (handoffs, tools, approvals); this class adds what it lacks, written plainly:
    the per-agent view of the history (call_model_input_filter), the user's turns with
    returnToPrevious, autonomous continuations, termination conditions and the loop guard.
    on_event receives plain dicts: {"t": "model" | "text" | "call" | "result" | "handoff" |
    "input" | "approval", ...}, in the order things happened.
    """

    def __init__(
        self,
        start: Agent,
        agents: dict[str, Agent],
        on_event: Callable[[dict[str, Any]], None] | None = None,
    ) -> None:
        self.start = start
        self.agents = agents
        self.on_event = on_event or (lambda event: None)
        self.items: list[Any] = []  # the SDK's history (input items), only ever appended to
        self.owner: list[str | None] = []  # per item: the agent it is private to; None = shared
        self.author: list[str | None] = []  # per item: the agent that wrote it; None = the user
        self.shared: list[tuple[str, str, str | None]] = []  # (role, text, author) of the transcript
        self.calls: dict[str, tuple[str, str, str]] = {}  # call id -> (agent, tool, arguments)
        self.current = start  # the agent that asked the user last (returnToPrevious)
        self.caller: str | None = None  # the agent of the latest model call
        self.handoffs = 0  # since the last user message (loop guard)
        self.model_calls = 0  # since the last user message (model-call bound)
        self.continuations = 0  # autonomous continuations since the agent gained control
        self.state: Any = None  # the SDK's RunState while approvals are pending
        self.undecided: list[ToolApprovalItem] = []  # pending approvals not answered yet
        self.budget = MAX_MODEL_CALLS_PER_TURN
        self.inputs = 0
        self.config = RunConfig(
            workflow_name=WORKFLOW_NAME,
            tracing_disabled=True,
            call_model_input_filter=self._view,
            tool_not_found_behavior="return_error_to_model",
            tool_error_formatter=_tool_error,
        )
        self.hooks = _Hooks(self)

    async def send(self, text: str) -> Outcome:
        """A user message: blank ends the conversation; else it goes to the agent in charge."""
        if not text.strip():
            return Outcome("completed", reason="user_terminated")
        self._append({"role": "user", "content": text}, None)
        self.shared.append(("user", text, None))
        self.handoffs = 0
        self.model_calls = 0
        self.continuations = 0
        if self._terminated():
            return Outcome("completed", reason="termination_condition")
        agent = self.current if RETURN_TO_PREVIOUS else self.start
        return await self._run(agent, list(self.items))

    async def decide(self, answers: list[bool]) -> Outcome:
        """Answers pending approvals in order (True approves). Each answer is applied at once;
        the run goes on when none is left pending, else the rest are asked again."""
        state = self.state
        pending = self.undecided
        for item, approved in zip(pending, answers):
            if approved:
                state.approve(item)
            else:
                state.reject(item)
        self.undecided = pending[len(answers) :]
        if self.undecided:
            return Outcome("approval", agent=self.current.name, approvals=list(self.undecided))
        self.state = None
        return await self._run(self.current, state, resumed=True)

    # -- the SDK run ----------------------------------------------------------------------

    async def _run(self, agent: Agent, run_input: Any, resumed: bool = False) -> Outcome:
        if not resumed:
            self.budget = MAX_MODEL_CALLS_PER_TURN - self.model_calls
            if self.budget <= 0:
                return self._model_call_limit(agent.name)
        try:
            result = await Runner.run(
                agent,
                run_input,
                max_turns=self.budget,
                hooks=self.hooks,
                run_config=self.config,
            )
        except HandoffLimitReached as error:
            return Outcome("failed", reason="loop_guard", detail=str(error))
        except MaxTurnsExceeded:
            return self._model_call_limit(self.caller or agent.name)
        self.items = result.to_input_list()
        self._absorb(self.items)
        last = result.last_agent
        self.current = last
        if result.interruptions:
            self.state = result.to_state()
            self.undecided = list(result.interruptions)
            for item in result.interruptions:
                raw = item.raw_item
                self.on_event(
                    {
                        "t": "approval",
                        "agent": item.agent.name,
                        "requestId": _get(raw, "call_id"),
                        "callId": _get(raw, "call_id"),
                        "name": item.tool_name or _get(raw, "name"),
                        "arguments": _arguments(_get(raw, "arguments")),
                    }
                )
            return Outcome("approval", agent=last.name, approvals=list(result.interruptions))
        return await self._final_reply(last)

    async def _final_reply(self, agent: Agent) -> Outcome:
        if self._terminated():
            return Outcome("completed", agent=agent.name, reason="termination_condition")
        if END_ON_TERMINAL_AGENT and agent.name in TERMINAL_AGENTS:
            return Outcome("completed", agent=agent.name, reason="terminal_agent")
        limit = TURN_LIMITS.get(agent.name)
        if limit is not None and self.continuations < limit:
            self.continuations += 1
            # The prompt is private to the agent it wakes (owner), never shared.
            self._append({"role": "user", "content": AUTONOMOUS_PROMPT}, agent.name)
            return await self._run(agent, list(self.items))
        self.inputs += 1
        self.on_event({"t": "input", "agent": agent.name, "requestId": f"input-{self.inputs}"})
        return Outcome("input", agent=agent.name)

    def _model_call_limit(self, agent: str) -> Outcome:
        return Outcome(
            "failed",
            agent=agent,
            reason="model_call_limit",
            detail=f"{agent} would make more than {MAX_MODEL_CALLS_PER_TURN} model calls in a turn",
        )

    def _handed_off(self, source: str, target: str) -> None:
        self.handoffs += 1
        if self.handoffs > MAX_HANDOFFS_PER_TURN:
            raise HandoffLimitReached(
                f"{source} -> {target}: handoff limit of {MAX_HANDOFFS_PER_TURN} reached"
            )
        self.continuations = 0

    # -- what each agent sees ---------------------------------------------------------------

    def _view(self, data: CallModelData[Any]) -> ModelInputData:
        """call_model_input_filter: the agent sees the shared transcript (user messages and every
        agent's text) and only its own tool calls, results and autonomous prompts."""
        items = data.model_data.input
        self._absorb(items)
        name = data.agent.name
        self.caller = name
        self.model_calls += 1
        self.on_event({"t": "model", "agent": name})
        seen = []
        for item, owner, author in zip(items, self.owner, self.author):
            if owner is not None and owner != name:
                continue
            text = _text_of(item)
            if text is not None and author != name:
                # Another agent's text as a message of its own: the converter would otherwise
                # join this agent's next tool calls onto it.
                seen.append({"role": "assistant", "content": text})
            else:
                seen.append(item)
        return ModelInputData(input=seen, instructions=data.model_data.instructions)

    def _append(self, item: Any, owner: str | None) -> None:
        self.items.append(item)
        self.owner.append(owner)
        self.author.append(None)

    def _absorb(self, items: list[Any]) -> None:
        """Takes in the items the SDK added since last time: each belongs to the agent of the
        latest model call; its text is shared, its calls and results stay private."""
        if len(items) < len(self.owner):
            raise RuntimeError("the SDK's history shrank; this export expects it to grow only")
        agent = self.caller or self.start.name
        for item in items[len(self.owner) :]:
            self.author.append(agent)
            text = _text_of(item)
            if text is not None and text.strip():
                self.owner.append(None)
                self.shared.append(("assistant", text, agent))
                self.on_event({"t": "text", "agent": agent, "text": text})
                continue
            self.owner.append(agent)
            kind = _get(item, "type")
            if kind == "function_call":
                call_id = _get(item, "call_id")
                name = _get(item, "name")
                self.calls[call_id] = (agent, name, _get(item, "arguments") or "")
                self.on_event({"t": "call", "agent": agent, "callId": call_id, "name": name})
            elif kind == "function_call_output":
                call_id = _get(item, "call_id")
                _, name, arguments = self.calls.get(call_id, (agent, "", ""))
                output = _get(item, "output")
                output = output if isinstance(output, str) else json.dumps(output)
                self.on_event(
                    {
                        "t": "result",
                        "agent": agent,
                        "callId": call_id,
                        "name": name,
                        "arguments": _arguments(arguments),
                        "result": output,
                    }
                )
                target = _handoff_target(name, output)
                if target is not None:
                    self.on_event({"t": "handoff", "from": agent, "to": target})
        self.items = list(items)

    def _terminated(self) -> bool:
        """The document's termination parts, on the shared transcript."""
        if not self.shared:
            return False
        if MAX_MESSAGES is not None and len(self.shared) >= MAX_MESSAGES:
            return True
        if MAX_USER_MESSAGES is not None:
            if sum(1 for role, _, _ in self.shared if role == "user") >= MAX_USER_MESSAGES:
                return True
        latest = self.shared[-1][1].lower()
        return any(keyword.lower() in latest for keyword in KEYWORDS)


def _get(item: Any, key: str) -> Any:
    return item.get(key) if isinstance(item, dict) else getattr(item, key, None)


def _arguments(raw: Any) -> Any:
    if isinstance(raw, str):
        try:
            return json.loads(raw) if raw.strip() else {}
        except json.JSONDecodeError:
            return raw
    return raw if raw is not None else {}


def _handoff_target(tool: str, output: str) -> str | None:
    if not tool.startswith("handoff_to_"):
        return None
    try:
        parsed = json.loads(output)
    except json.JSONDecodeError:
        return None
    return parsed.get("handoff_to") if isinstance(parsed, dict) else None


def _tool_error(args: Any) -> str | None:
    """The texts Handoff Studio answers with (tool_error_formatter)."""
    if args.kind == "tool_not_found":
        return f'Error: Requested function "{args.tool_name}" not found.'
    if args.kind == "approval_rejected":
        return "Error: Tool call invocation was rejected by user."
    return None
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
