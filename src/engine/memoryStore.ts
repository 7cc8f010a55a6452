/**
 * A `CheckpointStore` in memory: for tests, and for CLI runs without `--store`. Values are cloned
 * on the way in and out (structuredClone), as a real store would serialise them.
 */
import type { RunEvent } from './events';
import type { Checkpoint, CheckpointStore, RunRecord, StoredItem } from './store';

interface RunData {
  run: RunRecord;
  items: StoredItem[];
  events: RunEvent[];
  checkpoints: Map<string, Checkpoint>;
}

export class MemoryCheckpointStore implements CheckpointStore {
  private readonly runs = new Map<string, RunData>();

  async putRun(run: RunRecord): Promise<void> {
    const existing = this.runs.get(run.runId);
    if (existing) existing.run = structuredClone(run);
    else
      this.runs.set(run.runId, {
        run: structuredClone(run),
        items: [],
        events: [],
        checkpoints: new Map(),
      });
  }

  async getRun(runId: string): Promise<RunRecord | undefined> {
    const data = this.runs.get(runId);
    return data && structuredClone(data.run);
  }

  async listRuns(): Promise<RunRecord[]> {
    return [...this.runs.values()]
      .map((d) => structuredClone(d.run))
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  async deleteRun(runId: string): Promise<void> {
    this.runs.delete(runId);
  }

  async putItems(runId: string, start: number, items: readonly StoredItem[]): Promise<void> {
    const data = this.require(runId);
    items.forEach((item, i) => (data.items[start + i] = structuredClone(item)));
    // Whatever lay beyond belongs to a future that a resume has abandoned (store.ts).
    data.items.length = start + items.length;
  }

  async getItems(runId: string, count: number): Promise<StoredItem[]> {
    const items = this.require(runId).items.slice(0, count);
    if (items.length < count || items.includes(undefined as never)) {
      throw new Error(`Run ${runId}: ${count} items expected, ${items.length} stored.`);
    }
    return structuredClone(items);
  }

  async putEvents(runId: string, events: readonly RunEvent[]): Promise<void> {
    const data = this.require(runId);
    if (events.length === 0) return;
    for (const event of events) data.events[event.seq - 1] = structuredClone(event);
    data.events.length = Math.max(...events.map((e) => e.seq));
  }

  async getEvents(runId: string, uptoSeq?: number): Promise<RunEvent[]> {
    const events = this.require(runId).events;
    const upto = uptoSeq ?? events.length;
    return structuredClone(events.slice(0, upto).filter((e) => e !== undefined));
  }

  async putCheckpoint(checkpoint: Checkpoint): Promise<void> {
    this.require(checkpoint.runId).checkpoints.set(
      checkpoint.checkpointId,
      structuredClone(checkpoint),
    );
  }

  async getCheckpoint(runId: string, checkpointId: string): Promise<Checkpoint | undefined> {
    const cp = this.runs.get(runId)?.checkpoints.get(checkpointId);
    return cp && structuredClone(cp);
  }

  async deleteCheckpointsAfter(runId: string, seq: number): Promise<void> {
    const checkpoints = this.runs.get(runId)?.checkpoints;
    for (const [id, cp] of checkpoints ?? []) if (cp.seq > seq) checkpoints!.delete(id);
  }

  async listCheckpoints(runId: string): Promise<Checkpoint[]> {
    const data = this.runs.get(runId);
    if (!data) return [];
    return structuredClone([...data.checkpoints.values()]).sort((a, b) => a.seq - b.seq);
  }

  private require(runId: string): RunData {
    const data = this.runs.get(runId);
    if (!data) throw new Error(`Run ${runId} is not in this store.`);
    return data;
  }
}
