/**
 * Migrations from older document versions. Each one lifts a raw document from `from` to
 * `from + 1`; `migrate` chains them up to the current version. Version 1 is the first format, so
 * the list is empty today, but the mechanism is live and tested (test/unit/migrations.test.ts).
 */
import { CURRENT_VERSION } from './schema';

export interface Migration {
  from: number;
  /** What changed, for the changelog and for error messages. */
  description: string;
  up: (doc: Record<string, unknown>) => Record<string, unknown>;
}

export const MIGRATIONS: readonly Migration[] = [];

export type MigrateResult =
  { ok: true; value: Record<string, unknown>; applied: number[] } | { ok: false; message: string };

export function migrate(
  raw: Record<string, unknown>,
  migrations: readonly Migration[] = MIGRATIONS,
  current: number = CURRENT_VERSION,
): MigrateResult {
  const version = raw.version;
  // Shape problems of "version" itself are left to the schema, which names them with the rest.
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: true, value: raw, applied: [] };
  }
  if (version > current) {
    return {
      ok: false,
      message:
        `this document is format version ${version}, newer than this Handoff Studio ` +
        `understands (up to version ${current}). Update Handoff Studio to open it.`,
    };
  }
  let value = raw;
  const applied: number[] = [];
  for (let v = version; v < current; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) {
      return {
        ok: false,
        message: `format version ${version} is not supported (no migration from version ${v}).`,
      };
    }
    value = { ...step.up(value), version: v + 1 };
    applied.push(v);
  }
  return { ok: true, value, applied };
}
