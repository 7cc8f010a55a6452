"""Writes the OpenTelemetry trace of one exported workflow's run on the real Agent Framework.

    afTrace.py JOB.json OUT.json

JOB is a conformance driver job (conformance/driver.py: module, baseURL, opening, inputs,
decisions) plus ``"capture": true|false`` (Agent Framework's sensitive-data capture: message
content and tool arguments on the spans). The run is driven exactly as the conformance driver
drives it; Agent Framework's own observability makes the spans, the OpenTelemetry SDK collects
them, and they are written to OUT as one OTLP/JSON ``ExportTraceServiceRequest`` (the protobuf
JSON mapping with hex trace and span ids, as the OTLP specification writes it). Prints the
driver's answer (its raw events) on stdout.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path
from typing import Any, Sequence

# Tool definitions and messages follow the latest GenAI conventions only with this opt-in; it is
# read when Agent Framework's settings are made, so before the import.
os.environ["OTEL_SEMCONV_STABILITY_OPT_IN"] = "gen_ai_latest_experimental"

from opentelemetry import trace  # noqa: E402
from opentelemetry.sdk.resources import Resource  # noqa: E402
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider  # noqa: E402
from opentelemetry.sdk.trace.export import (  # noqa: E402
    SimpleSpanProcessor,
    SpanExporter,
    SpanExportResult,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "conformance"))
import driver  # noqa: E402

from agent_framework.observability import enable_instrumentation  # noqa: E402


class Collect(SpanExporter):
    def __init__(self) -> None:
        self.spans: list[ReadableSpan] = []

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        self.spans.extend(spans)
        return SpanExportResult.SUCCESS

    def shutdown(self) -> None:
        pass


def any_value(value: Any) -> dict[str, Any]:
    if isinstance(value, bool):
        return {"boolValue": value}
    if isinstance(value, int):
        return {"intValue": str(value)}
    if isinstance(value, float):
        return {"doubleValue": value}
    if isinstance(value, (list, tuple)):
        return {"arrayValue": {"values": [any_value(v) for v in value]}}
    return {"stringValue": str(value)}


def attributes(attrs: Any) -> list[dict[str, Any]]:
    return [{"key": k, "value": any_value(v)} for k, v in (attrs or {}).items()]


def hex_id(value: int, width: int) -> str:
    return format(value, f"0{width}x")


def otlp_span(span: ReadableSpan) -> dict[str, Any]:
    context = span.get_span_context()
    out: dict[str, Any] = {
        "traceId": hex_id(context.trace_id, 32),
        "spanId": hex_id(context.span_id, 16),
        "name": span.name,
        "kind": span.kind.value + 1,  # the SDK counts from INTERNAL = 0, OTLP from INTERNAL = 1
        "startTimeUnixNano": str(span.start_time),
        "endTimeUnixNano": str(span.end_time),
        "attributes": attributes(span.attributes),
        "events": [
            {"timeUnixNano": str(e.timestamp), "name": e.name, "attributes": attributes(e.attributes)}
            for e in span.events
        ],
        "links": [
            {"traceId": hex_id(l.context.trace_id, 32), "spanId": hex_id(l.context.span_id, 16)}
            for l in span.links
        ],
        "status": {"code": span.status.status_code.value},
    }
    if span.parent is not None:
        out["parentSpanId"] = hex_id(span.parent.span_id, 16)
    if span.status.description:
        out["status"]["message"] = span.status.description
    return out


def otlp(spans: list[ReadableSpan], resource: Resource) -> dict[str, Any]:
    scopes: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for span in spans:
        scope = span.instrumentation_scope
        key = (scope.name if scope else "", (scope.version or "") if scope else "")
        scopes.setdefault(key, []).append(otlp_span(span))
    return {
        "resourceSpans": [
            {
                "resource": {"attributes": attributes(resource.attributes)},
                "scopeSpans": [
                    {"scope": {"name": name, "version": version}, "spans": found}
                    for (name, version), found in scopes.items()
                ],
            }
        ]
    }


async def main(job_path: str, out_path: str) -> None:
    job = json.loads(Path(job_path).read_text())
    resource = Resource.create({"service.name": "af-trace-test"})
    provider = TracerProvider(resource=resource)
    collect = Collect()
    provider.add_span_processor(SimpleSpanProcessor(collect))
    trace.set_tracer_provider(provider)
    enable_instrumentation(enable_sensitive_data=bool(job.get("capture", True)))
    recorder = driver.Recorder()
    await asyncio.wait_for(driver.run_job(job, recorder), job.get("timeoutSeconds", 60))
    provider.force_flush()
    Path(out_path).write_text(json.dumps(otlp(collect.spans, resource), indent=1) + "\n")
    print(json.dumps({"events": recorder.events}))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
