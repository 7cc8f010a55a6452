/**
 * Other tabs of Handoff Studio on the same library: each save is announced on a
 * BroadcastChannel, so a tab that has the same workflow open learns at once that it changed
 * elsewhere. That tab then holds its own autosave (nothing it holds is written over the other
 * tab's version, nor lost) until the person chooses which version to keep.
 */
import { nanoid } from 'nanoid';
import { libraryStore } from './libraryStore';

const CHANNEL = 'handoff-studio.library';
const TAB = nanoid();

interface SavedMessage {
  type: 'saved';
  tab: string;
  id: string;
  updatedAt: string;
}

let channel: BroadcastChannel | undefined;

function open(): BroadcastChannel | undefined {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel(CHANNEL);
  return channel;
}

/** Tells the other tabs that this one saved workflow `id`. */
export function announceSaved(id: string, updatedAt: string): void {
  const message: SavedMessage = { type: 'saved', tab: TAB, id, updatedAt };
  open()?.postMessage(message);
}

/**
 * Listens to the other tabs: `onListChanged` after any save there; the open workflow saved
 * there becomes `libraryStore.conflict`.
 */
export function listenToOtherTabs(onListChanged: () => void): () => void {
  const ch = open();
  if (!ch) return () => {};
  const onMessage = (event: MessageEvent<unknown>) => {
    const message = event.data as Partial<SavedMessage> | null;
    if (message?.type !== 'saved' || message.tab === TAB || typeof message.id !== 'string') return;
    onListChanged();
    const { currentId } = libraryStore.getState();
    if (message.id === currentId) {
      libraryStore.getState().set({ conflict: { updatedAt: String(message.updatedAt) } });
    }
  };
  ch.addEventListener('message', onMessage);
  return () => ch.removeEventListener('message', onMessage);
}
