/**
 * Routing tests (docs/spec/tests.md): running a workflow's test cases through the engine,
 * judging them on the event stream, and the results. Pure TypeScript: imports only src/engine
 * and src/model, so it runs in the app, the CLI and the benchmarks alike.
 */
export * from './types';
export { observe, judge } from './judge';
export { runCase, type CaseRun, type CaseRunOptions } from './caseRun';
export { runSuite, DEFAULT_SAMPLES, type SuiteOptions, type SuiteProgress } from './suite';
export { wilson } from './wilson';
export { compareSuites } from './compare';
export { testCaseFromRun, type FromRunOptions } from './fromRun';
export { toJUnit } from './junit';
