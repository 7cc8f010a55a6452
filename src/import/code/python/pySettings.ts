/**
 * The module constants of Handoff Studio's own Agents SDK export for Python (`WORKFLOW_NAME`,
 * `START_AGENT`, `TEMPERATURE`, `TURN_LIMITS`, `MAX_MESSAGES`, `KEYWORDS`…), read as literals
 * only, and the start agent, temperature and mesh they imply.
 */
import type { DraftAgent } from '../draft';
import { lineOf } from '../parser';
import { applyExportSettings, type ExportConstant } from '../exportSettings';
import { num, str } from '../values';
import { calleeName, pyArgs } from './pyLit';
import type { PythonFile } from './pyFile';

export function applyPyExportSettings(file: PythonFile, agents: readonly DraftAgent[]): void {
  const { reader, report, draft, root } = file;
  const constant = (name: string): ExportConstant | undefined => {
    const at = reader.bindings.lookup(root, name, root);
    return at ? { lit: reader.lit(at), at } : undefined;
  };
  applyExportSettings(
    draft,
    agents,
    {
      name: constant('WORKFLOW_NAME'),
      description: constant('WORKFLOW_DESCRIPTION'),
      returnToPrevious: constant('RETURN_TO_PREVIOUS'),
      autonomousPrompt: constant('AUTONOMOUS_PROMPT'),
      turnLimits: constant('TURN_LIMITS'),
      maxHandoffsPerTurn: constant('MAX_HANDOFFS_PER_TURN'),
      maxModelCallsPerTurn: constant('MAX_MODEL_CALLS_PER_TURN'),
      maxMessages: constant('MAX_MESSAGES'),
      maxUserMessages: constant('MAX_USER_MESSAGES'),
      keywords: constant('KEYWORDS'),
      endOnTerminalAgent: constant('END_ON_TERMINAL_AGENT'),
    },
    report,
  );
  const start = constant('START_AGENT');
  const startName = start && str(start.lit);
  const first = agents.find((a) => a.name === startName);
  if (start && first) {
    draft.start = first.id;
    draft.startLine = lineOf(start.at);
    report.add(
      'recognised',
      start.at,
      'setting_recognised',
      "The start agent, from the export's constant.",
    );
  }
  // `model_settings=_settings()` is `ModelSettings(temperature=TEMPERATURE)`.
  const temperature = constant('TEMPERATURE');
  const t = temperature && num(temperature.lit);
  if (temperature && t !== undefined) {
    const byCall = new Map(agents.map((a) => [a.id, a]));
    let used = false;
    for (const call of file.nodes) {
      const agent = call.type === 'call' ? byCall.get(`call:${call.id}`) : undefined;
      const settings = agent && pyArgs(call).keyword.get('model_settings');
      if (agent && settings?.type === 'call' && calleeName(settings) === '_settings') {
        agent.temperature ??= t;
        used = true;
      }
    }
    if (used) {
      report.add(
        'recognised',
        temperature.at,
        'setting_recognised',
        "The temperature, from the export's constant.",
      );
    }
  }
  // No written handoffs: the export gives every agent `_handoff(target, MESH_DESCRIPTIONS[…])`.
  const mesh = constant('MESH_DESCRIPTIONS');
  if (mesh && draft.edges.length === 0) {
    draft.mesh = true;
    report.add(
      'recognised',
      mesh.at,
      'mesh_by_omission',
      'No written handoffs: every agent may hand off to every other (the mesh).',
    );
  }
}
