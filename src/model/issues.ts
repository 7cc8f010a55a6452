/**
 * The validation issue type and the catalogue of stable issue codes. Codes are a contract (the
 * CLI prints them, tests and tools match on them): add new ones, never rename.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface ValidationIssue {
  code: IssueCode;
  severity: Severity;
  message: string;
  /** JSON path of the offending value, e.g. `agents[2].name` ("" = the whole document). */
  path: string;
  /** The agent the issue is about, when there is one. */
  agent?: string;
  /** The edge the issue is about, when there is one (`index` into `handoffs`). */
  edge?: { source: string; target: string; index: number };
  /** The routing test the issue is about, by its `id` (docs/spec/tests.md#validation). */
  testCase?: string;
  /** For a route pattern: the 1-based column in the pattern text the issue points at. */
  column?: number;
}

export const ISSUE_CODES = {
  // errors: the document cannot run
  no_agents: 'error',
  missing_start_agent: 'error',
  unknown_start_agent: 'error',
  invalid_agent_name: 'error',
  duplicate_agent_name: 'error',
  unknown_edge_source: 'error',
  unknown_edge_target: 'error',
  self_handoff: 'error',
  duplicate_handoff: 'error',
  unknown_tool_reference: 'error',
  duplicate_tool_reference: 'error',
  invalid_tool_name: 'error',
  duplicate_tool_name: 'error',
  tool_handoff_collision: 'error',
  invalid_tool_parameters: 'error',
  unknown_setting_agent: 'error',
  non_positive_turn_limit: 'error',
  non_positive_limit: 'error',
  implied_mesh_too_large: 'error',
  // warnings: it runs, but probably not as meant
  unreachable_agent: 'warning',
  start_agent_cannot_hand_off: 'warning',
  unbounded_autonomous_cycle: 'warning',
  missing_handoff_description: 'warning',
  empty_instructions: 'warning',
  empty_keyword: 'warning',
  template_unknown_argument: 'warning',
  // routing tests (docs/spec/tests.md#validation): warnings, so that a broken test never stops
  // the workflow from running or exporting; the `test` command refuses to run them.
  invalid_test_id: 'warning',
  duplicate_test_id: 'warning',
  empty_test_turns: 'warning',
  invalid_route_pattern: 'warning',
  unknown_test_agent: 'warning',
  unknown_test_tool: 'warning',
  invalid_test_regex: 'warning',
  invalid_pass_rate: 'warning',
  negative_test_limit: 'warning',
  // infos: worth knowing
  implied_mesh: 'info',
  terminal_agent: 'info',
  unused_tool: 'info',
  autonomous_settings_unused: 'info',
} as const satisfies Record<string, Severity>;

export type IssueCode = keyof typeof ISSUE_CODES;

export function issue(
  code: IssueCode,
  path: string,
  message: string,
  extra?: Pick<ValidationIssue, 'agent' | 'edge' | 'testCase' | 'column'>,
): ValidationIssue {
  return { code, severity: ISSUE_CODES[code], message, path, ...extra };
}

export const hasErrors = (issues: readonly ValidationIssue[]): boolean =>
  issues.some((i) => i.severity === 'error');

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then infos; stable within a severity. */
export function sortIssues(issues: readonly ValidationIssue[]): ValidationIssue[] {
  return [...issues].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}
