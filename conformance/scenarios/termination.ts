/**
 * Termination conditions (docs/spec/run-semantics.md#termination): checked when a user message
 * arrives and after every final reply, on the shared transcript of user and assistant text.
 */
import { handoff, say, workflow, type Scenario } from '../scenario';

const pair = (termination: Record<string, unknown>, interaction?: Record<string, unknown>) =>
  workflow({
    name: 'terminating',
    agents: ['greeter', 'helper'],
    handoffs: [
      ['greeter', 'helper'],
      ['helper', 'greeter'],
    ],
    termination,
    ...(interaction ? { interaction } : {}),
  });

export const TERMINATION: Scenario[] = [
  {
    name: "termination keyword in an agent's final reply (case-insensitive)",
    doc: pair({ keywords: ['all set'] }),
    opening: 'Help me set up.',
    script: {
      greeter: [handoff('helper')],
      helper: [say('Which device?'), say('Done: you are ALL SET.')],
    },
    inputs: ['My phone.'],
  },
  {
    name: 'maxUserMessages 2: the second user message ends the run before any agent runs on it',
    doc: pair({ maxUserMessages: 2 }),
    opening: 'Hello.',
    script: { greeter: [say('Hello! What do you need?')] },
    inputs: ['Nothing, thanks.'],
  },
  {
    name: 'maxMessages 4: reached by a final reply after a handoff',
    doc: pair({ maxMessages: 4 }),
    opening: 'Hello.',
    script: {
      greeter: [say('Hi, what is it about?'), handoff('helper')],
      helper: [say('The helper answers; that is message 4.')],
    },
    inputs: ['A question for the helper.'],
  },
  {
    name: 'maxMessages 4 in autonomous mode: autonomous prompts are not shared messages',
    doc: pair({ maxMessages: 4 }, { mode: 'autonomous', turnLimits: { greeter: 5 } }),
    opening: 'Work on it.',
    script: {
      greeter: [say('Working (2).'), say('Still working (3).'), say('Finished (4).')],
    },
  },
  {
    name: 'a termination keyword in the opening message ends the run before any agent runs',
    doc: pair({ keywords: ['cancel'] }),
    opening: 'Cancel everything.',
    script: {},
  },
];
