/**
 * Open Packaging Conventions helpers shared by the reader and the annotator: part-name resolution,
 * relationship parts and streamed XML parsing (xmlStream.ts: no DTD entities, bounded chunks).
 */
import { XmlError, type XmlHandlers, XmlScanner, type XmlTag } from './xmlStream';
import { type InflateBudget, type ZipEntry, ZipError, type ZipReader } from './zip';

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export { type XmlHandlers, type XmlTag, localName } from './xmlStream';

/** Attribute by local name; `prefixed` picks "r:id" over a plain "id". */
export const attr = (tag: XmlTag, name: string, prefixed = false): string | undefined => tag.attr(name, prefixed);

/** Runs `feed` over a scanner, reporting malformed XML as a corrupt-package error naming the part. */
function scanXml(part: string, h: XmlHandlers, feed: (scanner: XmlScanner) => void): void {
  try {
    const scanner = new XmlScanner(h);
    feed(scanner);
    scanner.close();
  } catch (err) {
    if (err instanceof XmlError) throw new ZipError('corrupt', `工作簿内部的 XML 格式有误（${part}：${err.message.slice(0, 80)}）`);
    throw err;
  }
}

/** Streams one part through the XML scanner: the XML is never held whole in memory. */
export function parsePart(zip: ZipReader, entry: ZipEntry, budget: InflateBudget, h: XmlHandlers): void {
  scanXml(entry.name, h, (scanner) => {
    const whole = zip.inflateWhole(entry, budget);
    if (whole) {
      const text = decodeUtf8(whole);
      if (text) scanner.write(text);
      return;
    }
    let decoder: InstanceType<typeof TextDecoder> | undefined;
    zip.inflate(
      entry,
      (chunk) => {
        if (!decoder) {
          // UTF-16 parts carry a byte-order mark; everything else is UTF-8.
          const le = chunk[0] === 0xff && chunk[1] === 0xfe;
          const be = chunk[0] === 0xfe && chunk[1] === 0xff;
          decoder = new TextDecoder(le ? 'utf-16le' : be ? 'utf-16be' : 'utf-8');
        }
        const text = decoder.decode(chunk, { stream: true });
        if (text) scanner.write(text);
      },
      budget,
    );
    const rest = decoder?.decode() ?? '';
    if (rest) scanner.write(rest);
  });
}

/** Parses an XML string (a part already in memory). */
export function parseXmlText(part: string, text: string, h: XmlHandlers): void {
  scanXml(part, h, (scanner) => scanner.write(text));
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; "" (package) → "_rels/.rels". */
export function relsPartName(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? `_rels/${part}.rels` : `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

/** Resolves a relationship target against its source part ("" for the package root). */
export function resolveTarget(source: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    /* keep as written */
  }
  t = t.replace(/\\/g, '/');
  const base = t.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

export function parseRelsText(part: string, text: string): Relationship[] {
  const rels: Relationship[] = [];
  parseXmlText(part, text, {
    open(tag, local) {
      if (local !== 'Relationship') return;
      const id = attr(tag, 'Id');
      const target = attr(tag, 'Target');
      if (id === undefined || target === undefined) return;
      rels.push({ id, type: attr(tag, 'Type') ?? '', target, external: attr(tag, 'TargetMode') === 'External' });
    },
  });
  return rels;
}

/** True when a relationship type is `kind` in the transitional or strict OOXML vocabulary. */
export const relIs = (rel: Relationship, kind: string): boolean => rel.type.endsWith(`/${kind}`);

let utf8: InstanceType<typeof TextDecoder> | undefined;

/** Text of a whole part: UTF-16 when it starts with that byte-order mark, else UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  // One decoder for every part: a call without {stream: true} starts from a clean state.
  utf8 ??= new TextDecoder('utf-8');
  return utf8.decode(bytes);
}
