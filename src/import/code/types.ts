/**
 * The contract of the code importer (docs/spec/import-code.md): languages, the report's notes
 * with stable codes, and the errors that stop an import before anything is recognised.
 */
import type { Workflow } from '../../model';

/** Languages the importer reads. */
export type CodeLanguage = 'python' | 'typescript' | 'javascript' | 'csharp';

export const CODE_LANGUAGES: readonly CodeLanguage[] = [
  'python',
  'typescript',
  'javascript',
  'csharp',
];

/** What happened to one construct of the file. */
export type CodeImportNoteKind = 'recognised' | 'approximated' | 'left_out' | 'not_understood';

/**
 * The report's stable codes (docs/spec/import-code.md#note-codes), each with the kind it is
 * usually reported with. Codes are added, never renamed.
 */
export const NOTE_CODES = {
  syntax_error: 'not_understood',
  no_workflow_found: 'not_understood',
  agent_recognised: 'recognised',
  agent_in_loop: 'not_understood',
  agent_name_not_literal: 'not_understood',
  agent_instructions_not_literal: 'approximated',
  agent_option_left_out: 'left_out',
  agent_not_participant: 'left_out',
  agent_reference_not_understood: 'not_understood',
  participant_not_understood: 'not_understood',
  agent_name_changed: 'approximated',
  agent_name_repeated: 'approximated',
  agent_temperature_dropped: 'approximated',
  tool_recognised: 'recognised',
  tool_simulated: 'approximated',
  tool_left_out: 'left_out',
  handoff_recognised: 'recognised',
  handoff_description_not_literal: 'approximated',
  handoff_not_understood: 'not_understood',
  handoff_option_left_out: 'left_out',
  mesh_by_omission: 'recognised',
  no_handoffs_mesh: 'approximated',
  start_agent_assumed: 'approximated',
  autonomous_mode: 'recognised',
  autonomous_prompts_merged: 'approximated',
  termination_recognised: 'recognised',
  termination_approximated: 'approximated',
  termination_not_understood: 'left_out',
  builder_option_left_out: 'left_out',
  builder_call_left_out: 'left_out',
  second_builder_left_out: 'left_out',
  setting_recognised: 'recognised',
} as const satisfies Record<string, CodeImportNoteKind>;

export type CodeImportNoteCode = keyof typeof NOTE_CODES;

/** One line of the import report. `message` is for people; match on `code`. */
export interface CodeImportNote {
  kind: CodeImportNoteKind;
  /** 1-based line in the imported file (0 when the note is about the whole file). */
  line: number;
  message: string;
  /** Stable code (docs/spec/import-code.md#note-codes). */
  code: CodeImportNoteCode;
}

/** The frameworks the importer recognises. */
export type CodeFramework = 'agent-framework-python' | 'agent-framework-dotnet' | 'openai-agents';

export interface CodeImportResult {
  /** The recovered workflow (canonical defaults filled in); absent when nothing was found. */
  workflow?: Workflow;
  /** The framework the file was read as; absent when none was recognised. */
  framework?: CodeFramework;
  report: CodeImportNote[];
}

/** Limits that keep hostile input bounded (docs/spec/import-code.md#limits). */
export const CODE_IMPORT_LIMITS = {
  /** Characters of source accepted. */
  maxChars: 1_000_000,
  /** Parse time in milliseconds before the parser gives up. */
  parseMs: 5_000,
  /** Nesting of syntax nodes followed when a value is read (deeper values are not literals). */
  maxValueDepth: 64,
  /** Syntax nodes visited per file. */
  maxNodes: 2_000_000,
} as const;

/** Stable codes of the errors that stop an import. */
export type CodeImportErrorCode =
  | 'code_too_large'
  | 'code_parse_timeout'
  | 'code_unknown_language'
  | 'code_grammar_unavailable'
  | 'code_too_complex';

/** An import that could not even start: nothing was recognised. */
export class CodeImportError extends Error {
  constructor(
    readonly code: CodeImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CodeImportError';
  }
}

/** The language of a file name's extension, or undefined. */
export function languageOfFile(name: string): CodeLanguage | undefined {
  const ext = /\.([A-Za-z]+)$/.exec(name)?.[1]?.toLowerCase();
  switch (ext) {
    case 'py':
      return 'python';
    case 'ts':
    case 'mts':
    case 'cts':
      return 'typescript';
    case 'js':
    case 'mjs':
    case 'cjs':
      return 'javascript';
    case 'cs':
      return 'csharp';
    default:
      return undefined;
  }
}
