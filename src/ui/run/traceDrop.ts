import type { App } from '../../app';
import { looksLikeTrace, TRACE_LIMITS } from '../../import/trace';
import { importFile } from '../files/filesStore';

/**
 * Where a dropped file goes: a framework trace (docs/spec/import-trace.md#formats) to the trace
 * import dialog, anything else to the workflow import dialog, as before.
 */
export async function dropFile(app: App, file: File): Promise<void> {
  if (file.size <= TRACE_LIMITS.maxChars) {
    const text = await file.text().catch(() => undefined);
    if (text !== undefined && looksLikeTrace(text)) {
      app.traces.offer(file.name, text);
      return;
    }
  }
  await importFile(app.files, file);
}
