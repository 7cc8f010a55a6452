/**
 * Shared pieces of the pure document operations (`edit*.ts`): the refusal error, the outcome of
 * an operation that creates things, and unique names. Every operation takes a document and returns
 * a new one (unchanged parts are shared, never copied) or the same object when nothing changed.
 */
import {
  AGENT_NAME_MAX,
  AGENT_NAME_PATTERN,
  FORMAT,
  workflowSchema,
  type Workflow,
} from './schema';

/** Why an operation was refused. Codes are stable; messages are for people. */
export type EditErrorCode =
  | 'unknown_agent'
  | 'duplicate_agent_name'
  | 'invalid_agent_name'
  | 'self_handoff'
  | 'duplicate_handoff'
  | 'unknown_handoff'
  | 'unknown_tool'
  | 'duplicate_tool_name'
  | 'invalid_tool_name'
  | 'invalid_fragment'
  | 'unknown_test'
  | 'duplicate_test_id'
  | 'invalid_test_id';

/** An operation was refused (the document is unchanged); the user's input is at fault. */
export class EditError extends Error {
  override readonly name = 'EditError';
  constructor(
    readonly code: EditErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The result of an operation that creates agents or edges: what to select afterwards. */
export interface EditOutcome {
  doc: Workflow;
  /** Names of the agents created (or renamed), in order. */
  agents?: string[];
  /** Indices in `doc.handoffs` of the edges created. */
  edges?: number[];
}

/** A name that fits the agent-name pattern, made from anything (`"Refund agent!"` → `Refund_agent`). */
export function sanitizeAgentName(base: string): string {
  let name = base
    .trim()
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/^[^A-Za-z]+/, '');
  if (name === '') name = 'agent';
  return name.slice(0, AGENT_NAME_MAX);
}

/**
 * `base` (sanitised) if no agent has that name, else `base_2`, `base_3`… A trailing `_<n>` of the
 * base is dropped first, so copying `agent_2` gives `agent_3`, not `agent_2_2`. Always within the
 * 48-character limit.
 */
export function uniqueAgentName(taken: Iterable<string> | Workflow, base: string): string {
  const names = new Set(
    isWorkflow(taken) ? taken.agents.map((a) => a.name) : (taken as Iterable<string>),
  );
  return uniqueName(names, sanitizeAgentName(base), AGENT_NAME_MAX);
}

/** Like `uniqueAgentName` for tools (64 characters). */
export function uniqueToolName(taken: Iterable<string> | Workflow, base: string): string {
  const names = new Set(
    isWorkflow(taken) ? taken.tools.map((t) => t.name) : (taken as Iterable<string>),
  );
  const clean = base.trim().replace(/[^A-Za-z0-9_-]+/g, '_') || 'tool';
  return uniqueName(names, clean.slice(0, 64), 64);
}

function uniqueName(names: ReadonlySet<string>, base: string, max: number): string {
  if (!names.has(base)) return base;
  const stem = base.replace(/_\d+$/, '') || base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = stem.slice(0, max - suffix.length) + suffix;
    if (!names.has(candidate)) return candidate;
  }
}

function isWorkflow(value: unknown): value is Workflow {
  return typeof value === 'object' && value !== null && 'agents' in value && 'handoffs' in value;
}

/** Refuses names that break the agent-name pattern (the operations that name agents use it). */
export function assertAgentName(name: string): void {
  if (!AGENT_NAME_PATTERN.test(name)) {
    throw new EditError(
      'invalid_agent_name',
      name === ''
        ? 'An agent needs a name.'
        : `"${name}" is not a valid agent name: start with a letter, then letters, digits, "_" or "-" (48 at most).`,
    );
  }
}

/** A shallow copy of `obj` without the keys whose value is `undefined` in `patch`, then patched. */
export function patchObject<T extends object>(obj: T, patch: Partial<T>): T {
  const out = { ...obj } as Record<string, unknown>;
  let changed = false;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) {
      if (key in out) {
        delete out[key];
        changed = true;
      }
    } else if (!Object.is(out[key], value)) {
      out[key] = value;
      changed = true;
    }
  }
  return changed ? (out as T) : obj;
}

/** A new, empty workflow (no agents yet: the designer's blank page). */
export function newWorkflow(name = 'untitled_workflow'): Workflow {
  return workflowSchema.parse({ format: FORMAT, version: 1, name, startAgent: '', agents: [] });
}
