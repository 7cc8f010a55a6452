/**
 * Traces written by the real OpenAI Agents SDK (`@openai/agents`, installed), for the trace
 * import tests (docs/spec/import-trace.md#openai-agents-sdk). Three agents with handoffs made by
 * `handoff(agent, { toolNameOverride, toolDescriptionOverride })`, a plain tool and an
 * approval-gated one, run with the chat-completions model against the conformance server (which
 * scripts every reply), with a trace processor that writes every trace and span (`toJSON()`, one
 * object a line) to a file: once with `traceIncludeSensitiveData` and once without.
 *
 * As a program it writes the fixtures of `test/fixtures/traces/agents-sdk/`:
 *   npx tsx test/support/agentsSdkTrace.ts test/fixtures/traces/agents-sdk
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Agent,
  OpenAIChatCompletionsModel,
  Runner,
  handoff,
  setTraceProcessors,
  setTracingDisabled,
  tool,
  type Span,
  type Trace,
  type TracingProcessor,
} from '@openai/agents';
import OpenAI from 'openai';
import type { Script } from '../../src/engine';
import { startConformanceServer } from '../../conformance/server';

/** The agents' instructions: the conformance server recognises a caller by them. */
export const SDK_INSTRUCTIONS = {
  Triage: 'You are the triage desk. Route each customer to the right team.',
  Billing: 'You are billing. Look invoices up before answering.',
  Refunds: 'You are refunds. Issue refunds once a person approves.',
} as const;

export const BILLING_HANDOFF_DESCRIPTION = 'Questions about invoices, charges and payments.';
export const REFUNDS_HANDOFF_DESCRIPTION = 'When a charge must be paid back.';
export const WORKFLOW_NAME = 'Support desk (Agents SDK)';
export const USER_MESSAGE = 'I was charged twice for invoice INV-7.';

/** What the model answers, agent by agent (the n-th call of an agent gets its n-th reply). */
export const SDK_SCRIPT: Script = {
  Triage: [{ toolCalls: [{ name: 'handoff_to_billing', arguments: {} }] }],
  Billing: [
    {
      text: 'Let me look that invoice up.',
      toolCalls: [{ name: 'lookup_invoice', arguments: { invoice: 'INV-7' } }],
    },
    { toolCalls: [{ name: 'handoff_to_refunds', arguments: {} }] },
  ],
  Refunds: [
    { toolCalls: [{ name: 'issue_refund', arguments: { invoice: 'INV-7', amount: 42 } }] },
    { text: 'Refunded 42 for INV-7. Anything else?' },
  ],
};

/** One line of the processor's file: a trace (`object: "trace"`) or a span (`"trace.span"`). */
export type SdkTraceItem = Record<string, unknown>;

/** Writes each trace when it starts and each span when it ends, one JSON object a line. */
class FileTraceProcessor implements TracingProcessor {
  constructor(private readonly file: string) {}
  private write(item: Trace | Span<never>): void {
    const json = item.toJSON();
    if (json) appendFileSync(this.file, `${JSON.stringify(json)}\n`);
  }
  async onTraceStart(trace: Trace): Promise<void> {
    this.write(trace);
  }
  async onTraceEnd(): Promise<void> {}
  async onSpanStart(): Promise<void> {}
  async onSpanEnd(span: Span<never>): Promise<void> {
    this.write(span);
  }
  async shutdown(): Promise<void> {}
  async forceFlush(): Promise<void> {}
}

function buildRefunds(client: OpenAI): Agent {
  const issueRefund = tool({
    name: 'issue_refund',
    description: 'Pays an amount back. A person approves every call.',
    parameters: {
      type: 'object',
      properties: { invoice: { type: 'string' }, amount: { type: 'number' } },
      required: ['invoice', 'amount'],
      additionalProperties: false,
    },
    strict: true,
    needsApproval: true,
    execute: (input) => `Refund of ${(input as { amount: number }).amount} issued.`,
  });
  return new Agent({
    name: 'Refunds',
    instructions: SDK_INSTRUCTIONS.Refunds,
    model: new OpenAIChatCompletionsModel(client, 'gpt-test'),
    tools: [issueRefund],
  });
}

function buildAgents(baseURL: string) {
  const client = new OpenAI({ baseURL, apiKey: 'conformance-key' });
  const model = () => new OpenAIChatCompletionsModel(client, 'gpt-test');
  const lookupInvoice = tool({
    name: 'lookup_invoice',
    description: 'Looks an invoice up by its number.',
    parameters: {
      type: 'object',
      properties: { invoice: { type: 'string' } },
      required: ['invoice'],
      additionalProperties: false,
    },
    strict: true,
    execute: (input) => `Invoice ${(input as { invoice: string }).invoice}: 42 EUR, paid twice.`,
  });
  const refunds = buildRefunds(client);
  const billing = new Agent({
    name: 'Billing',
    instructions: SDK_INSTRUCTIONS.Billing,
    model: model(),
    tools: [lookupInvoice],
    handoffs: [
      handoff(refunds, {
        toolNameOverride: 'handoff_to_refunds',
        toolDescriptionOverride: REFUNDS_HANDOFF_DESCRIPTION,
      }),
    ],
  });
  const triage = new Agent({
    name: 'Triage',
    instructions: SDK_INSTRUCTIONS.Triage,
    model: model(),
    handoffs: [
      handoff(billing, {
        toolNameOverride: 'handoff_to_billing',
        toolDescriptionOverride: BILLING_HANDOFF_DESCRIPTION,
      }),
    ],
  });
  return triage;
}

