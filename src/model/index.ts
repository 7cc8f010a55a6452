/** The workflow document: schema, parsing, canonical form, topology and checks. Imports only zod. */
export * from './schema';
export * from './limits';
export * from './parse';
export * from './bom';
export * from './serialize';
export * from './migrations';
export * from './path';
export * from './own';
export * from './issues';
export * from './topology';
export * from './validate';
export { parameterProblems } from './validateTools';
export * from './testCases';
export * from './routePattern';
export {
  validateTests,
  isTestIssue,
  regexProblem,
  TEST_ISSUE_CODES,
  TEST_REGEX_MAX,
} from './validateTests';
