/**
 * Pure operations on the routing tests of a document (`tests`, docs/spec/tests.md). Cases are
 * found by their stable id, never by position. When the last case goes, `tests` goes too, so a
 * workflow without tests reads as it did before it had any.
 */
import { EditError, patchObject } from './editCommon';
import type { Workflow } from './schema';
import { TEST_ID_PATTERN, type Expectations, type TestCase } from './testCases';

/** Fields of a new case; its id is made unique from `id` or "case". */
export type NewTestCase = Partial<TestCase>;

/** The cases of a document (none when it has no `tests`). */
export function testCasesOf(doc: Workflow): readonly TestCase[] {
  return doc.tests ?? [];
}

/** `base` if no case has that id, else `base_2`, `base_3`… (always a valid id). */
export function uniqueTestId(doc: Workflow, base = 'case'): string {
  const taken = new Set(testCasesOf(doc).map((t) => t.id));
  let clean = base
    .trim()
    .replace(/[^A-Za-z0-9_.-]+/g, '_')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 56);
  if (clean === '') clean = 'case';
  if (!taken.has(clean)) return clean;
  const stem = clean.replace(/_\d+$/, '') || clean;
  for (let n = 2; ; n++) {
    const candidate = `${stem}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Adds a case at the end (or after `after`). Returns the document and the new case's id. */
export function addTestCase(
  doc: Workflow,
  fields: NewTestCase = {},
  after?: string,
): { doc: Workflow; id: string } {
  const id = uniqueTestId(doc, fields.id ?? 'case');
  const test: TestCase = {
    ...fields,
    id,
    name: fields.name ?? 'New case',
    turns: fields.turns ?? [''],
    expect: fields.expect ?? {},
  };
  const tests = testCasesOf(doc).slice();
  const at = after === undefined ? tests.length : caseIndex(doc, after) + 1;
  tests.splice(at, 0, test);
  return { doc: { ...doc, tests }, id };
}

/** Changes fields of one case (not its id); a field set to `undefined` is removed. */
export function updateTestCase(
  doc: Workflow,
  id: string,
  patch: Partial<Omit<TestCase, 'id'>>,
): Workflow {
  const index = caseIndex(doc, id);
  const tests = testCasesOf(doc);
  const next = patchObject<TestCase>(tests[index]!, patch);
  if (next === tests[index]) return doc;
  const copy = tests.slice();
  copy[index] = next;
  return { ...doc, tests: copy };
}

/** Changes parts of one case's expectations; a part set to `undefined` is removed. */
export function updateExpectations(
  doc: Workflow,
  id: string,
  patch: Partial<Expectations>,
): Workflow {
  const current = testCasesOf(doc)[caseIndex(doc, id)]!;
  const expect = patchObject<Expectations>(current.expect, patch);
  return expect === current.expect ? doc : updateTestCase(doc, id, { expect });
}

/** Gives a case another id (results are kept by id: the panel says so). */
export function renameTestId(doc: Workflow, from: string, to: string): Workflow {
  const index = caseIndex(doc, from);
  if (from === to) return doc;
  if (!TEST_ID_PATTERN.test(to)) {
    throw new EditError(
      'invalid_test_id',
      `"${to}" is not a valid case id: a letter or digit, then letters, digits, "_", "-" or "." (64 at most).`,
    );
  }
  if (testCasesOf(doc).some((t) => t.id === to)) {
    throw new EditError('duplicate_test_id', `A case with the id "${to}" already exists.`);
  }
  const tests = testCasesOf(doc).slice();
  tests[index] = { ...tests[index]!, id: to };
  return { ...doc, tests };
}

/** A copy of a case right after it, with a new id and "(copy)" in its name. */
export function duplicateTestCase(doc: Workflow, id: string): { doc: Workflow; id: string } {
  const source = testCasesOf(doc)[caseIndex(doc, id)]!;
  const { id: _old, ...fields } = structuredClone(source);
  return addTestCase(doc, { ...fields, id: source.id, name: `${source.name} (copy)` }, id);
}

/** Deletes a case; the last one takes `tests` with it. */
export function deleteTestCase(doc: Workflow, id: string): Workflow {
  caseIndex(doc, id);
  const tests = testCasesOf(doc).filter((t) => t.id !== id);
  if (tests.length > 0) return { ...doc, tests };
  const { tests: _gone, ...rest } = doc;
  return rest as Workflow;
}

function caseIndex(doc: Workflow, id: string): number {
  const index = testCasesOf(doc).findIndex((t) => t.id === id);
  if (index < 0) throw new EditError('unknown_test', `There is no test case "${id}".`);
  return index;
}
