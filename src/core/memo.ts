/**
 * Bounded memo for pure functions of a string, for the parser's hot classifiers: the same label and title
 * texts recur in every table and every workbook of a batch. Cleared when full, so memory stays bounded.
 */
export function memoByString<T>(fn: (s: string) => T, limit = 20000): (s: string) => T {
  // Most classifiers answer "nothing" (undefined) for most texts: stored as NONE, a hit is still one lookup.
  const cache = new Map<string, T | typeof NONE>();
  return (s) => {
    const hit = cache.get(s);
    if (hit !== undefined) return (hit === NONE ? undefined : hit) as T;
    const out = fn(s);
    if (cache.size >= limit) cache.clear();
    cache.set(s, out === undefined ? NONE : out);
    return out;
  };
}

const NONE: unique symbol = Symbol('none');

/** Memo of a pure function of an object that does not change (a parsed table), kept as long as the object lives. */
export function memoByObject<K extends object, T>(fn: (key: K) => T): (key: K) => T {
  // "No answer" stored as NONE, as in memoByString: every hit is one lookup.
  const cache = new WeakMap<K, T | typeof NONE>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined) return (hit === NONE ? undefined : hit) as T;
    const out = fn(key);
    cache.set(key, out === undefined ? NONE : out);
    return out;
  };
}

/**
 * Memo of a per-row predicate over a view object (kept as long as the view lives). Answers are kept in an array
 * by row, and the last view's array is held directly: the row classifiers ask about one view many times in a row.
 */
export function memoByRow<V extends object>(fn: (view: V, row: number) => boolean): (view: V, row: number) => boolean {
  const cache = new WeakMap<V, (boolean | undefined)[]>();
  let lastView: V | undefined;
  let lastRows: (boolean | undefined)[] = [];
  return (view, row) => {
    let rows = lastRows;
    if (view !== lastView) {
      let known = cache.get(view);
      if (known === undefined) cache.set(view, (known = []));
      lastView = view;
      lastRows = rows = known;
    }
    let hit = rows[row];
    if (hit === undefined) rows[row] = hit = fn(view, row);
    return hit;
  };
}
