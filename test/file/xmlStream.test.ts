import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { XmlError, XmlScanner } from '../../src/hosts/file/xmlStream';

/** Events as one string, adjacent text pieces joined. */
function events(feed: (h: { open(name: string, attrs: [string, string][]): void; close(name: string): void; text(t: string): void }) => void): string[] {
  const out: string[] = [];
  let text = '';
  const flush = (): void => {
    if (text) out.push(`T:${text}`);
    text = '';
  };
  feed({
    open(name, attrs) {
      flush();
      out.push(`O:${name}${attrs.map(([k, v]) => ` ${k}=${JSON.stringify(v)}`).join('')}`);
    },
    close(name) {
      flush();
      out.push(`C:${name}`);
    },
    text(t) {
      text += t;
    },
  });
  flush();
  return out;
}

function scan(chunks: string[]): string[] {
  return events((h) => {
    const s = new XmlScanner({
      open: (tag) => {
        const pairs: [string, string][] = [];
        for (let i = 0; i < tag.attrs.length; i += 2) pairs.push([tag.attrs[i], tag.attrs[i + 1]]);
        h.open(tag.name, pairs);
      },
      close: (local) => h.close(local),
      text: (t) => h.text(t),
    });
    for (const c of chunks) s.write(c);
    s.close();
  });
}

function sax(xml: string): string[] {
  return events((h) => {
    const p = new SaxesParser({ position: false });
    const stack: string[] = [];
    p.on('error', (e) => {
      throw e;
    });
    p.on('opentag', (t) => {
      h.open(t.name, Object.entries(t.attributes as Record<string, string>));
      stack.push(t.name);
    });
    p.on('closetag', (t) => {
      stack.pop();
      h.close(t.name.slice(t.name.indexOf(':') + 1));
    });
    p.on('text', (t) => {
      if (stack.length) h.text(t);
    });
    p.on('cdata', (t) => h.text(t));
    p.write(xml);
    p.close();
  });
}

/** Splits a string at the given cut points (fractions of its length). */
function cut(xml: string, points: number[]): string[] {
  const at = [...new Set(points.map((f) => Math.floor(f * xml.length)))].sort((a, b) => a - b);
  const out: string[] = [];
  let prev = 0;
  for (const p of at) {
    out.push(xml.slice(prev, p));
    prev = p;
  }
  out.push(xml.slice(prev));
  return out.filter((c) => c !== '');
}

const textChars = fc.constantFrom('a', '项', ' ', '\n', '\r\n', '\r', '\t', '&amp;', '&lt;', '&gt;', '&#x4e2d;', '&#20013;', '&quot;', "'", '>', '_x000D_', '😀');
const text = fc.array(textChars, { maxLength: 8 }).map((a) => a.join(''));
const name = fc.constantFrom('c', 'v', 't', 'x:c', 'row', 'si', 'r:id', 'mc:AlternateContent');
const attrs = fc.uniqueArray(fc.tuple(fc.constantFrom('r', 's', 't', 'x14ac:dyDescent', 'r:id', 'xml:space'), text), { selector: ([k]) => k, maxLength: 4 });

type Node = { name: string; attrs: [string, string][]; kids: (Node | string)[] };
const node: fc.Memo<Node> = fc.memo((depth) =>
  fc.record({
    name,
    attrs,
    kids: depth > 1 ? fc.array(fc.oneof(text, node(depth - 1), fc.constant('<![CDATA[a<b>&c\r\n]]>'), fc.constant('<!-- x -->')), { maxLength: 4 }) : fc.array(text, { maxLength: 1 }),
  }),
);

function render(n: Node): string {
  const a = n.attrs.map(([k, v], i) => `${i % 2 ? '\n' : ' '}${k}=${i % 3 ? `'${v.replace(/'/g, '&apos;')}'` : `"${v.replace(/"/g, '&quot;')}"`}`).join('');
  if (n.kids.length === 0) return `<${n.name}${a}/>`;
  return `<${n.name}${a}>${n.kids.map((k) => (typeof k === 'string' ? k : render(k))).join('')}</${n.name} >`;
}

describe('streaming XML scanner', () => {
  it('gives the same elements, attributes and text as saxes, however the input is cut into chunks', () => {
    fc.assert(
      fc.property(node(4), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }), (root, points) => {
        const xml = `<?xml version="1.0" encoding="UTF-8"?>\r\n${render(root)}\n`;
        const expected = sax(xml);
        expect(scan([xml])).toEqual(expected);
        expect(scan(cut(xml, points))).toEqual(expected);
        // One character at a time: every boundary is inside some token.
        expect(scan([...xml])).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('looks attributes up by name without building the list: exact name first, then a prefixed one (never xmlns:)', () => {
    const seen: unknown[] = [];
    const s = new XmlScanner({
      open: (tag) => {
        const v = tag.find('v');
        const w = tag.find('w');
        seen.push([tag.attr('id'), tag.attr('id', true), tag.attr('x'), v < 0 ? null : [tag.valueStart(v), tag.value(v)], w < 0 ? null : tag.source.slice(tag.valueStart(w), tag.valueEnd(w))]);
      },
    });
    s.write('<a r:id="1" id="2" v="a&amp;b" w="plain" :x="3"><b xmlns:id="ns" v="	c"/></a>');
    s.close();
    expect(seen).toEqual([
      ['2', '1', '3', [-1, 'a&b'], 'plain'],
      [undefined, undefined, undefined, [-1, ' c'], null],
    ]);
  });

  it.each([
    ['a mismatched end tag', '<a><b></a></b>'],
    ['an unclosed element', '<a><b></b>'],
    ['an end tag without a start', '<a></a></b>'],
    ['two roots', '<a/><b/>'],
    ['text outside the root', '<a/>x'],
    ['no root', '<?xml version="1.0"?>'],
    ['an unquoted attribute', '<a b=1/>'],
    ['a duplicate attribute', '<a b="1" b="2"/>'],
    ['attributes without whitespace', '<a b="1"c="2"/>'],
    ['"<" in an attribute', '<a b="<"/>'],
    ['an undefined entity', '<a>&nbsp;</a>'],
    ['a DTD entity (never expanded)', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'],
    ['a bare ampersand', '<a>b & c</a>'],
    ['a forbidden character', '<a>\u0001</a>'],
    ['a forbidden character reference', '<a>&#1;</a>'],
    ['a truncated document', '<a><b c="1'],
    ['an unclosed comment', '<a><!-- x</a>'],
  ])('refuses %s, as saxes does', (_what, xml) => {
    expect(() => sax(xml)).toThrow();
    expect(() => scan([xml])).toThrow(XmlError);
    expect(() => scan([...xml])).toThrow(XmlError);
  });
});
