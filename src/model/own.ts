/**
 * Reading a record keyed by names people choose (agent names, tool names). `record[name]` on a
 * plain object returns inherited members for names such as `constructor` or `toString` — valid
 * agent names — so every such read goes through `own`.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
