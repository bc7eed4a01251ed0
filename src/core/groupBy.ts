/** Items grouped by key, groups and items in first-seen order (linear: no copying of a group per item). */
export function groupBy<T, K extends string | number = string>(items: Iterable<T>, keyOf: (item: T) => K | undefined): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }
  return map;
}
