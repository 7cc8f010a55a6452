/** Saving text to a file and to the clipboard, from the browser. */
import { serializeWorkflow, WORKFLOW_SCHEMA_PATH, type Workflow } from '../../model';

/**
 * The absolute URL of the JSON Schema as this app serves it (`public/schema/`): what a file
 * leaving the app names as its `$schema`, so that an editor can fetch it.
 */
export function appSchemaUrl(): string {
  return new URL(WORKFLOW_SCHEMA_PATH, new URL(import.meta.env.BASE_URL, window.location.origin))
    .href;
}

/** A workflow as a downloaded file holds it: canonical JSON with an absolute `$schema`. */
export function workflowFileText(doc: Workflow): string {
  return serializeWorkflow(doc, { schemaUrl: appSchemaUrl() });
}

/** A file name from a workflow name: letters, digits, `_`, `-` and `.` only. */
export function fileNameFor(name: string, extension: string): string {
  const base =
    name
      .trim()
      .replace(/[^\w.-]+/g, '_')
      .replace(/^[_.]+|_+$/g, '') || 'workflow';
  return `${base.slice(0, 80)}.${extension}`;
}

/** Downloads `text` as a file. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start the download after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copies `text` to the clipboard; resolves false when the browser refuses. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Without the async clipboard (an insecure origin, a denied permission): the old way.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}
