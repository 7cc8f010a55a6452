/**
 * The run loop: one engine invocation (a start or a resume) from its first event to `completed`,
 * `failed`, `stopped` or a pause. It emits the events of docs/spec/events.md in order, with a
 * monotonic `seq` that continues across resumes, and saves a checkpoint at the start, after every
 * agent reply (once its batch is answered, so a tool never runs twice on resume) and at every
 * pause.
 */
import { handoffTargetOf, own } from '../model';
import { Catalogues, requestEvent, statusOf, withUniqueIds } from './catalogue';
import { needsApproval, planCalls, RESULT_TEXT } from './calls';
import { HandoffStudioError } from './errors';
import type { RunEvent, RunEventBody } from './events';
import type { ModelReply } from './provider';
import { openRequestsOf, type NextStep, type PlannedCall, type RunState } from './state';
import { decideAfterFinalReply, terminationHolds } from './termination';
import { answerCall, handoffOf } from './turn';
import { callModel } from './modelCall';
import { RunEnding } from './ending';
import { beforeHandoff, beforeModelCall } from './loopGuard';
import type { RunOutcome } from './outcome';
import type { RunnerParts } from './runnerParts';

type Step = Promise<RunOutcome | undefined>;

export class Runner {
  private readonly catalogues: Catalogues;
  private readonly end: RunEnding;

  constructor(private readonly parts: RunnerParts) {
    this.catalogues = new Catalogues(parts.doc, parts.topology);
    this.end = new RunEnding(parts, (body) => this.emit(body));
  }

  private get state(): RunState {
    return this.parts.state;
  }

  /** A new run: `run_started`, the opening message, the start checkpoint, then the loop. */
  async start(openingText: string, documentProblems: string | undefined): Promise<RunOutcome> {
    return this.end.guard(async () => {
      await this.parts.recorder.begin();
      this.emit({ type: 'run_started', runId: this.state.runId });
      if (documentProblems !== undefined)
        return this.end.fail('invalid_document', documentProblems);
      const ended = await this.acceptUserMessage(openingText, this.parts.doc.startAgent, true);
      return ended ?? this.loop();
    });
  }

  /** A resumed run: `run_resumed`, every open request again (same ids), then the loop. */
  async resume(): Promise<RunOutcome> {
    return this.end.guard(async () => {
      await this.parts.recorder.begin();
      this.emit({
        type: 'run_resumed',
        runId: this.state.runId,
        checkpointId: this.state.checkpointId ?? '',
      });
      for (const request of openRequestsOf(this.state)) this.emit(requestEvent(request));
      return this.loop();
    });
  }

  private async loop(): Promise<RunOutcome> {
    for (;;) {
      const outcome = await this.step(this.state.next);
      if (outcome) return outcome;
    }
  }

  private step(next: NextStep): Step {
    switch (next.kind) {
      case 'call':
        return this.callAgent();
      case 'input':
        return this.receiveInput(next);
      case 'approval':
        return this.receiveApprovals(next);
      case 'completed':
        return this.end.complete(next.reason);
      default:
        // A damaged state must end the run, never spin the loop (readRunState refuses it first).
        throw new HandoffStudioError(
          'checkpoint_unreadable',
          `The run state's next step ${JSON.stringify((next as { kind?: unknown }).kind)} is unknown.`,
        );
    }
  }

