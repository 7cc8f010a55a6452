/**
 * Exporters of the workflow document: canonical JSON, a Mermaid flowchart, Microsoft Agent
 * Framework code for Python and .NET, and OpenAI Agents SDK code for TypeScript and Python. Pure functions of the document; no Node built-ins.
 */
import type { Workflow } from '../schema';
import { serializeWorkflow, type SerializeOptions } from '../serialize';
import { exportMermaid } from './mermaid';
import { exportPython } from './python';
import { exportDotnet } from './dotnet';
import { exportAgentsTs } from './agentsTs';
import { exportAgentsPy } from './agentsPy';

export { exportMermaid, mermaidText, MERMAID_MESH_MAX_AGENTS } from './mermaid';
export { exportPython, pythonLimitations, PYTHON_AF_VERSIONS } from './python';
export { exportDotnet, dotnetLimitations } from './dotnet';
export { exportAgentsTs, agentsTsLimitations, AGENTS_TS_VERSION } from './agentsTs';
export { exportAgentsPy, agentsPyLimitations, AGENTS_PY_VERSIONS } from './agentsPy';
export { planExport, type ExportPlan, type PlannedEdge } from './plan';
export { quoted, pyString, csString, pyValue, IdentifierAllocator } from './literals';

/** The export targets of `exportWorkflow`. */
export type ExportTarget = 'json' | 'mermaid' | 'python' | 'dotnet' | 'agents-ts' | 'agents-py';

export const EXPORT_TARGETS: readonly ExportTarget[] = [
  'json',
  'mermaid',
  'python',
  'dotnet',
  'agents-ts',
  'agents-py',
];

/**
 * Exports a document: `json` is the canonical serialisation, `mermaid` a flowchart, `python`
 * and `dotnet` Agent Framework code. The result is text that ends with a newline. `options`
 * apply to `json` (the `$schema` a file leaving the app carries).
 */
export function exportWorkflow(
  doc: Workflow,
  to: ExportTarget,
  options: SerializeOptions = {},
): string {
  switch (to) {
    case 'json':
      return serializeWorkflow(doc, options);
    case 'mermaid':
      return exportMermaid(doc);
    case 'python':
      return exportPython(doc);
    case 'dotnet':
      return exportDotnet(doc);
    case 'agents-ts':
      return exportAgentsTs(doc);
    case 'agents-py':
      return exportAgentsPy(doc);
  }
}
