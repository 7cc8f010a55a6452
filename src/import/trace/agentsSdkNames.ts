/**
 * Agent names of an Agents SDK trace as names of a workflow. The SDK allows any name ("Billing
 * agent"); a workflow's agent names are `AGENT_NAME_PATTERN`. Against an open workflow a trace
 * name matches the agent of the same name, else the one it spells once made a valid name, else
 * one that differs only in case; without a workflow it becomes a valid name of its own (noted).
 */
import { AGENT_NAME_MAX, AGENT_NAME_PATTERN, type Workflow } from '../../model/schema';
import type { NoteLog } from './agentsSdkNotes';

/** A valid agent name spelled from `name`: other characters become `_`. */
export function validAgentName(name: string): string {
  let out = name.trim().replace(/[^A-Za-z0-9_-]+/g, '_');
  if (!/^[A-Za-z]/.test(out)) out = `A_${out}`;
  return out.slice(0, AGENT_NAME_MAX);
}

export class AgentNames {
  private readonly map = new Map<string, string>();
  private readonly taken = new Set<string>();
  private readonly exact = new Map<string, string>();
  private readonly folded = new Map<string, string>();

  constructor(
    private readonly notes: NoteLog,
    private readonly open?: Workflow,
  ) {
    for (const agent of open?.agents ?? []) {
      if (!this.exact.has(agent.name)) this.exact.set(agent.name, agent.name);
      const key = agent.name.toLowerCase();
      if (!this.folded.has(key)) this.folded.set(key, agent.name);
    }
  }

  /** The workflow name of the trace's agent `name` (the same answer every time). */
  of(name: string): string {
    const known = this.map.get(name);
    if (known !== undefined) return known;
    const resolved = this.open ? this.match(name) : this.fresh(name);
    this.map.set(name, resolved);
    return resolved;
  }

  /** Trace names and the workflow names they became, in the order they were first met. */
  entries(): Array<[string, string]> {
    return [...this.map];
  }

  private match(name: string): string {
    const valid = validAgentName(name);
    const found =
      this.exact.get(name) ?? this.exact.get(valid) ?? this.folded.get(valid.toLowerCase());
    if (found !== undefined) return found;
    this.notes.add(
      'flagged',
      'agent_not_in_workflow',
      `The trace's agent "${name}" is not an agent of the open workflow.`,
    );
    return valid;
  }

  private fresh(name: string): string {
    const valid = validAgentName(name);
    let candidate = valid;
    for (let n = 2; this.taken.has(candidate); n += 1) {
      const suffix = `_${n}`;
      candidate = `${valid.slice(0, AGENT_NAME_MAX - suffix.length)}${suffix}`;
    }
    this.taken.add(candidate);
    if (candidate !== name || !AGENT_NAME_PATTERN.test(name)) {
      this.notes.add(
        'recognised',
        'agent_renamed',
        `The trace's agent "${name}" is named "${candidate}" here (agent names are letters, ` +
          'digits, "_" and "-").',
      );
    }
    return candidate;
  }
}
