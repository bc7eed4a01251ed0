/**
 * A small streaming XML scanner for reading package parts: start tags with their attributes, end tags and
 * text (CDATA included), fed in chunks of any size. Several times faster than a general SAX parser on
 * worksheet XML, and as strict where it matters for refusing a damaged file: tags must nest and close,
 * attributes must be quoted and unique, only the five predefined and numeric entities exist (no DTD
 * entities are ever expanded), characters XML forbids are refused. Line ends and attribute whitespace are
 * normalised as XML 1.0 requires (§2.11, §3.3.3). No Node APIs (bundled for the page).
 */

/** A start tag: its qualified name and attributes (values decoded and normalised). */
export interface XmlTag {
  name: string;
  /** Attribute names (qualified, as written) and values, alternating: [name, value, name, value, …]. */
  attrs: string[];
}

export interface XmlHandlers {
  /** A start tag (also for an empty element, which is then closed at once). */
  open?(tag: XmlTag, local: string): void;
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

export class XmlScanner {
  private buf = '';
  private readonly stack: string[] = [];
  private seenRoot = false;

  constructor(private readonly h: XmlHandlers) {}

  write(chunk: string): void {
    if (FORBIDDEN.test(chunk)) throw new XmlError('disallowed character');
    this.buf = this.buf ? this.buf + chunk : chunk;
    this.scan(false);
  }

  close(): void {
    this.scan(true);
    if (this.stack.length) throw new XmlError(`unclosed tag <${this.stack[this.stack.length - 1]}>`);
    if (!this.seenRoot) throw new XmlError('document must contain a root element');
  }

  private emitText(raw: string): void {
    if (this.stack.length === 0) {
      if (!SPACE.test(raw)) throw new XmlError('text data outside of root node');
      return;
    }
    const t = textOf(raw);
    if (t && this.h.text) this.h.text(t);
  }

  private scan(final: boolean): void {
    const s = this.buf;
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        let cut = n;
        if (!final) {
          // Keep back an entity reference or a "\r" that the next chunk may complete.
          const amp = s.lastIndexOf('&');
          if (amp >= i && s.indexOf(';', amp) < 0) cut = amp;
          if (cut > i && s.charCodeAt(cut - 1) === 13) cut--;
        }
        if (cut > i) this.emitText(s.slice(i, cut));
        i = cut;
        break;
      }
      if (lt > i) this.emitText(s.slice(i, lt));
      const next = this.markup(s, lt, final);
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
    if (c === 47 /* / */) return this.endTag(s, lt, final);
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
    return this.startTag(s, lt, final);
  }

  private endTag(s: string, lt: number, final: boolean): number {
    const open = this.stack.length ? this.stack[this.stack.length - 1] : undefined;
    let j = lt + 2;
    if (open !== undefined && s.startsWith(open, j)) {
      j += open.length;
      while (j < s.length && isSpace(s.charCodeAt(j))) j++;
      if (j < s.length && s.charCodeAt(j) === 62) {
        this.stack.pop();
        this.h.close?.(localName(open));
        return j + 1;
      }
    }
    const gt = s.indexOf('>', lt);
    if (gt < 0) {
      if (!final) return -1;
      throw new XmlError('malformed end tag');
    }
    const name = s.slice(lt + 2, gt).trim();
    throw new XmlError(open === undefined ? `unexpected close tag </${name}>` : `unexpected close tag </${name}>, expected </${open}>`);
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

  private startTag(s: string, lt: number, final: boolean): number {
    const n = s.length;
    let j = lt + 1;
    let ch = s.charCodeAt(j);
    if (!(ch >= 65 && ch <= 90) && !(ch >= 97 && ch <= 122) && ch !== 95 && ch !== 58 && !(ch >= 0xc0)) {
      throw new XmlError('invalid tag name');
    }
    for (j++; j < n; j++) {
      ch = s.charCodeAt(j);
      if (isSpace(ch) || ch === 62 || ch === 47) break;
      if (ch === 60 || ch === 61 || ch === 34 || ch === 39 || ch === 38) throw new XmlError('invalid tag name');
    }
    if (j >= n) return this.incomplete(final);
    const name = s.slice(lt + 1, j);
    const attrs: string[] = [];
    let selfClosing = false;
    for (;;) {
      const before = j;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) return this.incomplete(final);
      ch = s.charCodeAt(j);
      if (ch === 62) break;
      if (ch === 47) {
        if (j + 1 >= n) return this.incomplete(final);
        if (s.charCodeAt(j + 1) !== 62) throw new XmlError(`malformed <${name}>`);
        selfClosing = true;
        j++;
        break;
      }
      if (j === before) throw new XmlError(`attributes of <${name}> must be separated by whitespace`);
      const k0 = j;
      for (; j < n; j++) {
        ch = s.charCodeAt(j);
        if (ch === 61 || isSpace(ch) || ch === 62 || ch === 47 || ch === 60 || ch === 34 || ch === 39) break;
      }
      if (j >= n) return this.incomplete(final);
      const key = s.slice(k0, j);
      if (key === '') throw new XmlError(`malformed attributes in <${name}>`);
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) return this.incomplete(final);
      if (s.charCodeAt(j) !== 61) throw new XmlError(`attribute ${key} without a value`);
      j++;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) return this.incomplete(final);
      const q = s.charCodeAt(j);
      if (q !== 34 && q !== 39) throw new XmlError(`unquoted attribute value`);
      const qe = s.indexOf(q === 34 ? '"' : "'", j + 1);
      if (qe < 0) return this.incomplete(final);
      for (let k = 0; k < attrs.length; k += 2) if (attrs[k] === key) throw new XmlError(`duplicate attribute ${key}`);
      attrs.push(key, attrValue(s, j + 1, qe));
      j = qe + 1;
    }
    if (this.stack.length === 0) {
      if (this.seenRoot) throw new XmlError('more than one root element');
      this.seenRoot = true;
    }
    const local = localName(name);
    this.h.open?.({ name, attrs }, local);
    if (selfClosing) this.h.close?.(local);
    else this.stack.push(name);
    return j + 1;
  }
}

const isSpace = (ch: number): boolean => ch === 32 || ch === 10 || ch === 9 || ch === 13;

/** An attribute value: "<" is refused; line ends, tabs and newlines become spaces, then entities are decoded. */
function attrValue(s: string, from: number, to: number): string {
  let plain = true;
  for (let k = from; k < to; k++) {
    const ch = s.charCodeAt(k);
    if (ch === 60) throw new XmlError('"<" in an attribute value');
    if (ch === 38 || ch === 13 || ch === 10 || ch === 9) plain = false;
  }
  const raw = s.slice(from, to);
  return plain ? raw : decode(raw.replace(/\r\n?|[\n\t]/g, ' '));
}
