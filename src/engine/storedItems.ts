/**
 * Reading the item log back from a checkpoint store: what a store returns is JSON written by an
 * earlier version, a crashed writer or a hand, so each item is checked against the transcript's
 * shape before the engine trusts it; a damaged log is `checkpoint_unreadable`, never a cast.
 */
import { z } from 'zod';
import { HandoffStudioError } from './errors';
import type { StoredItem } from './store';
import type { TranscriptItem } from './transcript';

const text = z.string();
const itemSchema: z.ZodType<TranscriptItem> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), text }),
  z.object({ kind: z.literal('assistant'), agent: z.string(), text }),
  z.object({
    kind: z.literal('calls'),
    agent: z.string(),
    calls: z.array(z.object({ id: z.string(), name: z.string(), arguments: z.string() })),
    withText: z.boolean(),
  }),
  z.object({
    kind: z.literal('result'),
    agent: z.string(),
    callId: z.string(),
    name: z.string(),
    result: z.string(),
    isError: z.boolean(),
  }),
  z.object({ kind: z.literal('autonomous'), agent: z.string(), text }),
]);

/** The items of run `runId` as transcript items; throws `checkpoint_unreadable` on the first bad one. */
export function readTranscriptItems(runId: string, items: readonly StoredItem[]): TranscriptItem[] {
  return items.map((item, index) => {
    const parsed = itemSchema.safeParse(item);
    if (parsed.success) return parsed.data;
    const where = parsed.error.issues[0]?.path.join('.') || 'the item';
    throw new HandoffStudioError(
      'checkpoint_unreadable',
      `Run "${runId}": transcript item ${index} is not one this engine can read (${where}).`,
    );
  });
}