  private async callAgent(): Step {
    this.throwIfStopped();
    const { doc, topology, transcript } = this.parts;
    const agent = this.state.activeAgent;
    const agentDoc = topology.agents.get(agent);
    if (!agentDoc) {
      return this.end.fail(
        'invalid_document',
        `The active agent "${agent}" is not in the document.`,
      );
    }
    const breach = beforeModelCall(doc, this.state, agent);
    if (breach)
      return this.end.fail(breach.code, breach.message, {
        agent: breach.agent,
        limit: breach.limit,
      });
    const pause = this.parts.breakpoints?.beforeCall(agent);
    if (pause) await this.atBreakpoint({ type: 'breakpoint', kind: pause, agent });
    const callIndex = own(this.state.modelCalls, agent) ?? 0;
    this.state.modelCalls[agent] = callIndex + 1;
    this.state.modelCallsSinceUser++;
    this.emit({ type: 'agent_started', agent });
    const { offered, specs } = this.catalogues.of(agent);
    const startedAt = this.parts.clock();
    const reply: ModelReply = await callModel(this.parts.provider, {
      agent,
      callIndex,
      model: agentDoc.model ?? doc.defaults.model,
      temperature: doc.defaults.temperature,
      messages: transcript.inputFor(agent, agentDoc.instructions),
      tools: specs,
      signal: this.parts.signal,
      onTextDelta: (delta) => this.emit({ type: 'text_delta', agent, delta }),
      onWait: (wait) => this.emit({ type: 'model_retry', agent, ...wait }),
    });
    this.throwIfStopped();
    if (reply.usage) {
      const durationMs = Math.max(0, Math.round(this.parts.clock() - startedAt));
      const { promptTokens, completionTokens, totalTokens, estimated } = reply.usage;
      this.emit({
        type: 'usage',
        agent,
        promptTokens,
        completionTokens,
        totalTokens,
        callIndex,
        durationMs,
        ...(estimated ? { estimated: true } : {}),
      });
    }
    const text = reply.text;
    const hasText = text.trim() !== '';
    if (hasText) {
      transcript.append({ kind: 'assistant', agent, text });
      this.emit({ type: 'message', agent, text });
    }
    if (reply.toolCalls.length === 0) return this.afterFinalReply(agent);

    const calls = withUniqueIds(reply.toolCalls, agent, callIndex);
    transcript.append({ kind: 'calls', agent, calls, withText: hasText });
    const planned = planCalls(calls, offered);
    // Without approvals each call is followed by its own result (docs/spec/events.md); a gated
    // batch announces every call first, then asks, then answers them all.
    if (!planned.some(needsApproval)) return this.answerCalls(agent, planned, new Map(), true);
    for (const call of planned) this.emitCall(agent, call);

    const requests = planned.filter(needsApproval).map((call) => ({
      kind: 'approval' as const,
      requestId: this.newRequestId(),
      agent,
      callId: call.callId,
      name: call.name,
      arguments: call.arguments,
    }));
    this.state.next = { kind: 'approval', agent, calls: planned, requests };
    this.parts.mailbox.add(requests);
    for (const request of requests) this.emit(requestEvent(request));
    await this.checkpoint();
    return undefined;
  }

  private async receiveApprovals(next: Extract<NextStep, { kind: 'approval' }>): Step {
    const { mailbox, signal } = this.parts;
    const ids = next.requests.map((r) => r.requestId);
    const waited = await mailbox.waitFor(ids, signal);
    // Every answer given is applied now, even when the invocation pauses on the rest.
    const { taken, waiting } = mailbox.takeApprovals(next.requests);
    const decided = [...(next.decided ?? [])];
    for (const { request, approved } of taken) {
      decided.push({ callId: request.callId, approved });
      this.emit({ type: 'approval_resolved', requestId: request.requestId, approved });
    }
    if (waited === 'suspended') {
      if (waiting.length < next.requests.length) {
        this.state.next = { ...next, requests: waiting, decided };
        await this.checkpoint();
      }
      return this.end.pause();
    }
    const decisions = new Map(decided.map((d) => [d.callId, d.approved]));
    return this.answerCalls(next.agent, next.calls, decisions, false);
  }

  private emitCall(agent: string, call: PlannedCall): void {
    const handoffTarget = handoffTargetOf(call.name);
    this.emit({
      type: 'tool_call',
      agent,
      callId: call.callId,
      name: call.name,
      arguments: call.arguments,
      ...(handoffTarget !== undefined ? { handoffTarget } : {}),
    });
  }

  /** Answers every call of a reply; `announce` emits each `tool_call` just before its result. */
  private async answerCalls(
    agent: string,
    calls: readonly PlannedCall[],
    decisions: ReadonlyMap<string, boolean>,
    announce: boolean,
  ): Step {
    const { doc, transcript } = this.parts;
    const handoff = handoffOf(calls);
    for (const call of calls) {
      if (announce) this.emitCall(agent, call);
      const answer = answerCall(
        agent,
        call,
        decisions.get(call.callId),
        this.catalogues.tools,
        handoff?.target,
      );
      const breach =
        call === handoff?.call ? beforeHandoff(doc, this.state, agent, handoff.target) : undefined;
      const result = breach ? RESULT_TEXT.handoffLimit(breach.limit) : answer.result;
      const isError = breach !== undefined || answer.isError;
      transcript.append({
        kind: 'result',
        agent,
        callId: call.callId,
        name: call.name,
        result,
        isError,
      });
      this.emit({
        type: 'tool_result',
        agent,
        callId: call.callId,
        name: call.name,
        result,
        isError,
      });
      if (breach)
        return this.end.fail(breach.code, breach.message, {
          agent: breach.agent,
          limit: breach.limit,
        });
      if (answer.warning) this.emit({ type: 'warning', ...answer.warning, agent });
    }
    if (handoff) {
      if (this.parts.breakpoints?.beforeHandoff(agent, handoff.target)) {
        await this.atBreakpoint({ type: 'breakpoint', kind: 'edge', agent, to: handoff.target });
      }
      this.emit({
        type: 'handoff',
        from: agent,
        to: handoff.target,
        ...(handoff.reason !== undefined ? { reason: handoff.reason } : {}),
      });
      this.state.handoffsSinceUser++;
      this.gainControl(handoff.target);
    }
    this.state.next = { kind: 'call' };
    await this.checkpoint();
    return undefined;
  }

