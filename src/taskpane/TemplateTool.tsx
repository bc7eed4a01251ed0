import { Button, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FrameworkKey } from '../core/frameworks';
import { detectFramework } from '../core/frameworks';
import type { CellRef, Grid } from '../core/grid';
import { textAt, toA1 } from '../core/grid';
import type { ProjectTable } from '../core/model';
import { parseWorkbook } from '../core/parse';
import { TEMPLATES, renderTemplate, type ProjectTemplate } from '../core/templates';
import { type InsertPlan, neighbourTable, planIndicatorCompletion, planNewTable } from '../core/templates/plan';
import { explain, suggestForTable } from '../core/templates/suggest';
import { compact } from '../core/text';
import { templateInputs } from '../core/values';
import { ErrorBar } from './ErrorBar';
import { T } from './toolStrings';
import type { ToolProps } from './tools';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxHeight: '220px', overflowY: 'auto' },
  // flexShrink 0: in the height-capped, scrolling list an entry keeps its height instead of being squeezed.
  item: { justifyContent: 'flex-start', textAlign: 'left', minWidth: 0, flexShrink: 0 },
  preview: {
    fontSize: tokens.fontSizeBase200,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  // A short value ("≥95%", "2026年6月底前") moves to the next line whole instead of breaking inside.
  value: { whiteSpace: 'nowrap' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** Values up to this many characters are kept on one line in the preview (longer ones wrap, at 320 px). */
const SHORT_VALUE = 16;

/** Cells of the workbook that still hold a 【请填写…】 input. */
export function pendingInputs(grids: readonly Grid[]): { label: string; ref: CellRef }[] {
  const out: { label: string; ref: CellRef }[] = [];
  for (const g of grids) {
    const o = g.origin ?? { row: 0, col: 0 };
    g.cells.forEach((row, r) =>
      row?.forEach((_, c) => {
        for (const label of templateInputs(textAt(g, r, c))) {
          out.push({ label, ref: { sheet: g.sheetName, row: r + o.row, col: c + o.col, address: toA1(r + o.row, c + o.col) } });
        }
      }),
    );
  }
  return out;
}

interface Workbook {
  grids: Grid[];
  tables: ProjectTable[];
}

/** Where a new table goes by default: two rows below the last thing on the first sheet with tables. */
function newTableTarget(wb: Workbook): { sheet: string; row: number } {
  const sheet = wb.tables[0]?.sheet ?? wb.grids[0]?.sheetName ?? 'Sheet1';
  const g = wb.grids.find((x) => x.sheetName === sheet);
  const used = g ? (g.origin?.row ?? 0) + g.cells.length : 0;
  return { sheet, row: used + 1 };
}

export function TemplateTool({ host }: ToolProps) {
  const styles = useStyles();
  const [wb, setWb] = useState<Workbook | null>(null);
  const [target, setTarget] = useState('new');
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<string | null>(null);
  const [framework, setFramework] = useState<FrameworkKey>('caiyu88');
  const [plan, setPlan] = useState<InsertPlan | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const year = new Date().getFullYear();

  const load = useCallback(async () => {
    setBusy(true);
    setError(null);
    try {
      const grids = await host.readGrids('workbook');
      setWb({ grids, tables: parseWorkbook(grids).tables });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }, [host]);

  useEffect(() => {
    void load();
  }, [load]);

  const table = wb?.tables.find((t) => t.id === target);
  const suggestions = useMemo(() => (table ? suggestForTable(table) : []), [table]);
  const shown: ProjectTemplate[] = useMemo(() => {
    const q = compact(query);
    const hits = TEMPLATES.filter((t) => !q || [t.title, t.scope, ...t.keywords].some((w) => compact(w).includes(q) || q.includes(compact(w))));
    const rank = (t: ProjectTemplate) => {
      const i = suggestions.findIndex((s) => s.template.id === t.id);
      return i < 0 ? 1000 : i;
    };
    return [...hits].sort((a, b) => rank(a) - rank(b));
  }, [query, suggestions]);
  const chosen = TEMPLATES.find((t) => t.id === kind) ?? shown[0];
  const fw: FrameworkKey = table ? detectFramework(table) : framework;
  const rendered = chosen ? renderTemplate(chosen, { framework: fw, year, budget: table?.budget?.amount }) : null;
  const pending = wb ? pendingInputs(wb.grids) : [];

  const preview = () => {
    if (!wb || !rendered) return;
    if (table) setPlan(planIndicatorCompletion(table, rendered));
    else {
      const at = newTableTarget(wb);
      // The new table copies the look of the nearest table on its sheet.
      setPlan(planNewTable(rendered, { sheet: at.sheet, row: at.row, col: 0, like: neighbourTable(wb.tables, at.sheet, at.row) }));
    }
  };
  const confirm = async () => {
    if (!plan || !host.insertPlan) return;
    setBusy(true);
    setError(null);
    try {
      await host.insertPlan(plan);
      setPlan(null);
      setNotice(T.inserted);
      await load();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  if (!host.insertPlan) return <Text>{T.noHostInsert}</Text>;
  const suggestion = suggestions.find((s) => s.template.id === chosen?.id);
  const at = wb ? newTableTarget(wb) : undefined;
  return (
    <div className={styles.root} data-testid="template-tool">
      {error && (
        <ErrorBar title={T.errorTitle} dismissLabel={T.dismiss} onDismiss={() => setError(null)}>
          {error}
        </ErrorBar>
      )}
      {notice && <Text role="status">{notice}</Text>}
      <label>
        <Text weight="semibold">{T.target}</Text>
        <Select value={target} onChange={(_, d) => { setTarget(d.value); setPlan(null); setKind(null); }} aria-label={T.target}>
          <option value="new">{at ? T.targetNew(at.sheet, at.row + 1) : T.loading}</option>
          {wb?.tables.map((t) => (
            <option key={t.id} value={t.id}>
              {T.targetTable(t.projectName?.text ?? t.title?.text ?? t.id)}
            </option>
          ))}
        </Select>
      </label>
      {!table && (
        <Select value={framework} onChange={(_, d) => setFramework(d.value as FrameworkKey)} aria-label={T.framework}>
          <option value="caiyu88">{T.fw88}</option>
          <option value="caiyu101">{T.fw101}</option>
        </Select>
      )}
      <Input value={query} onChange={(_, d) => setQuery(d.value)} placeholder={T.search} aria-label={T.search} />
      <div className={styles.list} role="listbox" aria-label="模板">
        {shown.map((t) => (
          <Button
            key={t.id}
            className={styles.item}
            appearance={t.id === chosen?.id ? 'primary' : 'subtle'}
            role="option"
            aria-selected={t.id === chosen?.id}
            onClick={() => { setKind(t.id); setPlan(null); }}
          >
            {t.title}
            {suggestions[0]?.template.id === t.id ? `（${T.suggested}）` : ''}
          </Button>
        ))}
      </div>
      {chosen && rendered && (
        <div className={styles.preview} data-testid="template-preview">
          <Text weight="semibold">
            {chosen.title}（{T.indicatorsCount(rendered.rows.length)}）
          </Text>
          {suggestion && <Text className={styles.muted}>{explain(suggestion)}</Text>}
          <Text className={styles.muted}>{chosen.scope}</Text>
          {rendered.rows.map((r) => (
            <Text key={`${r.level2}${r.level3}`}>
              {r.level2}｜{r.level3}：<span className={Array.from(r.value).length <= SHORT_VALUE ? styles.value : undefined}>{r.value}</span>
            </Text>
          ))}
        </div>
      )}
      {plan ? (
        <div className={styles.preview} data-testid="insert-preview">
          {plan.preview.map((line) => (
            <Text key={line}>{line}</Text>
          ))}
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={busy} onClick={() => void confirm()}>
              {T.confirm}
            </Button>
            <Button disabled={busy} onClick={() => setPlan(null)}>
              {T.cancel}
            </Button>
          </div>
        </div>
      ) : (
        <div className={styles.buttons}>
          <Button appearance="primary" disabled={busy || !wb || !chosen} onClick={preview}>
            {T.preview}
          </Button>
          <Button disabled={busy} onClick={() => void load()}>
            {T.reload}
          </Button>
        </div>
      )}
      <Text weight="semibold">{T.inputsTitle(pending.length)}</Text>
      <div className={styles.list}>
        {pending.map((p) => (
          <Button key={`${p.ref.sheet}!${p.ref.address}${p.label}`} className={styles.item} appearance="subtle" aria-label={T.goTo(p.ref.address)} onClick={() => void host.select(p.ref)}>
            {p.ref.sheet}!{p.ref.address}：{p.label}
          </Button>
        ))}
      </div>
    </div>
  );
}
