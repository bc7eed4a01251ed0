/**
 * A small streaming XML scanner for reading package parts: start tags with their attributes, end tags and
 * text (CDATA included), fed in chunks of any size. Several times faster than a general SAX parser on
 * worksheet XML, and as strict where it matters for refusing a damaged file: tags must nest and close,
 * attributes must be quoted and unique, only the five predefined and numeric entities exist (no DTD
 * entities are ever expanded), characters XML forbids are refused. Line ends and attribute whitespace are
 * normalised as XML 1.0 requires (§2.11, §3.3.3). No Node APIs (bundled for the page).
 */

/** A start tag: its qualified name and attributes (values decoded and normalised). Valid only during `open`. */
export interface XmlTag {
  name: string;
  /** Attribute names (qualified, as written) and values, alternating: [name, value, name, value, …]. */
  readonly attrs: string[];
  /**
   * Attribute by local name, without building the list: the one named exactly `name`, else the first
   * prefixed one ("r:id", never "xmlns:…"); `prefixed` looks only for the latter.
   */
  attr(name: string, prefixed?: boolean): string | undefined;
  /** Index of the attribute attr(name, prefixed) reads, or -1 (for value, valueStart). */
  find(name: string, prefixed?: boolean): number;
  value(i: number): string;
  /**
   * Where attribute i's value lies in `source` when it equals the text as written (nothing to decode or
   * normalise), so that a reader can parse it in place: source[valueStart(i), valueEnd(i)); else -1.
   */
  valueStart(i: number): number;
  valueEnd(i: number): number;
  readonly source: string;
}

export interface XmlHandlers {
  /** A start tag; for an empty element ("<c/>") `empty` is true and close follows at once. */
  open?(tag: XmlTag, local: string, empty: boolean): void;
  close?(local: string): void;
  /** Character data inside the root element, possibly in several pieces. */
  text?(text: string): void;
}

/** Malformed XML; the message is English detail for the caller to wrap. */
export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

/** Local name of a possibly prefixed XML name ("x:c" → "c"). */
export const localName = (name: string): string => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const SPACE = /^\s*$/;

function entity(name: string): string {
  if (name[0] === '#') {
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    if (!/^#(x[0-9A-Fa-f]+|[0-9]+)$/.test(name) || !(code >= 0x20 || code === 0x9 || code === 0xa || code === 0xd) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff) {
      throw new XmlError(`malformed character entity &${name};`);
    }
    return String.fromCodePoint(code);
  }
  const v = Object.prototype.hasOwnProperty.call(PREDEFINED, name) ? PREDEFINED[name] : undefined;
  if (v === undefined) throw new XmlError(`undefined entity &${name};`);
  return v;
}

/** Decodes entity references; a "&" that does not start one is an error. */
function decode(raw: string): string {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let pos = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(';', amp);
    if (semi < 0) throw new XmlError('unescaped "&"');
    out += raw.slice(pos, amp) + entity(raw.slice(amp + 1, semi));
    pos = semi + 1;
    amp = raw.indexOf('&', pos);
  }
  return out + raw.slice(pos);
}

/** Text as XML delivers it: line ends normalised to "\n", then entities decoded. */
const textOf = (raw: string): string => decode(raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw);

/** An element name as written and its local part, shared by every tag of that name in a part. */
interface TagName {
  name: string;
  local: string;
}

/**
 * The start tag being reported. Attributes are kept as positions into the scanner's buffer and sliced only
 * when asked for, so a tag whose attributes nobody reads costs no strings. Valid only during `open`.
 */
class ScannedTag implements XmlTag {
  name = '';
  /** The buffer the positions refer to. */
  source = '';
  count = 0;
  /** Per attribute: key start, key end, value start, value end. */
  readonly pos: number[] = [];
  /** Per attribute: the decoded value when it held entities or line ends, else undefined (a plain slice). */
  readonly decoded: (string | undefined)[] = [];