  private async afterFinalReply(agent: string): Step {
    const { doc, topology, transcript } = this.parts;
    const decision = decideAfterFinalReply(doc, topology, this.state, transcript);
    if (decision.kind === 'complete') {
      this.state.next = { kind: 'completed', reason: decision.reason };
      await this.checkpoint();
      return this.end.complete(decision.reason);
    }
    if (decision.kind === 'continue') {
      this.state.autonomousTurns++;
      transcript.append({ kind: 'autonomous', agent, text: doc.interaction.autonomousPrompt });
      this.state.next = { kind: 'call' };
      await this.checkpoint();
      return undefined;
    }
    const request = { kind: 'input' as const, requestId: this.newRequestId(), agent };
    this.state.next = { kind: 'input', request };
    this.parts.mailbox.add([request]);
    this.emit(requestEvent(request));
    await this.checkpoint();
    return undefined;
  }

  private async receiveInput(next: Extract<NextStep, { kind: 'input' }>): Step {
    const { mailbox, signal, doc } = this.parts;
    const { requestId, agent } = next.request;
    if ((await mailbox.waitFor([requestId], signal)) === 'suspended') return this.end.pause();
    const answer = mailbox.takeInput(requestId);
    if (typeof answer !== 'string' || answer.trim() === '') {
      this.state.next = { kind: 'completed', reason: 'user_terminated' };
      return this.end.complete('user_terminated');
    }
    // returnToPrevious false: the start agent takes over with no handoff (and no loop-guard count).
    const target = doc.interaction.returnToPrevious ? agent : doc.startAgent;
    return this.acceptUserMessage(answer, target, false);
  }

  /** A user message arrives; termination is checked before any agent runs on it. */
  private async acceptUserMessage(text: string, agent: string, opening: boolean): Step {
    const { transcript, doc } = this.parts;
    this.emit({ type: 'user_message', text });
    transcript.append({ kind: 'user', text });
    this.state.userMessages++;
    this.state.handoffsSinceUser = 0;
    this.state.modelCallsSinceUser = 0;
    this.gainControl(agent);
    this.state.next = { kind: 'call' };
    if (opening) await this.checkpoint();
    if (terminationHolds(doc, this.state, transcript)) {
      this.state.next = { kind: 'completed', reason: 'termination_condition' };
      return this.end.complete('termination_condition');
    }
    return undefined;
  }

  private gainControl(agent: string): void {
    this.state.activeAgent = agent;
    this.state.autonomousTurns = 0;
  }

  private async checkpoint(): Promise<void> {
    const { recorder, transcript, channel } = this.parts;
    const seq = this.state.seq + 1;
    const checkpointId = `cp-${seq}`;
    const parentId = this.state.checkpointId;
    this.state.seq = seq;
    this.state.checkpointId = checkpointId;
    this.state.itemCount = transcript.length;
    const event: RunEvent = { seq, type: 'checkpoint_saved', checkpointId };
    await recorder.saveCheckpoint(
      this.state,
      transcript,
      event,
      parentId,
      statusOf(this.state.next),
    );
    channel.push(event);
  }

  /** Emits the breakpoint event and waits for Continue or Step (Stop rejects the wait). */
  private async atBreakpoint(event: Extract<RunEventBody, { type: 'breakpoint' }>): Promise<void> {
    const gate = this.parts.breakpoints!;
    const waiting = gate.wait(this.parts.signal);
    this.emit(event);
    await waiting;
    this.emit({ type: 'breakpoint_released', mode: gate.lastMode });
  }

  private emit(body: RunEventBody): void {
    const event = { seq: ++this.state.seq, ...body } as RunEvent;
    this.parts.recorder.note(event);
    this.parts.channel.push(event);
  }

  private throwIfStopped(): void {
    if (this.parts.signal.aborted)
      throw new HandoffStudioError('cancelled', 'The run was stopped.');
  }

  private newRequestId(): string {
    this.state.requestCount++;
    return `req-${this.state.requestCount}`;
  }
}
