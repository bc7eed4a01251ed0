/**
 * Every offered fix, of every kind, applied to the example workbook and to each real-form table, then the
 * grid re-parsed and re-checked: the fixed finding goes away and no new finding appears. Also the content
 * rules for fixes (issue 10): no placeholder written, no indicator name replaced by a category name, no
 * whole budget proposed as a unit standard, no text fix on a row the checker calls filler or unrelated.
 */
import path from 'path';
import type { Finding } from '../../src/core/findings';
import { isRowDeletion } from '../../src/core/findings';
import type { Grid } from '../../src/core/grid';
import { isFillerName } from '../../src/core/rules/filler-indicator';
import { findingsAfterDeletion, gridAfterDeletion } from '../../src/core/rowDelete';
import { validateGrids } from '../../src/core/validate';
import { withCellText } from '../../src/web/memoryHost';
import { readGridsFromFile } from '../../src/hosts/file/node';
import { REAL_TABLES, realGrid } from '../fixtures/real';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', '曹妃甸区委组织部2025绩效目标.xlsx');

const where = (f: Finding) => `${f.ruleId}@${f.ref.sheet}!${f.ref.address}`;

/** The grids with one fix applied (a row deletion, or the text written into its cell). */
function applyFix(grids: readonly Grid[], f: Finding): Grid[] {
  const fix = f.fix!;
  return grids.map((g) => {
    if (g.sheetName !== fix.ref.sheet) return g;
    return isRowDeletion(fix) ? gridAfterDeletion(g, fix.deleteRow) : withCellText(g, fix.ref, fix.to);
  });
}

/** Findings expected to remain after a fix: the others, moved up when a row was deleted. */
function expectedAfter(findings: readonly Finding[], f: Finding): Finding[] {
  return isRowDeletion(f.fix) ? findingsAfterDeletion(findings, f.fix.deleteRow) : [...findings];
}

/** What one fix did: findings that appeared, and whether the fixed one is gone. */
function roundTrip(grids: readonly Grid[], findings: readonly Finding[], f: Finding): { fresh: string[]; stays: boolean } {
  const after = validateGrids(applyFix(grids, f)).findings;
  const before = new Set(expectedAfter(findings, f).map(where));
  const fresh = after.filter((x) => !before.has(where(x))).map((x) => `${where(x)} ${x.message}`);
  const stays = !isRowDeletion(f.fix) && after.some((x) => x.ruleId === f.ruleId && x.ref.address === f.ref.address && x.ref.sheet === f.ref.sheet && x.fix?.to === f.fix!.to);
  return { fresh, stays };
}

/** Content rules every fix must keep. */
function badFix(f: Finding, all: readonly Finding[], level3: ReadonlySet<string>): string | undefined {
  const fix = f.fix!;
  if (/\*{2,}|＊{2,}|…{1,}|x{2,}|X{2,}|【/.test(fix.to)) return 'placeholder';
  if (isRowDeletion(fix)) return undefined;
  if (level3.has(`${fix.ref.sheet}!${fix.ref.address}`) && isFillerName(fix.to)) return 'name replaced by a category name';
  const rowFlagged = all.some(
    (x) => ['filler-indicator', 'unrelated-indicator'].includes(x.ruleId) && x.ref.sheet === fix.ref.sheet && x.ref.row === fix.ref.row,
  );
  if (rowFlagged) return 'text fix on a filler or unrelated row';
  return undefined;
}

async function cases(): Promise<[string, Grid[]][]> {
  return [['example', await readGridsFromFile(EXAMPLE)], ...REAL_TABLES.map((t): [string, Grid[]] => [t.id, [realGrid(t)]])];
}

describe('every fix, applied and re-checked', () => {
  let all: [string, Grid[]][];
  beforeAll(async () => {
    all = await cases();
  });

  it('offers fixes of every kind somewhere', () => {
    const fixes = all.flatMap(([, grids]) => validateGrids(grids).findings.filter((f) => f.fix));
    expect(fixes.filter((f) => isRowDeletion(f.fix)).length).toBeGreaterThan(10);
    expect(fixes.filter((f) => !isRowDeletion(f.fix)).length).toBeGreaterThan(50);
  });

  it('each fix on its own: the fixed finding goes away, nothing new appears, no bad text', () => {
    const problems: string[] = [];
    let applied = 0;
    for (const [name, grids] of all) {
      const { findings, parsed } = validateGrids(grids);
      const level3 = new Set(parsed.tables.flatMap((t) => t.indicators.map((r) => `${r.level3.ref.sheet}!${r.level3.ref.address}`)));
      for (const f of findings) {
        if (!f.fix) continue;
        applied++;
        const bad = badFix(f, findings, level3);
        if (bad) problems.push(`${name} ${where(f)} ${bad}: “${f.fix.from}” → “${f.fix.to}”`);
        const { fresh, stays } = roundTrip(grids, findings, f);
        if (stays) problems.push(`${name} ${where(f)} still reported after its fix “${f.fix.to}”`);
        for (const x of fresh) problems.push(`${name} fix ${where(f)} (“${f.fix.from}” → “${f.fix.to}”) brings ${x}`);
      }
    }
    expect(problems).toEqual([]);
    expect(applied).toBeGreaterThan(60);
  });

  it('all fixes together, as a clerk applies them (texts at once, then one deletion after another, re-checking): nothing new appears', () => {
    const problems: string[] = [];
    for (const [name, grids] of all) {
      const findings = validateGrids(grids).findings;
      let current: Grid[] = [...grids];
      const done = new Set<string>();
      for (const f of findings) {
        if (!f.fix || isRowDeletion(f.fix)) continue;
        const key = `${f.fix.ref.sheet}!${f.fix.ref.address}`;
        if (done.has(key)) continue; // one fix a cell
        done.add(key);
        current = applyFix(current, f);
      }
      let now = validateGrids(current).findings;
      const original = new Set(findings.map(where));
      for (const x of now) if (!original.has(where(x))) problems.push(`${name} after the text fixes: ${where(x)} ${x.message}`);
      let expected: Finding[];
      for (let n = 0; n < 200; n++) {
        const next = now.find((f) => isRowDeletion(f.fix));
        if (!next) break;
        expected = expectedAfter(now, next);
        current = applyFix(current, next);
        now = validateGrids(current).findings;
        const before = new Set(expected.map(where));
        for (const x of now) if (!before.has(where(x))) problems.push(`${name} after ${where(next)}: ${where(x)} ${x.message}`);
      }
      if (now.some((f) => isRowDeletion(f.fix))) problems.push(`${name}: deletions never end`);
    }
    expect(problems).toEqual([]);
  });
});