  get attrs(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.source.slice(this.pos[4 * i], this.pos[4 * i + 1]), this.value(i));
    return out;
  }

  attr(name: string, prefixed = false): string | undefined {
    const i = this.find(name, prefixed);
    return i < 0 ? undefined : this.value(i);
  }

  find(name: string, prefixed = false): number {
    const i = prefixed ? -1 : this.indexOf(name);
    return i < 0 ? this.indexOfPrefixed(name) : i;
  }

  value(i: number): string {
    return this.decoded[i] ?? this.source.slice(this.pos[4 * i + 2], this.pos[4 * i + 3]);
  }

  valueStart(i: number): number {
    return this.decoded[i] === undefined ? this.pos[4 * i + 2] : -1;
  }

  valueEnd(i: number): number {
    return this.decoded[i] === undefined ? this.pos[4 * i + 3] : -1;
  }

  /** Index of the attribute whose qualified name is `name`, or -1. */
  private indexOf(name: string): number {
    const { source: s, pos } = this;
    if (name.length === 1) {
      // One-letter names ("r", "s", "t" of a cell): one comparison per attribute.
      const c = name.charCodeAt(0);
      for (let i = 0; i < this.count; i++) if (pos[4 * i + 1] - pos[4 * i] === 1 && s.charCodeAt(pos[4 * i]) === c) return i;
      return -1;
    }
    for (let i = 0; i < this.count; i++) {
      const k0 = pos[4 * i];
      if (pos[4 * i + 1] - k0 === name.length && textAt(s, k0, name)) return i;
    }
    return -1;
  }

  /** Index of the first prefixed attribute ("r:id", never "xmlns:…") whose local name is `name`, or -1. */
  private indexOfPrefixed(name: string): number {
    const { source: s, pos } = this;
    for (let i = 0; i < this.count; i++) {
      const k0 = pos[4 * i];
      const k1 = pos[4 * i + 1];
      if (k1 - k0 <= name.length) continue;
      let c = k0;
      while (c < k1 && s.charCodeAt(c) !== 58) c++;
      if (c < k1 && k1 - c - 1 === name.length && textAt(s, c + 1, name) && !s.startsWith('xmlns:', k0)) return i;
    }
    return -1;
  }
}

export class XmlScanner {
  private buf = '';
  private readonly stack: TagName[] = [];
  private seenRoot = false;
  private readonly tag = new ScannedTag();
  /** Names seen so far, bucketed by length and end characters (bounded: a part with thousands of names just misses). */
  private readonly names: TagName[][] = [];

  constructor(private readonly h: XmlHandlers) {}

  write(chunk: string): void {
    if (FORBIDDEN.test(chunk)) throw new XmlError('disallowed character');
    this.buf = this.buf ? this.buf + chunk : chunk;
    this.scan(false);
  }

  close(): void {
    this.scan(true);
    if (this.stack.length) throw new XmlError(`unclosed tag <${this.stack[this.stack.length - 1].name}>`);
    if (!this.seenRoot) throw new XmlError('document must contain a root element');
  }

  /** Reports the character data s[from, to). */
  private emitText(s: string, from: number, to: number): void {
    if (this.stack.length === 0) {
      if (!SPACE.test(s.slice(from, to))) throw new XmlError('text data outside of root node');
      return;
    }
    // Short text (a cell value) is checked here for what textOf would change; longer text by its searches.
    let plain = to - from <= 32;
    for (let k = from; plain && k < to; k++) {
      const ch = s.charCodeAt(k);
      if (ch === 38 || ch === 13) plain = false;
    }
    if (plain) {
      this.h.text?.(s.slice(from, to));
      return;
    }
    const t = textOf(s.slice(from, to));
    if (t && this.h.text) this.h.text(t);
  }

