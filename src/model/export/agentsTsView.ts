/**
 * The shared-transcript view of the exported Agents SDK (TypeScript) module, as text: what each
 * model call sees (the SDK's callModelInputFilter) and what termination counts. Part of the
 * conversation driver (`agentsTsDriver.ts`); no document data.
 */
export const AGENTS_TS_VIEW = `const roleOf = (item: AgentInputItem): unknown => (item as { role?: unknown }).role;

function textOf(item: AgentInputItem): string {
  const content = (item as { content?: unknown }).content;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: { text?: unknown }) => (typeof part.text === 'string' ? part.text : ''))
    .join('');
}

/** The text of a tool output as the SDK stores it (a string or a text part). */
function outputText(output: unknown): string {
  if (typeof output === 'string') return output;
  const text = (output as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? text : JSON.stringify(output);
}

/** The SDK answers a handoff {"assistant":"x"}; the model is shown {"handoff_to":"x"}. */
function asHandoffResult(item: AgentInputItem): AgentInputItem {
  const result = item as { type?: unknown; name?: unknown; output?: unknown };
  if (result.type !== 'function_call_result' || typeof result.name !== 'string') return item;
  if (!result.name.startsWith('handoff_to_')) return item;
  try {
    const parsed: unknown = JSON.parse(outputText(result.output));
    const target = (parsed as { assistant?: unknown } | null)?.assistant;
    if (typeof target !== 'string') return item;
    const text = JSON.stringify({ handoff_to: target });
    const output = typeof result.output === 'string' ? text : { type: 'text', text };
    return { ...item, output } as AgentInputItem;
  } catch {
    return item;
  }
}

/**
 * What each model call sees (docs/spec/run-semantics.md#the-shared-transcript): the user's
 * messages and every agent's text, another agent's as an assistant message with its name, and
 * the calling agent's own tool calls, results and autonomous prompts. History items carry no
 * author in the SDK: each new item belongs to the agent of the latest model call.
 */
function sharedView(saved: Saved, callers: string[]): CallModelInputFilter {
  return ({ modelData, agent }) => {
    for (let i = saved.owners.length; i < modelData.input.length; i++) {
      saved.owners.push(roleOf(modelData.input[i]!) === 'user' ? null : saved.caller);
    }
    saved.turn.modelCalls += 1;
    if (saved.turn.modelCalls > MAX_MODEL_CALLS_PER_TURN) {
      throw new LoopGuardError(
        'model_call_limit',
        agent.name + ' went over the limit of ' + MAX_MODEL_CALLS_PER_TURN + ' model calls in one turn.',
      );
    }
    saved.caller = agent.name;
    callers.push(agent.name);
    const prompts = new Set(saved.prompts);
    const input: AgentInputItem[] = [];
    modelData.input.forEach((item, i) => {
      const owner = saved.owners[i] ?? null;
      const mine = owner === agent.name;
      const role = roleOf(item);
      if (role === 'user') {
        if (!prompts.has(i) || mine) input.push(item);
      } else if (role === 'assistant') {
        // Plain text content, as Handoff Studio sends it (the Chat Completions converter passes
        // a string through; text parts would become a list of parts).
        const text = { ...item, content: textOf(item) } as AgentInputItem;
        if (mine || owner === null) input.push(text);
        else if (textOf(item).trim() !== '') {
          const providerData = (item as { providerData?: Record<string, unknown> }).providerData;
          input.push({ ...text, providerData: { ...providerData, name: owner } } as AgentInputItem);
        }
      } else if (item.type === 'function_call' || item.type === 'function_call_result') {
        if (mine) input.push(asHandoffResult(item));
      } else input.push(item);
    });
    return { instructions: modelData.instructions, input };
  };
}

/** The shared transcript's messages (user and agent text; autonomous prompts left out). */
function sharedTranscript(saved: Saved): string[] {
  const prompts = new Set(saved.prompts);
  const out: string[] = [];
  saved.history.forEach((item, i) => {
    const role = roleOf(item);
    if (role === 'user' && !prompts.has(i)) out.push(textOf(item));
    else if (role === 'assistant' && textOf(item).trim() !== '') out.push(textOf(item));
  });
  return out;
}

function terminationHolds(saved: Saved): boolean {
  const transcript = sharedTranscript(saved);
  const latest = (transcript[transcript.length - 1] ?? '').toLowerCase();
  const users = saved.history.filter((item, i) => roleOf(item) === 'user' && !saved.prompts.includes(i));
  return (
    (TERMINATION.maxMessages !== undefined && transcript.length >= TERMINATION.maxMessages) ||
    (TERMINATION.maxUserMessages !== undefined && users.length >= TERMINATION.maxUserMessages) ||
    (transcript.length > 0 && TERMINATION.keywords.some((k) => latest.includes(k.toLowerCase())))
  );
}
`;
