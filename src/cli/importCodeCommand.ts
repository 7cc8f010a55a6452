/**
 * `cli import-code FILE [--lang …]` (docs/spec/cli.md#import-code): the workflow recovered from
 * framework code on stdout (canonical JSON), the report on stderr. The file is parsed, never run.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { serializeWorkflow } from '../model';
import {
  CODE_IMPORT_LIMITS,
  CODE_LANGUAGES,
  CodeImportError,
  importCode,
  languageOfFile,
  type CodeLanguage,
} from '../import/code';
import { nodeCodeParser } from './grammarFiles';
import { EXIT, UsageError, type CliIO } from './io';

/** The `--lang` value, or the language of the file's extension. */
export function parseCodeLanguage(value: string | undefined, file: string): CodeLanguage {
  if (value !== undefined) {
    if (!(CODE_LANGUAGES as readonly string[]).includes(value)) {
      throw new UsageError(`--lang must be one of ${CODE_LANGUAGES.join(', ')} (got "${value}").`);
    }
    return value as CodeLanguage;
  }
  const lang = languageOfFile(file);
  if (!lang) {
    throw new UsageError(
      `Error (code_unknown_language): "${basename(file)}" has no known extension; pass --lang.`,
    );
  }
  return lang;
}

export async function importCodeCommand(
  file: string,
  langFlag: string | undefined,
  io: CliIO,
): Promise<number> {
  const lang = parseCodeLanguage(langFlag, file);
  let source: string;
  try {
    const info = await stat(file);
    // Checked before reading, so a huge file is never loaded.
    if (info.size > CODE_IMPORT_LIMITS.maxChars * 4) {
      io.err(`Error (code_too_large): ${file} has ${info.size} bytes.`);
      return EXIT.usage;
    }
    source = await readFile(file, 'utf8');
  } catch (error) {
    io.err(`${file}: cannot be read (${(error as Error).message}).`);
    return EXIT.usage;
  }
  try {
    const result = await importCode(source, lang, nodeCodeParser(), {
      fallbackName: basename(file).replace(/\.[^.]+$/, '') || 'imported_workflow',
    });
    for (const note of result.report) {
      io.err(`${file}:${note.line}: ${note.kind} ${note.code}: ${note.message}`);
    }
    if (!result.workflow) return EXIT.failed;
    io.write(serializeWorkflow(result.workflow));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CodeImportError) {
      io.err(`Error (${error.code}): ${error.message}`);
      return EXIT.usage;
    }
    throw error;
  }
}
