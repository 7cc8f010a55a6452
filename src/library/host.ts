/** The library's ports: the page it runs in, and what a session is built from. */
import type { DesignerStore } from '../store';
import type { WorkflowRepository } from '../storage/workflows';
import type { Autosave } from './autosave';
import type { CrossTab } from './crossTab';
import type { LibraryStore } from './libraryStore';

/**
 * What the library needs of the page it runs in. The browser's is `browserHost()` in
 * `src/app`; Node tests pass their own (examples read from `public/examples`, no page events).
 */
export interface LibraryHost {
  /** The text of an example shipped in `public/examples` (rejects when it cannot be read). */
  exampleText(file: string): Promise<string>;
  /** The example named by the page address's `?example=`, if any. */
  requestedExample(): string | null;
  /** Asks the person a yes/no question (`window.confirm`). */
  confirm(message: string): boolean;
  /**
   * Registers what happens when the page goes: `flush` writes the waiting change; when
   * `mustAsk()` is true the browser asks before leaving (changes not stored).
   */
  onLeave(flush: () => void, mustAsk: () => boolean): void;
}

/** What the library session is built from (`createApp` gives it the app's own). */
export interface LibrarySessionDeps {
  designer: DesignerStore;
  library: LibraryStore;
  repository: WorkflowRepository;
  autosave: Autosave;
  crossTab: CrossTab;
  host: LibraryHost;
  /** Tells the person what happened (the status bar). */
  say(text: string, tone?: 'info' | 'error'): void;
}
