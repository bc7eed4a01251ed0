import { Button, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ParsedWorkbook } from '../core/model';
import {
  OVERVIEW_SHEET,
  areaNames,
  compareOverview,
  generateOverview,
  overviewSheetValues,
  paragraphText,
  uniqueSheetName,
  type OverviewDifference,
} from '../core/overview';
import { parseWorkbook } from '../core/parse';
import { ErrorBar } from './ErrorBar';
import { T } from './toolStrings';
import type { ToolProps } from './tools';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  area: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  text: { fontSize: tokens.fontSizeBase200, whiteSpace: 'pre-wrap' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function OverviewTool({ host }: ToolProps) {
  const styles = useStyles();
  const [wb, setWb] = useState<ParsedWorkbook | null>(null);
  const [assignments, setAssignments] = useState<Record<string, string>>({});
  const [diffs, setDiffs] = useState<OverviewDifference[]>([]);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const generate = async () => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const parsed = parseWorkbook(await host.readGrids('workbook'));
      setWb(parsed);
      setDiffs(compareOverview(parsed));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const doc = wb && wb.tables.length ? generateOverview(wb, { assignments }) : null;
  const write = async () => {
    if (!doc || !host.addSheet) return;
    setBusy(true);
    setError(null);
    try {
      const existing = (await host.readGrids('workbook')).map((g) => g.sheetName);
      await host.addSheet(OVERVIEW_SHEET, overviewSheetValues(doc));
      setNotice(T.written(uniqueSheetName(OVERVIEW_SHEET, existing)));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const names = areaNames();
  return (
    <div className={styles.root} data-testid="overview-tool">
      {error && (
        <ErrorBar title={T.errorTitle} dismissLabel={T.dismiss} onDismiss={() => setError(null)}>
          {error}
        </ErrorBar>
      )}
      {notice && <Text role="status">{notice}</Text>}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy} onClick={() => void generate()}>
          {T.generate}
        </Button>
        {doc && host.addSheet && (
          <Button disabled={busy} onClick={() => void write()}>
            {T.writeSheet}
          </Button>
        )}
      </div>
      {wb && !doc && <Text>{T.noTables}</Text>}
      {doc && (
        <>
          {doc.areas.map((a) => (
            <div key={a.name} className={styles.area} data-testid="overview-area" data-area={a.name}>
              <Text weight="semibold">{a.name}</Text>
              {a.tableIds.map((id) => {
                const t = wb!.tables.find((x) => x.id === id)!;
                const name = t.projectName?.text ?? t.title?.text ?? id;
                return (
                  <div key={id} className={styles.row}>
                    <Text className={styles.text}>{name}</Text>
                    <Select
                      size="small"
                      aria-label={T.areaOf(name)}
                      value={a.name}
                      onChange={(_, d) => setAssignments({ ...assignments, [id]: d.value })}
                    >
                      {[...new Set([...names, a.name])].map((n) => (
                        <option key={n} value={n}>
                          {n}
                        </option>
                      ))}
                    </Select>
                  </div>
                );
              })}
            </div>
          ))}
          {diffs.length > 0 && (
            <div className={styles.area} data-testid="overview-diffs">
              <Text weight="semibold">{T.differences(diffs.length)}</Text>
              {diffs.map((d) => (
                <Text key={d.message} className={styles.text}>
                  {d.message}
                </Text>
              ))}
            </div>
          )}
          <div className={styles.area} data-testid="overview-preview">
            {doc.paragraphs.map((p, i) => (
              <Text key={i} className={styles.text} weight={p.style === 'body' ? 'regular' : 'semibold'}>
                {paragraphText(p)}
              </Text>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
