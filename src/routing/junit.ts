/**
 * A suite result as JUnit XML (docs/spec/tests.md#junit-xml): one testsuite, one testcase per
 * case; a case that is not ok fails with its first failed expectation as the message.
 */
import type { CaseSummary, SuiteResult } from './types';

export function toJUnit(result: SuiteResult): string {
  const failures = result.cases.filter((c) => !c.ok).length;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const total = result.cases.reduce((sum, c) => sum + c.durationMs, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(result.workflowName)}" tests="${result.cases.length}" failures="${failures}" time="${seconds(total)}">`,
    `  <testsuite name="${attr(result.workflowName)}" tests="${result.cases.length}" failures="${failures}" errors="0" skipped="0" time="${seconds(total)}" timestamp="${attr(result.startedAt)}">`,
    '    <properties>',
    `      <property name="provider" value="${attr(result.provider)}"/>`,
    ...(result.model !== undefined
      ? [`      <property name="model" value="${attr(result.model)}"/>`]
      : []),
    `      <property name="samplesPerCase" value="${result.samplesPerCase}"/>`,
    `      <property name="workflowHash" value="${attr(result.workflowHash)}"/>`,
    '    </properties>',
  ];
  for (const c of result.cases) {
    const open = `    <testcase name="${attr(c.name)}" classname="${attr(`${result.workflowName}.${c.caseId}`)}" time="${seconds(c.durationMs)}"`;
    if (c.ok) {
      lines.push(`${open}/>`);
      continue;
    }
    lines.push(`${open}>`);
    lines.push(
      `      <failure message="${attr(failureMessage(c))}" type="routing">${text(rateLine(c))}</failure>`,
    );
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}

function failureMessage(c: CaseSummary): string {
  if (c.total === 0) return 'no sample ran';
  const f = c.firstFailure;
  if (!f) return `pass rate ${percent(c.rate)} is under the required ${percent(c.requiredRate)}`;
  return f.detail !== undefined ? `${f.label}: ${f.detail}` : f.label;
}

function rateLine(c: CaseSummary): string {
  return (
    `${c.passed} of ${c.total} samples passed (${percent(c.rate)}, 95% interval ` +
    `${percent(c.low)}–${percent(c.high)}); required ${percent(c.requiredRate)}.`
  );
}

const percent = (r: number) => `${Math.round(r * 1000) / 10}%`;

/** Characters XML 1.0 cannot carry at all (controls other than tab, newline, return). */
// eslint-disable-next-line no-control-regex -- the control characters are what it removes
const INVALID = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function text(value: string): string {
  return value
    .replace(INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}
