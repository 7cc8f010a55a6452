/**
 * Every example's main path (public/examples/*.json), as a user would walk it in the app.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseWorkflowText, type Workflow } from '../../src/model';
import { call, handoff, say, type Scenario } from '../scenario';

function example(name: string): Workflow {
  const path = fileURLToPath(new URL(`../../public/examples/${name}.json`, import.meta.url));
  const parsed = parseWorkflowText(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.problems)}`);
  return parsed.doc;
}

export const EXAMPLES: Scenario[] = [
  {
    name: 'example customer_support: refund with approval, ended by the keyword "goodbye"',
    doc: example('customer_support'),
    opening: 'I want a refund for order 123.',
    script: {
      triage_agent: [handoff('refund_agent', 'Let me pass you to our refunds team.')],
      refund_agent: [
        call('process_refund', { order_number: '123' }),
        say('Your refund for order 123 is on its way.'),
      ],
    },
    decisions: [true],
    inputs: ['Thanks, goodbye!'],
  },
  {
    name: 'example ecommerce_returns: returns, then fraud review (terminal agent ends the run)',
    doc: example('ecommerce_returns'),
    opening: 'I want to return order 77, it was a gift I did not order.',
    script: {
      triage_agent: [handoff('returns_agent')],
      returns_agent: [
        call('check_return_eligibility', { order_number: '77' }),
        handoff('fraud_agent', 'This return needs a review.'),
      ],
      fraud_agent: [
        call('flag_for_review', { order_number: '77', reason: 'unrecognised order' }),
        say('Your return is flagged for review; we will email you.'),
      ],
    },
    decisions: [true],
  },
  {
    name: 'example homework_tutors: math, back to triage, then history; the user ends',
    doc: example('homework_tutors'),
    opening: 'What is 12 times 12?',
    script: {
      triage_tutor: [handoff('math_tutor'), handoff('history_tutor')],
      math_tutor: [say('12 times 12 is 144.'), handoff('triage_tutor', 'That is history.')],
      history_tutor: [say('The Magna Carta was sealed in 1215.')],
    },
    inputs: ['And when was the Magna Carta sealed?', ''],
  },
  {
    name: 'example content_pipeline: autonomous research, writing and editing until "PUBLISHED"',
    doc: example('content_pipeline'),
    opening: 'Write a short article about solar sails.',
    script: {
      researcher: [
        call('web_search', { query: 'solar sails' }),
        say('Facts: solar sails use light pressure; IKAROS flew in 2010.'),
        handoff('writer'),
      ],
      writer: [handoff('editor', 'Draft: Solar sails ride on light.')],
      editor: [say('Tightened the draft.'), say('PUBLISHED: Solar sails ride on light.')],
    },
  },
];
