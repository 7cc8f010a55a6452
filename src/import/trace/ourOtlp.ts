import type { Workflow } from '../../model/schema';
import type { OtlpSpan } from './otlpSpans';
import { HandoffStudioError } from '../../engine/errors';
import type { TraceImport, TraceNote } from './types';

export function importOurOtlp(
  _spans: OtlpSpan[],
  _notes: TraceNote[],
  _open?: Workflow,
): TraceImport {
  throw new HandoffStudioError('trace_not_supported', 'not yet');
}
