/** Plain-text, markdown and sheet renderings of a generated 部门整体绩效目标 section. */
import type { CellRef } from '../grid';
import { type OverviewDocument, type Paragraph, paragraphText, type Source } from './types';

/** Ideographic space: a 公文 paragraph starts with two. */
const IDEO = '\u3000';

const where = (ref: CellRef): string => `${ref.sheet}!${ref.address}`;

/** zh-CN description of a number's source, e.g. "项目支出绩效目标表!C5+C22+…（24个单元格之和）". */
export function describeSource(s: Source): string {
  if (s.kind === 'cell') return where(s.ref);
  const list = s.refs.length <= 6 ? s.refs.map(where).join(s.kind === 'sum' ? '+' : '、') : `${s.refs.slice(0, 3).map(where).join(s.kind === 'sum' ? '+' : '、')}…`;
  return s.kind === 'sum' ? `${list}（${s.refs.length}个单元格之和）` : `${list}（共${s.refs.length}个项目）`;
}

/** Sources of the numbers in a paragraph, one line each: "3777.20 ← 项目支出绩效目标表!C5+…". */
export function paragraphSources(p: Paragraph): string[] {
  return p.segments.filter((s) => s.source && /\d/.test(s.text)).map((s) => `${s.text} ← ${describeSource(s.source!)}`);
}

export function overviewToText(doc: OverviewDocument, withSources = false): string {
  const lines: string[] = [];
  for (const p of doc.paragraphs) {
    const text = paragraphText(p);
    lines.push(p.style === 'body' ? `${IDEO}${IDEO}${text}` : text);
    if (withSources) for (const s of paragraphSources(p)) lines.push(`${IDEO.repeat(4)}〔来源〕${s}`);
  }
  return lines.join('\n') + '\n';
}

export function overviewToMarkdown(doc: OverviewDocument): string {
  const lines: string[] = [];
  const notes: string[] = [];
  for (const p of doc.paragraphs) {
    const text = paragraphText(p);
    if (p.style === 'title') lines.push(`# ${text}`, '');
    else if (p.style === 'heading') lines.push(`## ${text}`, '');
    else if (p.style === 'subheading') lines.push(`### ${text}`, '');
    else lines.push(text, '');
    notes.push(...paragraphSources(p));
  }
  lines.push('---', '', '数据来源：', '', ...notes.map((n) => `- ${n}`), '');
  return lines.join('\n');
}

/** Rows for a new sheet: column A the text, column B the sources of its numbers. */
export interface OverviewSheetRow {
  style: Paragraph['style'] | 'blank' | 'label';
  text: string;
  sources: string;
  /** Source cells of the numbers in this row (for links/notes). */
  refs: CellRef[];
}

export function overviewSheetRows(doc: OverviewDocument): OverviewSheetRow[] {
  const rows: OverviewSheetRow[] = [];
  for (const p of doc.paragraphs) {
    if (p.style === 'heading' && rows.length > 0) rows.push({ style: 'blank', text: '', sources: '', refs: [] });
    const refs = p.segments.flatMap((s) => (s.source && /\d/.test(s.text) ? (s.source.kind === 'cell' ? [s.source.ref] : s.source.refs) : []));
    rows.push({ style: p.style, text: paragraphText(p), sources: paragraphSources(p).join('\n'), refs });
  }
  return rows;
}

/** The sheet as plain values (column A text, column B sources), for Host.addSheet. */
export function overviewSheetValues(doc: OverviewDocument): (string | null)[][] {
  const rows = overviewSheetRows(doc);
  return [
    [rows[0]?.text ?? '', '数据来源（单元格）'],
    ...rows.slice(1).map((r) => [r.text || null, r.sources || null]),
  ];
}

/** "部门整体绩效目标", or with a suffix "(2)", "(3)"… when the name is taken. Never an existing name. */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base}(${i})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
