/**
 * The specification in docs/spec/ must keep up with the code: every stable code and every CLI
 * flag the source defines is documented, and the links between the pages resolve.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES } from '../../src/model/issues';
import { githubSlug, headingAnchors } from './markdownAnchors';

const root = join(__dirname, '..', '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const spec = (page: string): string => read(join('docs', 'spec', page));

/** Codes passed to `issue('<code>', …)` in the validators, beside the catalogue in issues.ts. */
function codesUsedInValidators(): string[] {
  const files = readdirSync(join(root, 'src/model')).filter((f) => /^validate.*\.ts$/.test(f));
  const codes = new Set<string>();
  for (const file of files) {
    const text = read(join('src/model', file));
    for (const m of text.matchAll(/\bissue\(\s*'([a-z_]+)'/g)) codes.add(m[1]!);
  }
  return [...codes];
}

/** Option names declared for `parseArgs` (`name: { type: 'string' | 'boolean' … }`). */
function declaredFlags(text: string): string[] {
  const pattern = /'?([a-z][a-z-]*)'?\s*:\s*\{\s*type:\s*'(?:string|boolean)'/g;
  return [...text.matchAll(pattern)].map((m) => m[1]!);
}

/** The commands `src/cli.ts` dispatches on (`case 'run':`), the help aliases aside. */
function dispatchedCommands(text: string): string[] {
  return [...text.matchAll(/case '([a-z]+)':/g)].map((m) => m[1]!);
}

const CLI_SOURCES = [
  'src/cli.ts',
  ...readdirSync(join(root, 'src/cli')).map((f) => `src/cli/${f}`),
];

describe('docs/spec/document.md', () => {
  const doc = spec('document.md');
  const validationSection = doc.slice(doc.indexOf('## Validation codes'));

  it('finds the validators’ codes (the extraction works)', () => {
    expect(codesUsedInValidators().length).toBeGreaterThan(20);
  });

  it.each([...new Set([...Object.keys(ISSUE_CODES), ...codesUsedInValidators()])])(
    'documents validation code %s',
    (code) => {
      expect(validationSection).toContain(`| \`${code}\` |`);
    },
  );

  it('documents each code under its severity', () => {
    for (const [code, severity] of Object.entries(ISSUE_CODES)) {
      const heading = { error: '### Errors', warning: '### Warnings', info: '### Infos' }[severity];
      const start = validationSection.indexOf(heading);
      const end = validationSection.indexOf('\n### ', start + 1);
      const section = validationSection.slice(start, end === -1 ? undefined : end);
      expect(section, `${code} under ${heading}`).toContain(`| \`${code}\` |`);
    }
  });
});

describe('docs/spec/cli.md', () => {
  const doc = spec('cli.md');
  const flags = [...new Set(CLI_SOURCES.flatMap((file) => declaredFlags(read(file))))];

  it('finds the declared flags (the extraction works)', () => {
    expect(flags).toEqual(expect.arrayContaining(['input', 'decision', 'store', 'to', 'json']));
  });

  it.each(flags)('documents --%s in a flag table', (flag) => {
    expect(doc).toContain(`| \`--${flag}\` |`);
  });

  const commands = dispatchedCommands(read('src/cli.ts'));

  it('finds the dispatched commands (the extraction works)', () => {
    expect(commands).toEqual(expect.arrayContaining(['validate', 'run', 'resume']));
  });

  it.each(commands)('documents the %s command', (command) => {
    expect(doc).toContain(`## \`${command}\``);
  });
});

describe('links between the docs/spec pages', () => {
  const pages = readdirSync(join(root, 'docs/spec')).filter((f) => f.endsWith('.md'));
  const links = pages.flatMap((page) =>
    [...spec(page).matchAll(/\]\(([^)\s]+)\)/g)]
      .map((m) => m[1]!)
      .filter((target) => !/^[a-z]+:/.test(target))
      .map((target) => ({ page, target })),
  );

  it('finds the links (the extraction works)', () => {
    expect(links.length).toBeGreaterThan(20);
  });

  it.each(links)('$page → $target resolves', ({ page, target }) => {
    const [path, anchor] = target.split('#') as [string, string | undefined];
    const file =
      path === '' ? join('docs/spec', page) : normalize(join('docs/spec', dirname(page), path));
    expect(existsSync(join(root, file)), `${file} exists`).toBe(true);
    if (anchor !== undefined) expect(headingAnchors(read(file))).toContain(anchor);
  });
});

describe('githubSlug', () => {
  it.each([
    ['Checkpoints and resume', 'checkpoints-and-resume'],
    ['`$schema`', 'schema'],
    ['User input and returnToPrevious', 'user-input-and-returntoprevious'],
    ['Errors (stable)', 'errors-stable'],
  ])('%s → %s', (heading, slug) => {
    expect(githubSlug(heading)).toBe(slug);
  });

  it('numbers repeated headings as GitHub does', () => {
    expect([...headingAnchors('# A\n## A\n```\n# B\n```\n## A')]).toEqual(['a', 'a-1', 'a-2']);
  });
});
