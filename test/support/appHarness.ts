/**
 * The app of the browser, built in Node (`createApp` from src/app) on a fake IndexedDB, with a
 * host that reads the examples from `public/examples` and records what the page would do
 * (confirm, leaving). Every app built here is disposed after each test.
 */
import { readFile } from 'node:fs/promises';
import { afterEach } from 'vitest';
import { createApp, type App, type AppOptions } from '../../src/app';
import type { LibraryHost, TabChannel } from '../../src/library';
import { fakeIndexedDb } from './fakeIndexedDb';

export interface TestHost extends LibraryHost {
  /** What `confirm` was asked. */
  asked: string[];
  /** Its answer. */
  answer: boolean;
  /** The page-leaving hooks the library registered. */
  leave: { flush: () => void; mustAsk: () => boolean } | undefined;
}

/** A host on `public/examples`; `example` plays the address's `?example=`. */
export function testHost(example: string | null = null): TestHost {
  const host: TestHost = {
    asked: [],
    answer: true,
    leave: undefined,
    exampleText: (file) => readFile(`public/examples/${file}`, 'utf8'),
    requestedExample: () => example,
    confirm(message) {
      host.asked.push(message);
      return host.answer;
    },
    onLeave(flush, mustAsk) {
      host.leave = { flush, mustAsk };
    },
  };
  return host;
}

const built: App[] = [];
const channels: TabChannel[] = [];
afterEach(() => {
  for (const app of built.splice(0)) app.dispose();
  for (const channel of channels.splice(0)) channel.close();
});

export interface TestAppOptions extends Partial<AppOptions> {
  /** The browser profile: apps built with the same `indexedDB` share one database. */
  indexedDB?: AppOptions['indexedDB'];
}

/** Builds the app as main.tsx does, on a fake IndexedDB (a fresh one unless given). */
export function buildApp(options: TestAppOptions = {}): App & { host: TestHost } {
  const host = (options.host as TestHost | undefined) ?? testHost();
  const app = createApp({
    dbName: 'handoff-studio-test',
    saveDelayMs: 20,
    ...options,
    indexedDB: options.indexedDB ?? fakeIndexedDb(),
    host,
  });
  built.push(app);
  return Object.assign(app, { host });
}

/** A channel between tabs of this process (Node's BroadcastChannel), closed after the test. */
export function tabChannel(name = `handoff-studio-test-${Math.random()}`): () => TabChannel {
  return () => {
    const channel = new BroadcastChannel(name) as unknown as TabChannel;
    channels.push(channel);
    return channel;
  };
}

export { until } from './until';
