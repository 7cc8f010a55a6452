"""The support desk of test/support/agentsSdkTrace.ts on the real OpenAI Agents SDK for Python.

Three agents with handoffs made by ``handoff(agent, tool_name_override=..., tool_description_override=...)``,
a plain tool and an approval-gated one, on the chat-completions model against the conformance
server (which scripts every reply), with a trace processor that writes every trace (when it
starts) and every span (when it ends) as ``export()`` gives it, one JSON object a line.

    python agentsSdkTrace.py BASE_URL OUT_FILE sensitive|plain [reject]

With ``reject``: the refunds agent alone, its approval-gated call rejected (``state.reject``).

Nothing here reaches the network but the conformance server on 127.0.0.1.
"""

import asyncio
import json
import sys

from openai import AsyncOpenAI

from agents import (
    Agent,
    OpenAIChatCompletionsModel,
    RunConfig,
    Runner,
    function_tool,
    handoff,
    set_trace_processors,
)
from agents.tracing import TracingProcessor

INSTRUCTIONS = {
    "Triage": "You are the triage desk. Route each customer to the right team.",
    "Billing": "You are billing. Look invoices up before answering.",
    "Refunds": "You are refunds. Issue refunds once a person approves.",
}
BILLING_HANDOFF_DESCRIPTION = "Questions about invoices, charges and payments."
REFUNDS_HANDOFF_DESCRIPTION = "When a charge must be paid back."
WORKFLOW_NAME = "Support desk (Agents SDK)"
USER_MESSAGE = "I was charged twice for invoice INV-7."


class FileTraceProcessor(TracingProcessor):
    def __init__(self, path):
        self._file = open(path, "w", encoding="utf-8")

    def _write(self, item):
        exported = item.export()
        if exported:
            self._file.write(json.dumps(exported) + "\n")
            self._file.flush()

    def on_trace_start(self, trace):
        self._write(trace)

    def on_trace_end(self, trace):
        pass

    def on_span_start(self, span):
        pass

    def on_span_end(self, span):
        self._write(span)

    def shutdown(self):
        self._file.close()

    def force_flush(self):
        self._file.flush()


@function_tool(name_override="lookup_invoice")
def lookup_invoice(invoice: str) -> str:
    """Looks an invoice up by its number."""
    return f"Invoice {invoice}: 42 EUR, paid twice."


@function_tool(name_override="issue_refund", needs_approval=True)
def issue_refund(invoice: str, amount: float) -> str:
    """Pays an amount back. A person approves every call."""
    return f"Refund of {amount:g} issued."


def build(base_url):
    client = AsyncOpenAI(base_url=base_url, api_key="conformance-key")
    model = OpenAIChatCompletionsModel(model="gpt-test", openai_client=client)
    refunds = Agent(
        name="Refunds", instructions=INSTRUCTIONS["Refunds"], model=model, tools=[issue_refund]
    )
    billing = Agent(
        name="Billing",
        instructions=INSTRUCTIONS["Billing"],
        model=model,
        tools=[lookup_invoice],
        handoffs=[
            handoff(
                refunds,
                tool_name_override="handoff_to_refunds",
                tool_description_override=REFUNDS_HANDOFF_DESCRIPTION,
            )
        ],
    )
    return Agent(
        name="Triage",
        instructions=INSTRUCTIONS["Triage"],
        model=model,
        handoffs=[
            handoff(
                billing,
                tool_name_override="handoff_to_billing",
                tool_description_override=BILLING_HANDOFF_DESCRIPTION,
            )
        ],
    )


def build_refunds_alone(base_url):
    client = AsyncOpenAI(base_url=base_url, api_key="conformance-key")
    model = OpenAIChatCompletionsModel(model="gpt-test", openai_client=client)
    return Agent(
        name="Refunds", instructions=INSTRUCTIONS["Refunds"], model=model, tools=[issue_refund]
    )


async def main(base_url, out, mode, reject):
    processor = FileTraceProcessor(out)
    set_trace_processors([processor])
    config = RunConfig(
        workflow_name="Refund rejected" if reject else WORKFLOW_NAME,
        trace_include_sensitive_data=(mode == "sensitive"),
    )
    start = build_refunds_alone(base_url) if reject else build(base_url)
    message = "Refund 500 for INV-9." if reject else USER_MESSAGE
    result = await Runner.run(start, message, run_config=config)
    while result.interruptions:
        state = result.to_state()
        for interruption in result.interruptions:
            if reject:
                state.reject(interruption)
            else:
                state.approve(interruption)
        result = await Runner.run(start, state, run_config=config)
    if not isinstance(result.final_output, str):
        raise SystemExit("the run gave no final output")
    processor.shutdown()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:] == ["reject"]))