  private scan(final: boolean): void {
    const s = this.buf;
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = s.charCodeAt(i) === 60 ? i : s.indexOf('<', i);
      if (lt < 0) {
        let cut = n;
        if (!final) {
          // Keep back an entity reference or a "\r" that the next chunk may complete.
          const amp = s.lastIndexOf('&');
          if (amp >= i && s.indexOf(';', amp) < 0) cut = amp;
          if (cut > i && s.charCodeAt(cut - 1) === 13) cut--;
        }
        if (cut > i) this.emitText(s, i, cut);
        i = cut;
        break;
      }
      if (lt > i) this.emitText(s, i, lt);
      const c = s.charCodeAt(lt + 1);
      // Start and end tags are nearly all the markup of a part: handled here, the rest in markup().
      // XML name start characters as the scanner accepts them: ASCII letters, "_", ":" and anything non-ASCII.
      const nameStart = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || c >= 0xc0;
      const next = c === 47 ? this.endTag(s, lt, final) : nameStart ? this.startTag(s, lt, final) : this.markup(s, lt, final);
      if (next < 0) {
        i = lt;
        break;
      }
      i = next;
    }
    this.buf = i < n ? s.slice(i) : '';
    if (final && this.buf) throw new XmlError('unexpected end of document');
  }

  /** Handles the markup starting at `lt`; returns the index after it, or -1 when the chunk ends inside it. */
  private markup(s: string, lt: number, final: boolean): number {
    const c = s.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      if (s.startsWith('<!--', lt)) return this.skipTo(s, lt + 4, '-->', final);
      if (s.startsWith('<![CDATA[', lt)) {
        const e = s.indexOf(']]>', lt + 9);
        if (e < 0) {
          if (!final) return -1;
          throw new XmlError('unclosed CDATA section');
        }
        if (this.stack.length === 0) throw new XmlError('CDATA outside of root node');
        const raw = s.slice(lt + 9, e);
        const t = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
        if (t && this.h.text) this.h.text(t);
        return e + 3;
      }
      if (s.startsWith('<!DOCTYPE', lt)) return this.skipDoctype(s, lt, final);
      if (!final && s.length - lt < 9) return -1;
      throw new XmlError('malformed markup declaration');
    }
    if (c === 63 /* ? */) return this.skipTo(s, lt + 2, '?>', final);
    if (Number.isNaN(c)) {
      if (!final) return -1;
      throw new XmlError('unexpected end of document');
    }
    throw new XmlError('invalid tag name');
  }

  private endTag(s: string, lt: number, final: boolean): number {
    const open = this.stack.length ? this.stack[this.stack.length - 1] : undefined;
    let j = lt + 2;
    // The name of the open element compared in place (no call: see startTag).
    const expected = open === undefined ? '' : open.name;
    const len = expected.length;
    let k = 0;
    if (j + len <= s.length) while (k < len && s.charCodeAt(j + k) === expected.charCodeAt(k)) k++;
    if (open !== undefined && k === len) {
      j += len;
      let ch = 0;
      while (j < s.length && ((ch = s.charCodeAt(j)) === 32 || ch === 10 || ch === 9 || ch === 13)) j++;
      if (j < s.length && s.charCodeAt(j) === 62) {
        this.stack.pop();
        this.h.close?.(open.local);
        return j + 1;
      }
    }
    const gt = s.indexOf('>', lt);
    if (gt < 0) {
      if (!final) return -1;
      throw new XmlError('malformed end tag');
    }
    const name = s.slice(lt + 2, gt).trim();
    throw new XmlError(open === undefined ? `unexpected close tag </${name}>` : `unexpected close tag </${name}>, expected </${open.name}>`);
  }

  private skipTo(s: string, from: number, end: string, final: boolean): number {
    const e = s.indexOf(end, from);
    if (e >= 0) return e + end.length;
    if (!final) return -1;
    throw new XmlError(`unclosed markup (expected "${end}")`);
  }

  /** A document type declaration is skipped whole (its entities are never expanded). */
  private skipDoctype(s: string, lt: number, final: boolean): number {
    if (this.seenRoot) throw new XmlError('doctype after the root element');
    let depth = 0;
    for (let j = lt + 9; j < s.length; j++) {
      const ch = s.charCodeAt(j);
      if (ch === 34 || ch === 39) {
        const q = s.indexOf(ch === 34 ? '"' : "'", j + 1);
        if (q < 0) break;
        j = q;
      } else if (ch === 91 /* [ */) depth++;
      else if (ch === 93 /* ] */) depth--;
      else if (ch === 62 /* > */ && depth <= 0) return j + 1;
    }
    if (!final) return -1;
    throw new XmlError('unclosed doctype');
  }

  private incomplete(final: boolean): number {
    if (final) throw new XmlError('unclosed tag');
    return -1;
  }

  /** The shared TagName for s[from, to). */
  private nameAt(s: string, from: number, to: number): TagName {
    const len = to - from;
    const key = (len * 7 + s.charCodeAt(from) + s.charCodeAt(to - 1) * 3) & 63;
    let bucket = this.names[key];
    if (bucket === undefined) bucket = this.names[key] = [];
    for (let b = 0; b < bucket.length; b++) {
      const e = bucket[b];
      if (e.name.length !== len) continue;
      let k = 0;
      while (k < len && s.charCodeAt(from + k) === e.name.charCodeAt(k)) k++;
      if (k === len) return e;
    }
    const name = s.slice(from, to);
    const e: TagName = { name, local: internalized(localName(name)) };
    if (bucket.length < 8) bucket.push(e);
    return e;
  }

  private startTag(s: string, lt: number, final: boolean): number {
    const n = s.length;
    let j = lt + 2;
    let ch = 0;
    let cls = 0;
    for (; j < n; j++) {
      ch = s.charCodeAt(j);
      if (ch < 128 && (cls = CLASS[ch] & NAME_MASK) !== 0) {
        if (cls === NAME_BAD) throw new XmlError('invalid tag name');
        break;
      }
    }
    if (j >= n) return this.incomplete(final);
    const nameEnd = j;
    const tag = this.tag;
    const pos = tag.pos;
    const decoded = tag.decoded;
    let count = 0;
    let selfClosing = false;
    for (;;) {
      const before = j;
      // The optimising compiler does not inline calls here (see cli/v8tuning): the hot loops test inline.
      while (j < n && ((ch = s.charCodeAt(j)) === 32 || ch === 10 || ch === 9 || ch === 13)) j++;
      if (j >= n) return this.incomplete(final);
      ch = s.charCodeAt(j);
      if (ch === 62) break;
      if (ch === 47) {
        if (j + 1 >= n) return this.incomplete(final);
        if (s.charCodeAt(j + 1) !== 62) throw new XmlError(`malformed <${s.slice(lt + 1, nameEnd)}>`);
        selfClosing = true;
        j++;
        break;
      }
      if (j === before) throw new XmlError(`attributes of <${s.slice(lt + 1, nameEnd)}> must be separated by whitespace`);
      const k0 = j;
      for (; j < n; j++) {
        ch = s.charCodeAt(j);
        if (ch < 128 && (CLASS[ch] & KEY_END) !== 0) break;
      }
      if (j >= n) return this.incomplete(final);
      const k1 = j;
      if (k1 === k0) throw new XmlError(`malformed attributes in <${s.slice(lt + 1, nameEnd)}>`);
      if (ch !== 61) {
        while (j < n && ((ch = s.charCodeAt(j)) === 32 || ch === 10 || ch === 9 || ch === 13)) j++;
        if (j >= n) return this.incomplete(final);
        if (s.charCodeAt(j) !== 61) throw new XmlError(`attribute ${s.slice(k0, k1)} without a value`);
      }
      j++;
      while (j < n && ((ch = s.charCodeAt(j)) === 32 || ch === 10 || ch === 9 || ch === 13)) j++;
      if (j >= n) return this.incomplete(final);
      const q = s.charCodeAt(j);
      if (q !== 34 && q !== 39) throw new XmlError(`unquoted attribute value`);
      // One pass over the value: its end, a refused "<", and whether it needs decoding.
      let flags = 0;
      let qe = j + 1;
      for (; qe < n; qe++) {
        ch = s.charCodeAt(qe);
        if (ch < 128 && (cls = CLASS[ch] & VALUE_MASK) !== 0) {
          if (ch === q) break;
          flags |= cls;
        }
      }
      if (qe >= n) return this.incomplete(final);
      const first = s.charCodeAt(k0);
      for (let k = 0; k < count; k++) {
        const a0 = pos[4 * k];
        if (pos[4 * k + 1] - a0 === k1 - k0 && s.charCodeAt(a0) === first && sameText(s, a0, k0, k1 - k0)) {
          throw new XmlError(`duplicate attribute ${s.slice(k0, k1)}`);
        }
      }
      if ((flags & VALUE_LT) !== 0) throw new XmlError('"<" in an attribute value');
      pos[4 * count] = k0;
      pos[4 * count + 1] = k1;
      pos[4 * count + 2] = j + 1;
      pos[4 * count + 3] = qe;
      // Line ends, tabs and newlines become spaces (XML 1.0 §3.3.3), then entities are decoded.
      decoded[count] = (flags & VALUE_DECODE) === 0 ? undefined : decode(s.slice(j + 1, qe).replace(/\r\n?|[\n\t]/g, ' '));
      count++;
      j = qe + 1;
    }
    if (this.stack.length === 0) {
      if (this.seenRoot) throw new XmlError('more than one root element');
      this.seenRoot = true;
    }
    const tn = this.nameAt(s, lt + 1, nameEnd);
    tag.name = tn.name;
    tag.source = s;
    tag.count = count;
    this.h.open?.(tag, tn.local, selfClosing);
    tag.source = '';
    if (selfClosing) this.h.close?.(tn.local);
    else this.stack.push(tn);
    return j + 1;
  }
}

