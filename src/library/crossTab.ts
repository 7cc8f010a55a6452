/**
 * Other tabs of Handoff Studio on the same library: each save is announced on a
 * BroadcastChannel, so a tab that has the same workflow open learns at once that it changed
 * elsewhere. That tab then holds its own autosave (nothing it holds is written over the other
 * tab's version, nor lost) until the person chooses which version to keep.
 */
import { nanoid } from 'nanoid';

/** The channel's name: every tab of the app on this origin. */
export const CROSS_TAB_CHANNEL = 'handoff-studio.library';

/** What the cross-tab link needs of a BroadcastChannel (tests pass Node's, or a fake). */
export type TabChannel = Pick<
  BroadcastChannel,
  'postMessage' | 'addEventListener' | 'removeEventListener' | 'close'
>;

interface SavedMessage {
  type: 'saved';
  tab: string;
  id: string;
  updatedAt: string;
}

/** The browser's channel, or undefined where there is none (the link then does nothing). */
export function openTabChannel(): TabChannel | undefined {
  return typeof BroadcastChannel === 'undefined'
    ? undefined
    : new BroadcastChannel(CROSS_TAB_CHANNEL);
}

/** This tab's link to the others on one channel. */
export class CrossTab {
  /** This tab's id (its own announcements are ignored). */
  readonly tab: string;

  constructor(
    private readonly channel: TabChannel | undefined,
    tab: string = nanoid(),
  ) {
    this.tab = tab;
  }

  /** Tells the other tabs that this one saved workflow `id`. */
  announceSaved(id: string, updatedAt: string): void {
    const message: SavedMessage = { type: 'saved', tab: this.tab, id, updatedAt };
    this.channel?.postMessage(message);
  }

  /** Calls `onSaved` for every save announced by another tab; returns the unsubscribe. */
  listen(onSaved: (id: string, updatedAt: string) => void): () => void {
    const ch = this.channel;
    if (!ch) return () => {};
    const onMessage = (event: Event) => {
      const message = (event as MessageEvent<unknown>).data as Partial<SavedMessage> | null;
      if (message?.type !== 'saved' || message.tab === this.tab || typeof message.id !== 'string')
        return;
      onSaved(message.id, String(message.updatedAt));
    };
    ch.addEventListener('message', onMessage);
    return () => ch.removeEventListener('message', onMessage);
  }

  /** Closes the channel (the app is disposed). */
  close(): void {
    this.channel?.close();
  }
}
