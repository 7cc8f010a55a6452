#!/usr/bin/env bash
# Checks the exported Python (the golden files, which test/unit/export.test.ts pins to the current
# exporter) against the real Agent Framework packages pinned in requirements-conformance.txt:
#  1. every module imports and build_workflow() builds with OpenAIChatCompletionClient and
#     OpenAIChatClient (no network needed to build), and the built workflow matches its document:
#     participants, start agent, handoff tools and their descriptions, tools and approval modes,
#     autonomous mode and limits, return-to-previous;
#  2. customer_support runs end to end in the terminal driver against a local fake OpenAI server:
#     handoff, approval prompt, filled tool result, keyword termination.
# Creates the project-local .venv on first use. Usage: bash scripts/check-python-export.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONDONTWRITEBYTECODE=1  # keep __pycache__ out of test/fixtures

if ! .venv/bin/python -c 'import agent_framework_orchestrations' >/dev/null 2>&1; then
  echo "creating .venv from requirements-conformance.txt" >&2
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check -r requirements-conformance.txt
fi
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements-conformance.txt

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

cat >"$work/conformance.py" <<'PY'
import importlib.util, json, logging, sys
from pathlib import Path
from agent_framework.openai import OpenAIChatClient, OpenAIChatCompletionClient

logging.disable(logging.WARNING)  # AF warns about terminal agents; expected.
pairs = [(Path("public/examples") / f"{p.stem}.json", p) for p in sorted(Path("test/fixtures/golden").glob("*.py"))]
pairs += [(p.with_suffix(".json"), p) for p in sorted(Path("test/fixtures/golden/tricky").glob("*.py"))]
failures = 0

def expected(doc):
    agents = {}
    for a in doc["agents"]:
        agents.setdefault(a["name"], a)
    def describe(desc, target):
        if desc is not None and desc.strip():
            return desc
        t = agents[target].get("description", "")
        return t if t.strip() else f"Handoff to the {target} agent."
    edges = {name: {} for name in agents}
    if not doc.get("handoffs"):
        for s in agents:
            for t in agents:
                if s != t:
                    edges[s][t] = describe(None, t)
    else:
        for e in doc["handoffs"]:
            s, t = e["source"], e["target"]
            if s in agents and t in agents and s != t and t not in edges[s]:
                edges[s][t] = describe(e.get("description"), t)
    return agents, edges

