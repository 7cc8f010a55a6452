import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasErrors, parseWorkflowText, serializeWorkflow, validateWorkflow } from '../../src/model';

const dir = 'public/examples';
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('examples', () => {
  it('are the four documented ones', () => {
    expect(files.sort()).toEqual([
      'content_pipeline.json',
      'customer_support.json',
      'ecommerce_returns.json',
      'homework_tutors.json',
    ]);
  });

  for (const file of files) {
    it(`${file} parses, validates with no errors and is stored in canonical form`, () => {
      const text = readFileSync(`${dir}/${file}`, 'utf8');
      const result = parseWorkflowText(text);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const issues = validateWorkflow(result.doc);
      expect(hasErrors(issues)).toBe(false);
      expect(issues.filter((i) => i.severity === 'warning')).toEqual([]);
      expect(serializeWorkflow(result.doc)).toBe(text);
      expect(`${result.doc.name}.json`).toBe(file);
    });
  }

  it('content pipeline has the writer → researcher back-edge', () => {
    const result = parseWorkflowText(readFileSync(`${dir}/content_pipeline.json`, 'utf8'));
    expect(result.ok && result.doc.handoffs).toContainEqual({
      source: 'writer',
      target: 'researcher',
      description: 'Need additional research, sources, or fact-checking.',
    });
  });

  it('customer support has a refund tool that needs approval', () => {
    const result = parseWorkflowText(readFileSync(`${dir}/customer_support.json`, 'utf8'));
    expect(result.ok && result.doc.tools.find((t) => t.name === 'process_refund')?.approval).toBe(
      'always_require',
    );
  });
});
