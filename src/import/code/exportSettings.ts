/**
 * The settings Handoff Studio's own Agents SDK exports keep in module constants (`WORKFLOW_NAME`,
 * `RETURN_TO_PREVIOUS`, `TURN_LIMITS`, the termination parts…), for both languages: each
 * constant bound to a literal is taken over and reported as `setting_recognised` with its line;
 * a constant bound to anything else is left as if it were absent.
 */
import type { Node } from 'web-tree-sitter';
import type { DraftAgent, WorkflowDraft } from './draft';
import type { Report } from './report';
import { bool, num, str, type Lit } from './values';

/** A module constant: its literal value and where it is bound. */
export interface ExportConstant {
  lit: Lit;
  at: Node;
}

/** The settings an export writes, each the constant that holds it (in the file's spelling). */
export interface ExportSettings {
  name?: ExportConstant;
  description?: ExportConstant;
  returnToPrevious?: ExportConstant;
  autonomousPrompt?: ExportConstant;
  /** A dict of agent name → turn limit, or a list of `[name, limit]` pairs. */
  turnLimits?: ExportConstant;
  maxHandoffsPerTurn?: ExportConstant;
  maxModelCallsPerTurn?: ExportConstant;
  maxMessages?: ExportConstant;
  maxUserMessages?: ExportConstant;
  keywords?: ExportConstant;
  endOnTerminalAgent?: ExportConstant;
}

/** The exports' default model-call bound: written out, it means "not set". */
const DEFAULT_MODEL_CALLS = 250;

function pairs(lit: Lit): Array<[string, number]> | undefined {
  const out: Array<[string, number]> = [];
  if (lit.t === 'dict') {
    for (const [k, v] of lit.entries) {
      const n = num(v);
      if (n === undefined) return undefined;
      out.push([k, n]);
    }
    return out;
  }
  if (lit.t !== 'list') return undefined;
  for (const item of lit.items) {
    const [k, v] = item.t === 'list' && item.items.length === 2 ? item.items : [];
    const name = k && str(k);
    const n = v && num(v);
    if (name === undefined || n === undefined) return undefined;
    out.push([name, n]);
  }
  return out;
}

const count = (lit: Lit) => {
  const n = num(lit);
  return n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
};

/** Takes each readable setting into `draft`; agents are matched by their name in the file. */
export function applyExportSettings(
  draft: WorkflowDraft,
  agents: readonly DraftAgent[],
  settings: ExportSettings,
  report: Report,
): void {
  const take = (c: ExportConstant | undefined, what: string, apply: (lit: Lit) => boolean) => {
    if (c && apply(c.lit)) {
      report.add('recognised', c.at, 'setting_recognised', `${what}, from the export's constant.`);
    }
  };
  take(settings.name, 'The workflow name', (l) => (draft.name = str(l)) !== undefined);
  take(settings.description, 'The workflow description', (l) => {
    draft.description = str(l);
    return draft.description !== undefined;
  });
  take(settings.returnToPrevious, 'Return to previous', (l) => {
    draft.interaction.returnToPrevious = bool(l);
    return bool(l) !== undefined;
  });
  const t = draft.termination;
  take(settings.maxHandoffsPerTurn, 'The handoff limit per turn', (l) => {
    t.maxHandoffsPerTurn = count(l);
    return t.maxHandoffsPerTurn !== undefined;
  });
  take(settings.maxModelCallsPerTurn, 'The model-call limit per turn', (l) => {
    const n = count(l);
    if (n !== undefined && n !== DEFAULT_MODEL_CALLS) t.maxModelCallsPerTurn = n;
    return n !== undefined;
  });
  take(settings.maxMessages, 'The message limit', (l) => (t.maxMessages = count(l)) !== undefined);
  take(settings.maxUserMessages, 'The user message limit', (l) => {
    t.maxUserMessages = count(l);
    return t.maxUserMessages !== undefined;
  });
  take(settings.keywords, 'The termination keywords', (l) => {
    const words = l.t === 'list' ? l.items.map(str) : [];
    if (l.t !== 'list' || words.some((w) => w === undefined)) return false;
    // The document leaves defaults out: no keywords is no `keywords`.
    if (words.length > 0) t.keywords = words as string[];
    return true;
  });
  take(settings.endOnTerminalAgent, 'Ending on a terminal agent', (l) => {
    if (bool(l) === true) t.endOnTerminalAgent = true;
    return bool(l) !== undefined;
  });
  take(settings.turnLimits, 'Autonomous mode with its agents and turn limits', (l) => {
    const limits = pairs(l);
    const prompt = settings.autonomousPrompt && str(settings.autonomousPrompt.lit);
    if (limits === undefined || limits.length === 0 || !prompt) return false;
    const byName = new Map(agents.map((a) => [a.name, a.id]));
    const known = limits.filter(([name]) => byName.has(name));
    draft.autonomous = {
      agents: known.map(([name]) => byName.get(name)!),
      turnLimits: known.map(([name, n]) => [byName.get(name)!, n]),
    };
    draft.interaction.autonomousPrompt = prompt;
    return true;
  });
}