for source, module_path in pairs:
    doc = json.loads(source.read_text(encoding="utf-8"))
    spec = importlib.util.spec_from_file_location(module_path.stem, module_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    agents, edges = expected(doc)
    tools = {t["name"]: t.get("approval", "never_require") for t in doc.get("tools", [])}
    interaction = doc.get("interaction", {})
    for client_class in (OpenAIChatCompletionClient, OpenAIChatClient):
        client = client_class(model="gpt-4o-mini", api_key="test", base_url="http://127.0.0.1:9/v1")
        workflow = module.build_workflow(client)
        problems = []
        if list(workflow.executors) != list(agents):
            problems.append(f"participants {list(workflow.executors)} != {list(agents)}")
        start = doc["startAgent"] if doc["startAgent"] in agents else next(iter(agents))
        if workflow.start_executor_id != start:
            problems.append(f"start {workflow.start_executor_id} != {start}")
        autonomous = interaction.get("mode") == "autonomous"
        listed = [n for n in interaction.get("autonomousAgents", []) if n in agents]
        for name, executor in workflow.executors.items():
            offered = {t.name: t for t in executor._agent.default_options["tools"]}
            handoffs = {n[len("handoff_to_"):]: t.description for n, t in offered.items() if n.startswith("handoff_to_")}
            if handoffs != edges[name]:
                problems.append(f"{name}: handoffs {handoffs} != {edges[name]}")
            own = {n: t.approval_mode for n, t in offered.items() if not n.startswith("handoff_to_")}
            want = {t: tools[t] for t in agents[name].get("tools", []) if t in tools}
            if own != want:
                problems.append(f"{name}: tools {own} != {want}")
            on = autonomous and (not listed or name in listed)
            if executor._autonomous_mode != on:
                problems.append(f"{name}: autonomous {executor._autonomous_mode} != {on}")
            if on:
                limit = max(0, interaction.get("turnLimits", {}).get(name, 50))
                if executor._autonomous_mode_turn_limit != limit:
                    problems.append(f"{name}: turn limit {executor._autonomous_mode_turn_limit} != {limit}")
                prompt = interaction.get("autonomousPrompt", "User did not respond. Continue assisting autonomously.")
                if executor._autonomous_mode_prompt != prompt:
                    problems.append(f"{name}: autonomous prompt differs")
            target = None if interaction.get("returnToPrevious", True) else start
            if executor._user_response_target_id != target:
                problems.append(f"{name}: user replies go to {executor._user_response_target_id}, not {target}")
        status = "ok" if not problems else "FAILED"
        print(f"{status} {module_path} with {client_class.__name__}")
        for p in problems:
            print(f"   {p}")
        failures += bool(problems)
sys.exit(1 if failures else 0)
PY
.venv/bin/python "$work/conformance.py"

cat >"$work/fake_openai.py" <<'PY'
"""A fake OpenAI Chat Completions server (streaming) that replays a script per agent."""
import json, sys
from http.server import BaseHTTPRequestHandler, HTTPServer

SCRIPTS = {
    "frontline support triage": [{"tool": ("handoff_to_refund_agent", {})}],
    "You process refunds": [
        {"tool": ("process_refund", {"order_number": "123"})},
        {"text": "Your refund for order 123 is done."},
        {"text": "This reply must never be requested."},
    ],
}
calls = {key: 0 for key in SCRIPTS}

class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        system = " ".join(m["content"] for m in body["messages"] if m["role"] in ("system", "developer") and isinstance(m.get("content"), str))
        key = next(k for k in SCRIPTS if k in system)
        step = SCRIPTS[key][calls[key]]
        calls[key] += 1
        print(json.dumps({"agent": key, "last": body["messages"][-1]}), flush=True)
        if "text" in step:
            delta, finish = {"role": "assistant", "content": step["text"]}, "stop"
        else:
            name, args = step["tool"]
            call = {"index": 0, "id": f"call_{key[:3]}_{calls[key]}", "type": "function", "function": {"name": name, "arguments": json.dumps(args)}}
            delta, finish = {"role": "assistant", "tool_calls": [call]}, "tool_calls"
        chunk = lambda d, f: {"id": "c", "object": "chat.completion.chunk", "created": 0, "model": body["model"], "choices": [{"index": 0, "delta": d, "finish_reason": f}]}
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        for c in (chunk(delta, None), chunk({}, finish)):
            self.wfile.write(f"data: {json.dumps(c)}\n\n".encode())
        self.wfile.write(b"data: [DONE]\n\n")

server = HTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
PY
.venv/bin/python "$work/fake_openai.py" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do [ -s "$work/server.log" ] && break; sleep 0.1; done
port="$(head -n1 "$work/server.log")"

printf 'I want a refund\ny\nthanks, goodbye\n' |
  OPENAI_API_KEY=test OPENAI_BASE_URL="http://127.0.0.1:$port/v1" OPENAI_MODEL=fake \
    timeout 60 .venv/bin/python test/fixtures/golden/customer_support.py >"$work/out.txt" 2>"$work/err.txt" || {
  echo "FAILED: the customer_support driver exited with an error" >&2
  cat "$work/out.txt" "$work/err.txt" >&2
  exit 1
}
expect() {
  if ! grep -qF -- "$2" "$1"; then
    echo "FAILED end-to-end: missing \"$2\" in $(basename "$1")" >&2
    cat "$work/out.txt" "$work/server.log" >&2
    exit 1
  fi
}
expect "$work/out.txt" '[handoff triage_agent -> refund_agent]'
expect "$work/out.txt" 'Approve process_refund({"order_number": "123"})? [y/n]'
expect "$work/out.txt" 'refund_agent: Your refund for order 123 is done.'
expect "$work/out.txt" '[workflow finished]'
expect "$work/server.log" '"content": "Refund processed for order 123."'
if [ "$(grep -c '"agent"' "$work/server.log")" != 3 ]; then
  echo "FAILED end-to-end: expected 3 model calls (goodbye ends the run), got:" >&2
  cat "$work/server.log" >&2
  exit 1
fi
echo "ok end-to-end: customer_support (handoff, approval, tool result, keyword termination)"
