/**
 * A tiny position-keeping XML tag scanner for surgical edits: the annotator changes a few elements and
 * splices them back into the original text, so everything it does not touch stays byte for byte.
 * Comments, CDATA and processing instructions are skipped; attribute values may contain ">".
 */

export interface Tag {
  /** Qualified name as written ("x:c"). */
  name: string;
  /** Local name ("c"). */
  local: string;
  /** Prefix with colon ("x:") or "". */
  prefix: string;
  start: number;
  /** Index just after the tag's ">". */
  end: number;
  close: boolean;
  selfClosing: boolean;
  /** Raw attribute text (between the name and ">"). */
  attrText: string;
}

const START_TAG = /<([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const END_TAG = /<\/([A-Za-z_][\w.:-]*)\s*>/y;

/** Iterates tags from `from` to `to`. */
function tag(name: string, start: number, end: number, close: boolean, selfClosing: boolean, attrText: string): Tag {
  const colon = name.indexOf(':');
  return {
    name,
    local: colon < 0 ? name : name.slice(colon + 1),
    prefix: colon < 0 ? '' : name.slice(0, colon + 1),
    start,
    end,
    close,
    selfClosing,
    attrText,
  };
}

export function* tags(xml: string, from = 0, to = xml.length): Generator<Tag> {
  let i = from;
  while (i < to) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= to) return;
    if (xml.startsWith('<!--', lt)) {
      const e = xml.indexOf('-->', lt + 4);
      i = e < 0 ? to : e + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const e = xml.indexOf(']]>', lt + 9);
      i = e < 0 ? to : e + 3;
      continue;
    }
    if (xml.startsWith('<?', lt) || xml.startsWith('<!', lt)) {
      const e = xml.indexOf('>', lt + 2);
      i = e < 0 ? to : e + 1;
      continue;
    }
    if (xml[lt + 1] === '/') {
      END_TAG.lastIndex = lt;
      const m = END_TAG.exec(xml);
      if (!m) throw new Error(`malformed end tag at ${lt}`);
      // The regexes are shared with nested scans: take lastIndex before yielding.
      i = END_TAG.lastIndex;
      yield tag(m[1], lt, i, true, false, '');
      continue;
    }
    START_TAG.lastIndex = lt;
    const m = START_TAG.exec(xml);
    if (!m) throw new Error(`malformed tag at ${lt}`);
    i = START_TAG.lastIndex;
    yield tag(m[1], lt, i, false, m[3] === '/', m[2]);
  }
}

/** Index just after the element that starts with `open` (its end tag, or the tag itself when self-closing). */
export function elementEnd(xml: string, open: Tag, limit = xml.length): number {
  if (open.selfClosing) return open.end;
  let depth = 0;
  for (const t of tags(xml, open.end, limit)) {
    if (t.local !== open.local) continue;
    if (!t.close && !t.selfClosing) depth++;
    else if (t.close) {
      if (depth === 0) return t.end;
      depth--;
    }
  }
  throw new Error(`unclosed <${open.name}>`);
}

const ATTR_PATTERNS = new Map<string, { get: RegExp; set: RegExp }>();

/**
 * The patterns of one attribute name, built once: the annotator asks for the same few names ("r", "s", "ref")
 * on every cell it touches. None is global, so a shared one keeps no state between calls.
 */
function attrPatterns(name: string): { get: RegExp; set: RegExp } {
  let p = ATTR_PATTERNS.get(name);
  if (!p) {
    p = {
      get: new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`),
      set: new RegExp(`(\\s${name}\\s*=\\s*)(?:"[^"]*"|'[^']*')`),
    };
    if (ATTR_PATTERNS.size >= 256) ATTR_PATTERNS.clear();
    ATTR_PATTERNS.set(name, p);
  }
  return p;
}
/** Attribute value by name (exact qualified name), XML entities decoded. */
export function getAttr(attrText: string, name: string): string | undefined {
  const m = attrPatterns(name).get.exec(attrText);
  if (!m) return undefined;
  return decodeEntities(m[1] ?? m[2]);
}

/** Start-tag text with `name` set to `value` (replaced in place, or appended). */
export function setAttr(startTag: string, name: string, value: string): string {
  const re = attrPatterns(name).set;
  if (re.test(startTag)) return startTag.replace(re, `$1"${escapeXml(value)}"`);
  return startTag.replace(/\s*(\/?)>$/, ` ${name}="${escapeXml(value)}"$1>`);
}

/** Start-tag text without attribute `name`. */
export function removeAttr(startTag: string, name: string): string {
  return startTag.replace(new RegExp(`\\s${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`), '');
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Text escaped for element content; characters XML 1.0 forbids are dropped. */
export function escapeText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return escapeXml(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''));
}

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

/** Concatenated text of every <t> in an XML fragment (shared-string / comment text), phonetic runs skipped. */
export function fragmentText(xml: string): string {
  let out = '';
  let phonetic = 0;
  let tStart = -1;
  for (const t of tags(xml)) {
    if (t.local === 'rPh') {
      if (!t.close && !t.selfClosing) phonetic++;
      else if (t.close) phonetic--;
    } else if (t.local === 't') {
      if (!t.close && !t.selfClosing) tStart = t.end;
      else if (t.close && tStart >= 0) {
        if (phonetic === 0) out += decodeEntities(stripCdata(xml.slice(tStart, t.start)));
        tStart = -1;
      }
    }
  }
  return out;
}

function stripCdata(s: string): string {
  return s.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
}

/** Applies non-overlapping splices (start, end, text) to `xml`. */
export function splice(xml: string, edits: { start: number; end: number; text: string }[]): string {
  if (!edits.length) return xml;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) throw new Error('overlapping edits');
    out += xml.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + xml.slice(pos);
}
