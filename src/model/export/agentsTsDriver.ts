/**
 * The conversation driver of the exported Agents SDK (TypeScript) module, as text: what Handoff
 * Studio's run semantics add around the SDK's runs (docs/spec/run-semantics.md). One SDK run goes
 * from a user message (or an autonomous prompt, or approvals) to a final reply or to approval
 * interruptions; around it the driver does the user's turns, returnToPrevious, autonomous
 * continuations with turn limits, termination, approvals (y/n), and pause/resume as JSON. Each
 * model call sees the shared transcript through `sharedView` (the SDK's callModelInputFilter):
 * user messages and every agent's text (another agent's with its name), and only the calling
 * agent's own tool calls and results. No document data here: `agentsTs.ts` writes that.
 */
export const AGENTS_TS_DRIVER = `/** What happens in a conversation, in order: for a terminal, a log or a test harness. */
export type ConversationEvent =
  | { type: 'model_call'; agent: string }
  | { type: 'message'; agent: string; text: string }
  | { type: 'tool_call'; agent: string; callId: string; name: string; arguments: string }
  | { type: 'tool_result'; agent: string; callId: string; name: string; result: string }
  | { type: 'handoff'; from: string; to: string }
  | { type: 'input_requested'; agent: string; requestId: string }
  | { type: 'approval_requested'; agent: string; requestId: string; name: string; arguments: string }
  | { type: 'resumed' };

/** How a conversation ended; a paused one carries the state to resume it from. */
export type ConversationEnd =
  | { status: 'completed'; reason: 'termination_condition' | 'terminal_agent' | 'user_terminated' }
  | { status: 'failed'; code: string; message: string }
  | { status: 'paused'; state: string };

export interface ConversationIO {
  /** The user's reply to an agent: '' ends the conversation, undefined pauses it. */
  ask(request: { agent: string; requestId: string }): Promise<string | undefined>;
  /** Whether a gated tool call may run; undefined pauses the conversation. */
  approve(request: {
    agent: string;
    requestId: string;
    name: string;
    arguments: string;
  }): Promise<boolean | undefined>;
  /** Every event, in order. */
  event?(event: ConversationEvent): void;
}

export interface ConversationOptions {
  /** Runs the agents; its model provider says where the model is. */
  runner: Runner;
  /** The opening message; without one, the user is asked first. */
  opening?: string;
  /** The state of a paused conversation (ConversationEnd.state) to go on from. */
  resume?: string;
  /** Overrides every agent's model. */
  model?: string;
}

/** A conversation between runs, as JSON (so that a paused one can be resumed anywhere). */
interface Saved {
  history: AgentInputItem[];
  /** The author of each history item: an agent, or null for the user's messages. */
  owners: Array<string | null>;
  /** History positions of autonomous prompts (private to their agent). */
  prompts: number[];
  /** The agent in control, and the agent of the latest model call. */
  agent: string;
  caller: string;
  turn: TurnContext;
  /** Autonomous continuations since the agent in control gained control. */
  continuations: number;
  requests: number;
  pending?:
    | { kind: 'input'; agent: string; requestId: string }
    | { kind: 'approval'; agent: string; run: string; decided: Record<string, boolean> };
}

function addMessage(saved: Saved, text: string, privateTo?: string): void {
  if (privateTo !== undefined) saved.prompts.push(saved.history.length);
  saved.history.push({ role: 'user', content: text });
  saved.owners.push(privateTo ?? null);
}

/** One SDK run, streamed: reports its events and returns the run's result. */
async function runOnce(
  workflow: Workflow,
  runner: Runner,
  saved: Saved,
  input: AgentInputItem[] | RunState<TurnContext, Agent<TurnContext>>,
  emit: (event: ConversationEvent) => void,
) {
  const callers: string[] = [];
  const result = await runner.run(workflow.agents.get(saved.agent)!, input, {
    stream: true,
    context: saved.turn,
    maxTurns: null,
    callModelInputFilter: sharedView(saved, callers),
    toolNotFoundBehavior: 'return_error_to_model',
    toolErrorFormatter: ({ kind, toolName }) =>
      kind === 'approval_rejected'
        ? 'Error: Tool call invocation was rejected by user.'
        : 'Error: Requested function "' + toolName + '" not found.',
  });
  for await (const event of result as AsyncIterable<RunStreamEvent>) {
    if (event.type === 'raw_model_stream_event' && event.data.type === 'response_started') {
      emit({ type: 'model_call', agent: callers.shift() ?? saved.caller });
    } else if (event.type === 'run_item_stream_event') {
      const item = event.item;
      if (item.type === 'message_output_item') {
        emit({ type: 'message', agent: item.agent.name, text: item.content });
      } else if (item.type === 'tool_call_item' || item.type === 'handoff_call_item') {
        const raw = item.rawItem as { callId?: string; name?: string; arguments?: string };
        emit({
          type: 'tool_call',
          agent: item.agent.name,
          callId: raw.callId ?? '',
          name: raw.name ?? '',
          arguments: raw.arguments ?? '',
        });
      } else if (item.type === 'tool_call_output_item') {
        const raw = item.rawItem as { callId?: string; name?: string; output?: unknown };
        emit({
          type: 'tool_result',
          agent: item.agent.name,
          callId: raw.callId ?? '',
          name: raw.name ?? '',
          result: outputText(raw.output),
        });
      } else if (item.type === 'handoff_output_item') {
        const raw = item.rawItem;
        emit({
          type: 'tool_result',
          agent: item.sourceAgent.name,
          callId: raw.callId,
          name: raw.name,
          result: outputText(raw.output),
        });
        emit({ type: 'handoff', from: item.sourceAgent.name, to: item.targetAgent.name });
        saved.continuations = 0;
      }
    }
  }
  await result.completed;
  if (result.error) throw result.error;
  saved.history = result.history;
  for (let i = saved.owners.length; i < saved.history.length; i++) saved.owners.push(saved.caller);
  saved.agent = (result.lastAgent ?? result.currentAgent ?? workflow.agents.get(saved.agent)!).name;
  return result;
}

const approvalRequest = (item: RunToolApprovalItem) => ({
  agent: item.agent.name,
  requestId: (item.rawItem as { callId?: string }).callId ?? '',
  name: item.name ?? '',
  arguments: item.arguments ?? '',
});

/**
 * A whole conversation: the user's turns, approvals, autonomous continuations, termination and
 * the loop guard, with the SDK running each stretch between two of them.
 */
export async function runConversation(
  io: ConversationIO,
  options: ConversationOptions,
): Promise<ConversationEnd> {
  const workflow = buildAgents({ model: options.model });
  const emit = (event: ConversationEvent) => io.event?.(event);
  const saved: Saved = options.resume
    ? (JSON.parse(options.resume) as Saved)
    : {
        history: [],
        owners: [],
        prompts: [],
        agent: workflow.start.name,
        caller: workflow.start.name,
        turn: { handoffs: 0, modelCalls: 0 },
        continuations: 0,
        requests: 0,
      };
  const pause = (): ConversationEnd => ({ status: 'paused', state: JSON.stringify(saved) });
  let input: AgentInputItem[] | RunState<TurnContext, Agent<TurnContext>> | undefined;
  if (options.resume) emit({ type: 'resumed' });
  else if (options.opening !== undefined && options.opening.trim() !== '') {
    addMessage(saved, options.opening);
    if (terminationHolds(saved)) return { status: 'completed', reason: 'termination_condition' };
    input = saved.history;
  } else saved.pending = { kind: 'input', agent: saved.agent, requestId: 'input-0' };
  try {
    for (;;) {
      const pending = saved.pending;
      if (input === undefined && pending?.kind === 'input') {
        emit({ type: 'input_requested', agent: pending.agent, requestId: pending.requestId });
        const reply = await io.ask({ agent: pending.agent, requestId: pending.requestId });
        if (reply === undefined) return pause();
        saved.pending = undefined;
        if (reply.trim() === '') return { status: 'completed', reason: 'user_terminated' };
        addMessage(saved, reply);
        saved.turn = { handoffs: 0, modelCalls: 0 };
        saved.continuations = 0;
        if (!RETURN_TO_PREVIOUS) saved.agent = workflow.start.name;
        if (terminationHolds(saved)) return { status: 'completed', reason: 'termination_condition' };
        input = saved.history;
      } else if (input === undefined && pending?.kind === 'approval') {
        // Every agent in control was reached from the start agent, where the SDK looks agents up.
        const state = await RunState.fromStringWithContext<TurnContext, Agent<TurnContext>>(
          workflow.start,
          pending.run,
          new RunContext<TurnContext>(saved.turn),
        );
        const items = state.getInterruptions();
        for (const item of items) {
          const request = approvalRequest(item);
          if (pending.decided[request.requestId] === undefined) {
            emit({ type: 'approval_requested', ...request });
          }
        }
        for (const item of items) {
          const request = approvalRequest(item);
          if (pending.decided[request.requestId] === undefined) {
            const answer = await io.approve(request);
            if (answer === undefined) return pause();
            pending.decided[request.requestId] = answer;
          }
          if (pending.decided[request.requestId]) state.approve(item);
          else state.reject(item);
        }
        saved.pending = undefined;
        input = state;
      } else if (input !== undefined) {
        const result = await runOnce(workflow, options.runner, saved, input, emit);
        input = undefined;
        if (result.interruptions.length > 0) {
          saved.pending = { kind: 'approval', agent: saved.agent, run: result.state.toString(), decided: {} };
          continue;
        }
        const agent = saved.agent;
        if (terminationHolds(saved)) return { status: 'completed', reason: 'termination_condition' };
        if (TERMINATION.endOnTerminalAgent && TERMINAL_AGENTS.has(agent)) {
          return { status: 'completed', reason: 'terminal_agent' };
        }
        const limit = TURN_LIMITS.get(agent);
        if (AUTONOMOUS_PROMPT !== undefined && limit !== undefined && saved.continuations < limit) {
          saved.continuations += 1;
          addMessage(saved, AUTONOMOUS_PROMPT, agent);
          input = saved.history;
          continue;
        }
        saved.requests += 1;
        saved.pending = { kind: 'input', agent, requestId: 'input-' + saved.requests };
      } else {
        return { status: 'failed', code: 'internal_error', message: 'nothing to do' };
      }
    }
  } catch (error) {
    if (error instanceof LoopGuardError) return { status: 'failed', code: error.code, message: error.message };
    const message = error instanceof Error ? error.name + ': ' + error.message : String(error);
    return { status: 'failed', code: 'sdk_error', message };
  }
}

/** The terminal: reads the user's lines, prints the agents' text and handoffs. */
async function main(): Promise<number> {
  const baseURL = env.OPENAI_BASE_URL || undefined;
  const apiKey = env.OPENAI_API_KEY || (baseURL ? 'not-needed' : undefined);
  if (apiKey === undefined) {
    stderr.write('Set OPENAI_API_KEY (and optionally OPENAI_BASE_URL, OPENAI_MODEL).\\n');
    return 2;
  }
  const model = env.OPENAI_MODEL || undefined;
  if (model === undefined && DEFAULT_MODEL === undefined) {
    stderr.write('Set OPENAI_MODEL: the document names no default model.\\n');
    return 2;
  }
  // Traces go to the OpenAI platform, which the key of another endpoint cannot reach.
  if (baseURL !== undefined) setTracingDisabled(true);
  // Every model request of an SDK run adds a listener to the run's own abort signal: without
  // this, Node warns of a leak after ten model calls in one run.
  setMaxListeners(0);
  const runner = new Runner({
    modelProvider: new OpenAIProvider({ apiKey, baseURL, useResponses: false }),
    workflowName: WORKFLOW_NAME,
  });
  const lines = createInterface({ input: stdin, terminal: false })[Symbol.asyncIterator]();
  const ask = async (prompt: string): Promise<string> => {
    stdout.write(prompt);
    const next = await lines.next();
    return next.done ? '' : next.value;
  };
  let speaker: string | undefined;
  const end = await runConversation(
    {
      ask: () => ask('\\nYou: '),
      approve: async ({ name, arguments: args }) =>
        ['y', 'yes'].includes((await ask('Approve ' + name + '(' + args + ')? [y/n] ')).trim().toLowerCase()),
      event: (event) => {
        if (event.type === 'message') {
          if (event.agent !== speaker) stdout.write('\\n' + event.agent + ': ');
          speaker = event.agent;
          stdout.write(event.text);
        } else if (event.type === 'handoff') {
          speaker = undefined;
          stdout.write('\\n[handoff ' + event.from + ' -> ' + event.to + ']');
        }
      },
    },
    { runner, model },
  );
  stdout.write('\\n');
  if (end.status === 'failed') {
    stderr.write('Stopped: ' + end.message + ' (' + end.code + ')\\n');
    return 1;
  }
  stdout.write('[workflow finished: ' + (end.status === 'completed' ? end.reason : end.status) + ']\\n');
  return 0;
}

if (argv[1] !== undefined && import.meta.url === pathToFileURL(argv[1]).href) {
  main().then(
    (code) => exit(code),
    (error: unknown) => {
      stderr.write('Stopped: ' + String(error) + '\\n');
      exit(1);
    },
  );
}
`;
