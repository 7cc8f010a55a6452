/**
 * Imports framework code as an editable workflow plus a report (docs/spec/import-code.md). The
 * source is parsed with tree-sitter and read as data: nothing in it is ever executed.
 */
import type { Node, Tree } from 'web-tree-sitter';
import { finishDraft, type WorkflowDraft } from './draft';
import { walk, type CodeParser } from './parser';
import { Report } from './report';
import {
  CODE_IMPORT_LIMITS,
  CodeImportError,
  type CodeFramework,
  type CodeImportResult,
  type CodeLanguage,
} from './types';
import { pythonFile } from './python/pyFile';
import { isAgentFrameworkPython, readAgentFrameworkPython } from './python/afPython';
import { isOpenAIAgentsPython, readOpenAIAgentsPython } from './python/openaiAgentsPy';
import { isAgentFrameworkDotnet, readAgentFrameworkDotnet } from './csharp/afDotnet';
import { isOpenAIAgentsTs, readOpenAIAgentsTs } from './typescript/openaiAgentsTs';

export interface CodeImportOptions {
  /** The workflow's name when the code names none (e.g. the file name without extension). */
  fallbackName?: string;
}

/** Syntax errors listed in the report at most (the rest are counted). */
const MAX_SYNTAX_NOTES = 20;

/** A recogniser: the framework it reads, or undefined when the file is not one of its kind. */
type Recogniser = (
  root: Node,
  nodes: Node[],
  report: Report,
) => { framework: CodeFramework; draft: WorkflowDraft } | undefined;

const agentsTs: Recogniser = (_root, nodes, report) =>
  isOpenAIAgentsTs(nodes)
    ? { framework: 'openai-agents', draft: readOpenAIAgentsTs(nodes, report) }
    : undefined;

const RECOGNISERS: Readonly<Record<CodeLanguage, Recogniser[]>> = {
  python: [
    (root, nodes, report) => {
      const file = pythonFile(root, nodes, report);
      if (isAgentFrameworkPython(file)) {
        return { framework: 'agent-framework-python', draft: readAgentFrameworkPython(file) };
      }
      if (isOpenAIAgentsPython(file)) {
        return { framework: 'openai-agents', draft: readOpenAIAgentsPython(file) };
      }
      return undefined;
    },
  ],
  typescript: [agentsTs],
  javascript: [agentsTs],
  csharp: [
    (root, nodes, report) =>
      isAgentFrameworkDotnet(nodes)
        ? {
            framework: 'agent-framework-dotnet',
            draft: readAgentFrameworkDotnet(root, nodes, report),
          }
        : undefined,
  ],
};

/** Imports `source` written in `lang`. Throws CodeImportError when it cannot even be read. */
export async function importCode(
  source: string,
  lang: CodeLanguage,
  parser: CodeParser,
  options: CodeImportOptions = {},
): Promise<CodeImportResult> {
  if (source.length > CODE_IMPORT_LIMITS.maxChars) {
    throw new CodeImportError(
      'code_too_large',
      `The file has ${source.length} characters; at most ${CODE_IMPORT_LIMITS.maxChars} are read.`,
    );
  }
  const tree: Tree = await parser.parse(source, lang);
  try {
    const report = new Report();
    const nodes = [...walk(tree.rootNode)];
    let syntax = 0;
    for (const node of nodes) {
      if (!node.isError && !node.isMissing) continue;
      if (++syntax <= MAX_SYNTAX_NOTES) {
        report.add(
          'not_understood',
          node,
          'syntax_error',
          node.isMissing
            ? `Syntax error: "${node.type}" is missing here; the rest of the file is still read.`
            : 'Syntax error: this part could not be parsed and is skipped.',
        );
      }
    }
    if (syntax > MAX_SYNTAX_NOTES) {
      report.add(
        'not_understood',
        0,
        'syntax_error',
        `${syntax - MAX_SYNTAX_NOTES} more syntax errors are not listed.`,
      );
    }
    for (const recognise of RECOGNISERS[lang]) {
      const found = recognise(tree.rootNode, nodes, report);
      if (!found) continue;
      const workflow = finishDraft(
        found.draft,
        report,
        options.fallbackName ?? 'imported_workflow',
      );
      return { workflow, framework: found.framework, report: report.sorted() };
    }
    report.add(
      'not_understood',
      0,
      'no_workflow_found',
      'No handoff workflow of a known framework was found in this file.',
    );
    return { report: report.sorted() };
  } finally {
    tree.delete();
  }
}
