/**
 * The event stream of one engine invocation, readable any number of times: every iterator starts
 * at the first event of the invocation and waits for more until the invocation ends. Listeners
 * get events synchronously as they are emitted.
 */
import type { RunEvent } from './events';

export class EventChannel implements AsyncIterable<RunEvent> {
  private readonly events: RunEvent[] = [];
  private readonly listeners = new Set<(event: RunEvent) => void>();
  private wakers: Array<() => void> = [];
  private closed = false;

  /** Events emitted so far in this invocation. */
  get history(): readonly RunEvent[] {
    return this.events;
  }

  push(event: RunEvent): void {
    this.events.push(event);
    for (const listener of this.listeners) listener(event);
    this.wake();
  }

  close(): void {
    this.closed = true;
    this.wake();
  }

  subscribe(listener: (event: RunEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  [Symbol.asyncIterator](): AsyncIterator<RunEvent> {
    let index = 0;
    let returned = false;
    return {
      next: async () => {
        while (!returned && index >= this.events.length && !this.closed) {
          await new Promise<void>((resolve) => this.wakers.push(resolve));
        }
        if (!returned && index < this.events.length)
          return { done: false, value: this.events[index++]! };
        return { done: true, value: undefined };
      },
      return: async () => {
        returned = true;
        return { done: true, value: undefined };
      },
    };
  }

  private wake(): void {
    const wakers = this.wakers;
    this.wakers = [];
    for (const wake of wakers) wake();
  }
}
