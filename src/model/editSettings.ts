/** Pure operations on the workflow-level settings (name, start agent, interaction, termination…). */
import { patchObject } from './editCommon';
import type { Interaction, Termination, Workflow } from './schema';

/**
 * A change of workflow settings. Nested parts are patched field by field; an `undefined` value
 * removes an optional field (e.g. `termination: { maxMessages: undefined }`).
 */
export interface SettingsPatch {
  name?: string;
  description?: string;
  startAgent?: string;
  interaction?: Partial<Interaction>;
  termination?: Partial<Termination>;
  defaults?: Partial<Workflow['defaults']>;
}

export function updateWorkflowSettings(doc: Workflow, patch: SettingsPatch): Workflow {
  let next = doc;
  const top: Partial<Workflow> = {};
  if (patch.name !== undefined) top.name = patch.name;
  if (patch.description !== undefined) top.description = patch.description;
  if (patch.startAgent !== undefined) top.startAgent = patch.startAgent;
  next = patchObject(next, top);
  if (patch.interaction) {
    const interaction = patchObject(next.interaction, patch.interaction);
    if (interaction !== next.interaction) next = { ...next, interaction };
  }
  if (patch.termination) {
    const termination = patchObject(next.termination, patch.termination);
    if (termination !== next.termination) next = { ...next, termination };
  }
  if (patch.defaults) {
    const defaults = patchObject(next.defaults, patch.defaults);
    if (defaults !== next.defaults) next = { ...next, defaults };
  }
  return next;
}

/** Sets (or with `undefined`, removes) one agent's autonomous turn limit. */
export function setTurnLimit(doc: Workflow, agent: string, limit: number | undefined): Workflow {
  const current = doc.interaction.turnLimits;
  if (current[agent] === limit && (limit !== undefined || !Object.hasOwn(current, agent))) {
    return doc;
  }
  const turnLimits: Record<string, number> = {};
  for (const [key, value] of Object.entries(current)) if (key !== agent) turnLimits[key] = value;
  if (limit !== undefined) turnLimits[agent] = limit;
  return { ...doc, interaction: { ...doc.interaction, turnLimits } };
}

/** Adds an agent to the autonomous agents, or removes it. */
export function setAutonomousAgent(doc: Workflow, agent: string, on: boolean): Workflow {
  const list = doc.interaction.autonomousAgents;
  if (list.includes(agent) === on) return doc;
  const autonomousAgents = on ? [...list, agent] : list.filter((n) => n !== agent);
  return { ...doc, interaction: { ...doc.interaction, autonomousAgents } };
}
