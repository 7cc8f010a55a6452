/** Waiting in tests for a subscribable state to reach a condition (no polling, no sleeps). */
import type { RunController, RunView } from '../../src/runs';

/** Resolves once `test` holds for the store's state (checked now and on every change). */
export function until<T>(
  store: { getState(): T; subscribe(listener: () => void): () => void },
  test: (state: T) => boolean,
  what = 'the state',
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 5000);
    const check = () => {
      const state = store.getState();
      if (!test(state)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(state);
    };
    const unsubscribe = store.subscribe(check);
    check();
  });
}

/** Resolves with the run controller's view once `test` holds for it. */
export function untilView(
  controller: RunController,
  test: (view: RunView) => boolean,
): Promise<RunView> {
  return until({ getState: controller.getView, subscribe: controller.subscribe }, test, 'the run');
}
