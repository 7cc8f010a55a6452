/**
 * Routing over the shapes of graph the designer draws: a chain, ping-pong with back-edges, the
 * implied mesh (no edges at all), and an asymmetric graph with a terminal agent.
 */
import { call, handoff, say, tool, workflow, type Scenario } from '../scenario';

const pingPong = (n: number) =>
  Array.from({ length: n }, (_, i) => handoff(i % 2 === 0 ? 'pong' : 'ping', `Volley ${i + 1}.`));

export const TOPOLOGIES: Scenario[] = [
  {
    name: 'chain of 5: each agent hands on, the last answers; the user ends',
    doc: workflow({
      name: 'chain',
      agents: ['a1', 'a2', 'a3', 'a4', 'a5'],
      handoffs: [
        ['a1', 'a2'],
        ['a2', 'a3'],
        ['a3', 'a4'],
        ['a4', 'a5'],
      ],
    }),
    opening: 'Start the chain.',
    script: {
      a1: [handoff('a2')],
      a2: [handoff('a3', 'Passing on.')],
      a3: [handoff('a4')],
      a4: [handoff('a5')],
      a5: [say('End of the chain.')],
    },
    inputs: [''],
  },
  {
    name: 'ping-pong with back-edges: 7 handoffs, then the user talks to the agent that answered',
    doc: workflow({
      name: 'ping_pong',
      agents: ['ping', 'pong'],
      handoffs: [
        ['ping', 'pong'],
        ['pong', 'ping'],
      ],
    }),
    opening: 'Play.',
    script: {
      ping: [...pingPong(7).filter((_, i) => i % 2 === 0)],
      pong: [
        ...pingPong(7).filter((_, i) => i % 2 === 1),
        say('Pong wins.'),
        say('Yes, one more: pong wins again.'),
      ],
    },
    inputs: ['One more?', ''],
  },
  {
    name: 'implied mesh (no edges): every agent may hand off to every other; paused at the end',
    doc: workflow({ name: 'mesh', agents: ['alpha', 'beta', 'gamma'] }),
    opening: 'Find the right one.',
    script: {
      alpha: [handoff('gamma'), say('Alpha here again: how can I help?')],
      gamma: [handoff('beta', 'Beta knows.')],
      beta: [handoff('alpha', 'Back to the start.')],
    },
    inputs: [],
  },
  {
    name: 'asymmetric graph with a terminal agent; it calls a handoff tool it does not have',
    doc: workflow({
      name: 'asymmetric',
      agents: ['hub', 'helper', { name: 'closer', tools: ['close_ticket'] }],
      handoffs: [
        ['hub', 'helper'],
        ['hub', 'closer'],
        ['helper', 'hub'],
      ],
      tools: [tool('close_ticket', ['ticket'], 'Ticket {{ticket}} closed.')],
    }),
    opening: 'Close ticket 9 please.',
    script: {
      hub: [handoff('helper'), handoff('closer', 'Sending you to the closer.')],
      helper: [handoff('hub', 'Not mine.')],
      closer: [
        call('handoff_to_hub', {}, 'Trying to go back.'),
        call('close_ticket', { ticket: '9' }),
        say('Ticket 9 is closed.'),
        say('You are welcome.'),
      ],
    },
    inputs: ['Thanks!', ''],
  },
];
