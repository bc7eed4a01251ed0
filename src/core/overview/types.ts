import type { CellRef } from '../grid';

/** Where a number in the generated text comes from. */
export type Source =
  | { kind: 'cell'; ref: CellRef }
  /** The sum of these cells' amounts (预算数 of several projects). */
  | { kind: 'sum'; refs: CellRef[]; value: number }
  /** The number of these cells (one per project). */
  | { kind: 'count'; refs: CellRef[]; value: number };

/** A piece of text; every piece that shows a number has a source. */
export interface Segment {
  text: string;
  source?: Source;
}

export type ParagraphStyle = 'title' | 'heading' | 'subheading' | 'body';

export interface Paragraph {
  style: ParagraphStyle;
  segments: Segment[];
}

export interface OverviewArea {
  name: string;
  /** ProjectTable ids, in workbook order. */
  tableIds: string[];
}

export interface OverviewDocument {
  department: string;
  year?: number;
  projectCount: number;
  /** Sum of 预算数, 万元, rounded to cents. */
  totalBudget: number;
  areas: OverviewArea[];
  paragraphs: Paragraph[];
}

export interface OverviewOptions {
  /** Re-assigned work areas: ProjectTable id → area name. */
  assignments?: Readonly<Record<string, string>>;
  /** 工作保障措施 to use instead of the standard set (each "标题。内容"). */
  measures?: readonly string[];
  /** Department name instead of the one read from the tables' unit line. */
  department?: string;
}

export function paragraphText(p: Paragraph): string {
  return p.segments.map((s) => s.text).join('');
}
