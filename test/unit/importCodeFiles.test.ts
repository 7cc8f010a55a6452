/** Picked or dropped code files open the code import; JSON still opens the workflow import. */
import { describe, expect, it } from 'vitest';
import { createFilesStore, importFile, startCodeImport } from '../../src/store/filesState';

const file = (name: string, text: string) => ({ name, size: text.length, text: async () => text });

describe('files store: code import', () => {
  it.each(['agents.py', 'agents.ts', 'agents.mjs', 'Program.cs'])(
    'routes %s to the code import',
    async (name) => {
      const files = createFilesStore();
      await importFile(files, file(name, 'x = 1\n'));
      expect(files.getState().importing).toBeUndefined();
      expect(files.getState().codeImport).toMatchObject({ text: 'x = 1\n', origin: name });
    },
  );

  it('keeps JSON in the workflow import', async () => {
    const files = createFilesStore();
    await importFile(files, file('flow.json', '{}'));
    expect(files.getState().codeImport).toBeUndefined();
    expect(files.getState().importing).toMatchObject({ text: '{}', origin: 'flow.json' });
  });

  it('gives each code import a new key, so the dialog starts afresh', () => {
    const files = createFilesStore();
    startCodeImport(files, 'a');
    const first = files.getState().codeImport!.key;
    startCodeImport(files, 'b');
    expect(files.getState().codeImport!.key).not.toBe(first);
  });
});
