/** Role templates of the palette: starting points for new agents (pure data). */
import type { NewAgent } from './editAgents';

export interface AgentTemplate {
  id: string;
  title: string;
  /** One line shown in the palette. */
  hint: string;
  agent: NewAgent;
}

export const AGENT_TEMPLATES: readonly AgentTemplate[] = [
  { id: 'blank', title: 'Blank agent', hint: 'An empty agent', agent: { name: 'agent' } },
  {
    id: 'triage',
    title: 'Triage',
    hint: 'Routes requests to specialists',
    agent: {
      name: 'triage_agent',
      description: 'Reads the request and routes it to the right specialist.',
      instructions:
        'You are the first point of contact. Understand what the user needs, ask one short ' +
        'clarifying question when the request is unclear, then hand off to the specialist who ' +
        'can help. Do not try to solve specialist problems yourself.',
    },
  },
  {
    id: 'specialist',
    title: 'Specialist',
    hint: 'Solves one kind of request',
    agent: {
      name: 'specialist_agent',
      description: 'Handles one specific kind of request end to end.',
      instructions:
        'You are a specialist. Solve the request within your area, using your tools when ' +
        'needed. If the request is outside your area, hand it back.',
    },
  },
  {
    id: 'reviewer',
    title: 'Terminal reviewer',
    hint: 'Checks the result and ends',
    agent: {
      name: 'reviewer_agent',
      description: 'Reviews the final answer before it is sent.',
      instructions:
        'You review the answer prepared so far. Correct mistakes, make it clear and concise, ' +
        'and give the final reply. You do not hand off.',
    },
  },
];
