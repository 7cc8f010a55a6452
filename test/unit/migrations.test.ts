import { describe, expect, it } from 'vitest';
import { migrate, parseWorkflow, type Migration } from '../../src/model';
import { minimalDoc } from '../support/docs';

/** A pretend history: v-1 had `entry` instead of `startAgent`, v0 had `nodes` instead of `agents`. */
const history: Migration[] = [
  {
    from: -1,
    description: 'entry → startAgent',
    up: ({ entry, ...rest }) => ({ ...rest, startAgent: entry }),
  },
  {
    from: 0,
    description: 'nodes → agents',
    up: ({ nodes, ...rest }) => ({ ...rest, agents: nodes }),
  },
];

describe('migrations', () => {
  it('chain every step from an old version up to the current one', () => {
    const { agents, startAgent, ...rest } = minimalDoc();
    const old = { ...rest, version: -1, entry: startAgent, nodes: agents };
    const result = migrate(old, history);
    expect(result).toEqual({ ok: true, value: { ...minimalDoc(), version: 1 }, applied: [-1, 0] });
    expect(parseWorkflow(old, { migrations: history }).ok).toBe(true);
  });

  it('leave a current document alone', () => {
    expect(migrate(minimalDoc(), history)).toEqual({ ok: true, value: minimalDoc(), applied: [] });
  });

  it('refuse a version with a gap in the chain', () => {
    const result = migrate({ ...minimalDoc(), version: -2 }, history);
    expect(result).toEqual({
      ok: false,
      message: 'format version -2 is not supported (no migration from version -2).',
    });
  });

  it('refuse a newer version', () => {
    const result = migrate({ ...minimalDoc(), version: 2 }, history);
    expect(result.ok).toBe(false);
  });

  it('report a migration that produces an invalid document with its paths', () => {
    const broken: Migration[] = [
      { from: 0, description: 'bad', up: (d) => ({ ...d, agents: 'x' }) },
    ];
    const result = parseWorkflow({ ...minimalDoc(), version: 0 }, { migrations: broken });
    expect(result).toEqual({
      ok: false,
      problems: [{ path: 'agents', message: 'must be an array, not a string.' }],
    });
  });
});
