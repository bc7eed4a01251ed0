/**
 * Cell values keyed "row:col" (0-based) as they must be after inserting `n` whole rows below sheet row
 * `after`: rows above stay, rows below move down by n, nothing else changes.
 */
export function movedDown<T>(before: ReadonlyMap<string, T>, after: number, n: number): Map<string, T> {
  const out = new Map<string, T>();
  for (const [k, v] of before) {
    const [r, c] = k.split(':').map(Number);
    out.set(`${r > after ? r + n : r}:${c}`, v);
  }
  return out;
}
