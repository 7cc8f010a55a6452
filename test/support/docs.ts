/** Small document builders for tests. */
import { parseWorkflow, type Workflow, type WorkflowInput } from '../../src/model';

/** The smallest valid raw document (one agent named "a"). */
export function minimalDoc(): Record<string, unknown> {
  return {
    format: 'handoff-workflow',
    version: 1,
    name: 'test',
    startAgent: 'a',
    agents: [{ name: 'a' }],
  };
}

/** Parses a raw document, failing the test with every problem when it does not parse. */
export function doc(input: Partial<WorkflowInput> & Record<string, unknown>): Workflow {
  const result = parseWorkflow({ ...minimalDoc(), ...input });
  if (!result.ok) {
    throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  }
  return result.doc;
}
