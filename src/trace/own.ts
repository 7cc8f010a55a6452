/**
 * `record[key]` for keys that are agent names, without inherited members (`constructor`,
 * `toString` are valid agent names). The trace imports no model code (traceLayers.test.ts), so
 * it keeps this one-line twin of `model/own.ts`.
 */
export const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;
