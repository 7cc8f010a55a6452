/**
 * The OpenAI Agents SDK trace importer (docs/spec/import-trace.md). A placeholder until it lands:
 * it refuses every trace with a coded error.
 */
import { HandoffStudioError } from '../../engine/errors';
import type { Workflow } from '../../model/schema';
import type { TraceImport } from './types';

/** @throws HandoffStudioError `trace_not_supported`, always (not written yet). */
export function importAgentsSdkTrace(_json: unknown, _open?: Workflow): TraceImport {
  throw new HandoffStudioError(
    'trace_not_supported',
    'OpenAI Agents SDK traces cannot be imported yet.',
  );
}
