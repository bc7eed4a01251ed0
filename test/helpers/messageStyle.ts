/**
 * What a 审核意见 must not contain: English words or rule ids, colloquialisms, the cell's own address (the pane,
 * the note and the report already show it). Quoted cell text (“…”) is the clerk's own and is not judged.
 */
import type { Finding } from '../../src/core/findings';

/** Colloquial phrasings a reviewer would not write. */
export const BANNED_PHRASES = [
  '不超过多少钱', '说不清', '像是', '看不出', '反了', '对不上', '搞', '弄', '啥', '咋', '吧', '呢', '啦', '哦',
  '等于没有', '人人', '多半', '几乎可以肯定', '钱花',
] as const;

function unquoted(message: string): string {
  return message.replace(/“[^”]*”/gu, '').replace(/《[^》]*》/gu, '');
}

/** Problems of one finding's message; empty when it is fine. */
export function messageProblems(f: Pick<Finding, 'message' | 'ref'>): string[] {
  const problems: string[] = [];
  const text = unquoted(f.message);
  // Units and symbols are fine (%, ≥, PM2.5 inside quotes); words of two or more Latin letters are not.
  const ascii = text.match(/[A-Za-z][A-Za-z-]+/gu)?.filter((w) => !/^[A-Z]{1,3}\d+$/.test(w)) ?? [];
  if (ascii.length) problems.push(`English or rule id: ${ascii.join(', ')}`);
  for (const p of BANNED_PHRASES) if (text.includes(p)) problems.push(`colloquial: ${p}`);
  const own = new RegExp(`(?<![A-Z])${f.ref.address}(?![0-9])`, 'u');
  if (own.test(text)) problems.push(`repeats its own address ${f.ref.address}`);
  if (!/[\u4e00-\u9fff]/u.test(f.message)) problems.push('no Chinese');
  if (!/[。？]$/u.test(f.message.trim())) problems.push('does not end a sentence');
  // A quoted example that ends its own sentence is not followed by a second full stop: “……×100%。”。
  if (/[。！？]”[。；]/u.test(f.message)) problems.push('full stop doubled after a quotation');
  return problems;
}
