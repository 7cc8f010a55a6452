/** One fake IndexedDB (fake-indexeddb) for Node tests: what dexie needs instead of the browser's. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { IndexedDBDeps } from '../../src/storage/db';

/** A fresh, empty IndexedDB; pass the same one to two stores or apps to share a database. */
export function fakeIndexedDb(factory: IDBFactory = new IDBFactory()): Required<IndexedDBDeps> {
  return { indexedDB: factory, IDBKeyRange };
}
