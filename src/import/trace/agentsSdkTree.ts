/**
 * The spans of an Agents SDK trace as a tree, walked in the order they happened: children by
 * `started_at` (then by their place in the file), depth first, without recursion (a hostile file
 * may nest 100,000 spans). Each span comes with the agent, task and turn spans around it. A span
 * whose parent is not in the file becomes a root (noted); spans whose parents form a cycle are
 * (a span its own parent included) are never reached from a root and are left out (noted).
 */
import { isRecord, type SdkSpan } from './agentsSdkRead';
import type { NoteLog } from './agentsSdkNotes';

/** What a span is: the SDK's `span_data.type`, with its task and turn spans told apart. */
export type SpanKind =
  | 'task'
  | 'turn'
  | 'agent'
  | 'generation'
  | 'response'
  | 'function'
  | 'handoff'
  | 'guardrail'
  | 'other';

export interface WalkedSpan {
  span: SdkSpan;
  kind: SpanKind;
  /** The nearest agent span above it (or itself). */
  agent: SdkSpan | undefined;
  /** The nearest task span above it (one per `Runner.run` invocation), or itself. */
  task: SdkSpan | undefined;
  /** The nearest turn span above it, or itself. */
  turn: SdkSpan | undefined;
}

const KINDS: ReadonlySet<string> = new Set([
  'agent',
  'generation',
  'response',
  'function',
  'handoff',
  'guardrail',
]);

export function kindOf(span: SdkSpan): SpanKind {
  if (span.type === 'custom') {
    const data = span.data.data;
    const sdkType = isRecord(data) ? data.sdk_span_type : undefined;
    if (sdkType === 'task' || sdkType === 'turn') return sdkType;
    return 'other';
  }
  return KINDS.has(span.type) ? (span.type as SpanKind) : 'other';
}

const byStart = (a: SdkSpan, b: SdkSpan): number => {
  if (a.startedAt !== b.startedAt) {
    if (a.startedAt === null) return 1;
    if (b.startedAt === null) return -1;
    return a.startedAt < b.startedAt ? -1 : 1;
  }
  return a.index - b.index;
};

/** Every reachable span once, in the order the run went. */
export function walkSpans(spans: readonly SdkSpan[], notes: NoteLog): WalkedSpan[] {
  const byId = new Map<string, SdkSpan>();
  const unique: SdkSpan[] = [];
  for (const span of spans) {
    if (byId.has(span.id)) {
      notes.add(
        'left_out',
        'duplicate_span',
        `A second span with id ${span.id}; left out.`,
        span.id,
      );
      continue;
    }
    byId.set(span.id, span);
    unique.push(span);
  }
  const children = new Map<string, SdkSpan[]>();
  const roots: SdkSpan[] = [];
  for (const span of unique) {
    if (span.parentId === null) {
      roots.push(span);
    } else if (!byId.has(span.parentId)) {
      notes.add(
        'missing',
        'parent_missing',
        `The parent ${span.parentId} of span ${span.id} is not in the file.`,
        span.id,
      );
      roots.push(span);
    } else {
      const list = children.get(span.parentId);
      if (list) list.push(span);
      else children.set(span.parentId, [span]);
    }
  }
  roots.sort(byStart);
  for (const list of children.values()) list.sort(byStart);

  const out: WalkedSpan[] = [];
  const visited = new Set<string>();
  type Frame = Omit<WalkedSpan, 'kind'>;
  const stack: Frame[] = [];
  for (let i = roots.length - 1; i >= 0; i -= 1) {
    stack.push({ span: roots[i]!, agent: undefined, task: undefined, turn: undefined });
  }
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (visited.has(frame.span.id)) continue;
    visited.add(frame.span.id);
    const kind = kindOf(frame.span);
    const walked: WalkedSpan = {
      span: frame.span,
      kind,
      agent: kind === 'agent' ? frame.span : frame.agent,
      task: kind === 'task' ? frame.span : frame.task,
      turn: kind === 'turn' ? frame.span : frame.turn,
    };
    out.push(walked);
    const list = children.get(frame.span.id) ?? [];
    for (let i = list.length - 1; i >= 0; i -= 1) {
      stack.push({ span: list[i]!, agent: walked.agent, task: walked.task, turn: walked.turn });
    }
  }
  if (visited.size < unique.length) {
    for (const span of unique) {
      if (!visited.has(span.id)) {
        notes.add(
          'left_out',
          'parent_cycle',
          `Span ${span.id} hangs under a cycle of parent ids; left out.`,
          span.id,
        );
      }
    }
  }
  return out;
}
