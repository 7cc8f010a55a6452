/**
 * Routing tests (docs/spec/tests.md): running a workflow's test cases through the engine,
 * judging them on the event stream, and the results. Pure TypeScript: imports only src/engine
 * and src/model, so it runs in the app, the CLI and the benchmarks alike.
 */
export * from './types';
export { observe } from './observe';
export { judge, judgeObserved } from './judge';
export { toSampleResult, type SampleRef } from './sample';
export { runCase, type CaseRun, type CaseRunOptions } from './caseRun';
export { runSuite, DEFAULT_SAMPLES, type SuiteOptions, type SuiteProgress } from './suite';
export { CaseTally, summarizeCase } from './summary';
export { wilson, Z_95 } from './wilson';
export { compareSuites } from './compare';
export { testCaseFromRun, type FromRunOptions } from './fromRun';
export { toJUnit } from './junit';
