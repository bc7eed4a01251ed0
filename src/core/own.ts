/**
 * Own-property lookup in a plain table: text from a sheet, a config file or a command line must never
 * reach Object.prototype ("constructor", "__proto__", "toString" are not table keys).
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
