/**
 * Which workflow a run belongs to. Every run started, forked, replayed or imported in the app
 * stores the library id of the workflow it came from in its record (`meta.workflowId`); a
 * resume keeps it. The Run panel, the past runs and the canvas overlay show only the runs of
 * the open workflow, matched by that id, never by the workflow's name (two workflows may share
 * a name, and a rename must not orphan its runs).
 *
 * Decision for runs without an id (records written before runs carried one, runs started while
 * no workflow was stored, run files imported from elsewhere) and for a workflow that is not
 * stored yet (opened from a link to an example, or the library is unavailable): they match by
 * the document hash, i.e. a run shows with a workflow whose document is exactly the one it ran.
 * That never attaches a run to an unrelated workflow; at worst an old run is listed nowhere
 * until its document is opened again.
 */
import { documentHash } from '../engine/hash';
import type { RunRecord } from '../engine/store';
import type { Workflow } from '../model';

/** `RunRecord.meta` key of the library id of the workflow a run was started from. */
export const WORKFLOW_ID = 'workflowId';

/** The open workflow, as runs are matched to it. */
export interface RunOwner {
  /** Its library id; undefined while it is not stored. */
  readonly id: string | undefined;
  /** Its document hash, computed only when a match needs it (then kept). */
  hash(): string;
}

/** What a run says about where it came from. */
export interface RunOrigin {
  readonly workflowId: string | undefined;
  readonly docHash: string | undefined;
}

/** The owner for workflow `id` (undefined: not stored) showing `doc`. */
export function runOwner(id: string | undefined, doc: Workflow): RunOwner {
  let hash: string | undefined;
  return { id, hash: () => (hash ??= documentHash(doc)) };
}

/** The workflow id a run record stores (undefined for older records and untagged imports). */
export function workflowIdOf(record: Pick<RunRecord, 'meta'>): string | undefined {
  return record.meta?.[WORKFLOW_ID];
}

/** The origin of a stored run. */
export const originOf = (record: RunRecord): RunOrigin => ({
  workflowId: workflowIdOf(record),
  docHash: record.docHash,
});

/** The run belongs to the open workflow: same id when both have one, else same document. */
export function belongsTo(run: RunOrigin, owner: RunOwner): boolean {
  if (run.workflowId !== undefined && owner.id !== undefined) return run.workflowId === owner.id;
  return run.docHash !== undefined && run.docHash === owner.hash();
}

/** The `meta` entry that ties a new run to workflow `id` (nothing when it has none). */
export const ownerMeta = (id: string | undefined): Record<string, string> =>
  id === undefined ? {} : { [WORKFLOW_ID]: id };