// Character classes of ASCII for the start-tag loops (bit flags, one table lookup per character).
/** In a tag name: ends it. */
const NAME_END = 1;
/** In a tag name: refused. */
const NAME_BAD = 2;
const NAME_MASK = NAME_END | NAME_BAD;
/** Ends an attribute name. */
const KEY_END = 4;
/** In an attribute value: a quote (the value's end when it matches the opening one). */
const VALUE_QUOTE = 8;
/** In an attribute value: refused. */
const VALUE_LT = 16;
/** In an attribute value: needs decoding (entity reference, line end or tab). */
const VALUE_DECODE = 32;
const VALUE_MASK = VALUE_QUOTE | VALUE_LT | VALUE_DECODE;
const CLASS = (() => {
  const t = new Uint8Array(128);
  const set = (chars: string, flag: number): void => {
    for (const c of chars) t[c.charCodeAt(0)] |= flag;
  };
  set(' \n\t\r>/', NAME_END);
  set('<="\'&', NAME_BAD);
  set(' \n\t\r=>/<"\'', KEY_END);
  set('"\'', VALUE_QUOTE);
  set('<', VALUE_LT);
  set('&\r\n\t', VALUE_DECODE);
  return t;
})();


/** Whether `text` occurs in `s` at `at` (String.prototype.startsWith without a call into the runtime, for short names). */
function textAt(s: string, at: number, text: string): boolean {
  const len = text.length;
  if (at + len > s.length) return false;
  for (let k = 0; k < len; k++) if (s.charCodeAt(at + k) !== text.charCodeAt(k)) return false;
  return true;
}

/**
 * The engine's single copy of a string (as property keys are kept), so that handlers comparing the local
 * name with literals ("c", "row") compare references rather than characters.
 */
function internalized(text: string): string {
  let copy = internalCopies.get(text);
  if (copy === undefined) {
    const key: Record<string, true> = {};
    key[text] = true;
    copy = Object.keys(key)[0];
    if (internalCopies.size >= 4096) internalCopies.clear();
    internalCopies.set(text, copy);
  }
  return copy;
}
const internalCopies = new Map<string, string>();

function sameText(s: string, a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (s.charCodeAt(a + k) !== s.charCodeAt(b + k)) return false;
  return true;
}