/**
 * Runs the support desk on the real SDK and writes its trace to `file` (NDJSON, as the SDK's
 * objects' `toJSON()`). The refund needs approval: the run pauses, the call is approved, and the
 * run resumes from its `RunState`, as the SDK's human-in-the-loop examples do.
 */
export async function writeAgentsSdkTrace(
  file: string,
  sensitive: boolean,
): Promise<{ requestTools: unknown[] }> {
  writeFileSync(file, '');
  const server = await startConformanceServer();
  const session = `agents-sdk-${sensitive ? 'sensitive' : 'plain'}`;
  try {
    const baseURL = server.open(session, { ...SDK_INSTRUCTIONS }, SDK_SCRIPT);
    setTracingDisabled(false);
    setTraceProcessors([new FileTraceProcessor(file)]);
    const runner = new Runner({
      workflowName: WORKFLOW_NAME,
      traceIncludeSensitiveData: sensitive,
    });
    const triage = buildAgents(baseURL);
    let result = await runner.run(triage, USER_MESSAGE);
    while (result.interruptions.length > 0) {
      for (const interruption of result.interruptions) result.state.approve(interruption);
      result = await runner.run(triage, result.state);
    }
    const problems = server.session(session).problems;
    if (problems.length > 0) throw new Error(`the conformance server: ${problems.join('; ')}`);
    if (typeof result.finalOutput !== 'string') throw new Error('the run gave no final output');
    // The tools each model request offered, in order: what the SDK's spans leave out.
    return { requestTools: server.session(session).bodies.map((body) => body.tools ?? []) };
  } finally {
    setTraceProcessors([]);
    await server.close();
  }
}

/** A refund a person rejects: one agent, one approval-gated call, then its last word. */
export const REJECT_SCRIPT: Script = {
  Refunds: [
    { toolCalls: [{ name: 'issue_refund', arguments: { invoice: 'INV-9', amount: 500 } }] },
    { text: 'The refund was not approved.' },
  ],
};

/**
 * The refunds agent alone, its approval-gated call rejected (`state.reject`), written as
 * `writeAgentsSdkTrace` writes.
 */
export async function writeRejectedAgentsSdkTrace(file: string, sensitive: boolean): Promise<void> {
  writeFileSync(file, '');
  const server = await startConformanceServer();
  const session = `agents-sdk-reject-${sensitive ? 'sensitive' : 'plain'}`;
  try {
    const baseURL = server.open(session, { Refunds: SDK_INSTRUCTIONS.Refunds }, REJECT_SCRIPT);
    setTracingDisabled(false);
    setTraceProcessors([new FileTraceProcessor(file)]);
    const runner = new Runner({
      workflowName: 'Refund rejected',
      traceIncludeSensitiveData: sensitive,
    });
    const refunds = buildRefunds(new OpenAI({ baseURL, apiKey: 'conformance-key' }));
    let result = await runner.run(refunds, 'Refund 500 for INV-9.');
    for (const interruption of result.interruptions) result.state.reject(interruption);
    result = await runner.run(refunds, result.state);
    const problems = server.session(session).problems;
    if (problems.length > 0) throw new Error(`the conformance server: ${problems.join('; ')}`);
  } finally {
    setTraceProcessors([]);
    await server.close();
  }
}

/** The two files in `dir`: `support-desk.sensitive.ndjson` and `support-desk.plain.ndjson`. */
export async function writeAgentsSdkTraces(
  dir: string,
): Promise<{ sensitive: string; plain: string; requestTools: unknown[] }> {
  mkdirSync(dir, { recursive: true });
  const sensitive = join(dir, 'support-desk.sensitive.ndjson');
  const plain = join(dir, 'support-desk.plain.ndjson');
  const { requestTools } = await writeAgentsSdkTrace(sensitive, true);
  await writeAgentsSdkTrace(plain, false);
  return { sensitive, plain, requestTools };
}

const asProgram = process.argv[1]?.endsWith('agentsSdkTrace.ts');
if (asProgram) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: tsx test/support/agentsSdkTrace.ts OUT_DIR\n');
    process.exit(2);
  }
  writeAgentsSdkTraces(dir).then(
    ({ sensitive, plain }) => process.stdout.write(`${sensitive}\n${plain}\n`),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    },
  );
}
