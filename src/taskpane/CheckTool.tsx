import {
  Button,
  Divider,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CRITERIA, type Criterion, type Finding, type Severity, countBySeverity, isRowDeletion } from '../core/findings';
import type { Scope } from '../core/host';
import { type Settings, DEFAULT_SETTINGS, withDefaults } from '../core/settings';
import { ignoreKey, loadIgnored, loadSavedSettings, saveIgnored, saveSettings } from '../core/workbookState';
import { type Card, buildCards, fixFirst } from '../core/cards';
import { ColorLegend } from './ColorLegend';
import { ErrorBar } from './ErrorBar';
import { FixFirstList } from './FixFirstList';
import { FindingFilters, type RuleOption } from './FindingFilters';
import { FindingsList, ruleTitle } from './FindingsList';
import { FixDialog } from './FixDialog';
import { groupFindings, tableTitle } from './groups';
import { SettingsPanel } from './SettingsPanel';
import { S } from './strings';
import { SummaryBar, SEVERITIES } from './SummaryBar';
import type { ToolProps } from './tools';
import { PaneError, type ValidationRun, clearMarks, describeError, runStep, runValidation, withStep } from './validation';

/** The four criteria a reviewer grades a table by, in the order reviewers list them. */

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  status: { color: tokens.colorNeutralForeground2 },
  section: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  settings: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  settingsSummary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} 0` },
});

type Busy = false | 'running' | 'clearing' | 'fixing';

export function CheckTool({ host, autoRun }: ToolProps) {
  const styles = useStyles();
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [scope, setScope] = useState<Scope>('workbook');
  const [ready, setReady] = useState(false);
  const [busy, setBusy] = useState<Busy>(false);
  const [run, setRun] = useState<ValidationRun | null>(null);
  const [ignored, setIgnored] = useState<ReadonlySet<string>>(new Set());
  const [showIgnored, setShowIgnored] = useState(false);
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(new Set(SEVERITIES));
  const [rule, setRule] = useState('');
  const [criterion, setCriterion] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pendingFix, setPendingFix] = useState<Finding | null>(null);
  /** The card or finding last located, marked in the lists. */
  const [current, setCurrent] = useState<{ card?: string; finding?: Finding } | null>(null);
  const ignoredRef = useRef(ignored);
  ignoredRef.current = ignored;

  const fail = useCallback((err: unknown, step?: string) => {
    setError(err instanceof PaneError || !step ? describeError(err) : withStep(step, describeError(err)));
  }, []);

  const validate = useCallback(
    async (s: Settings, sc: Scope, message: string | null = null) => {
      setBusy('running');
      setError(null);
      setNotice(null);
      try {
        const result = await runValidation(host, s, sc, (f) => ignoredRef.current.has(ignoreKey(f)));
        setRun(result);
        setNotice(message);
      } catch (err) {
        fail(err);
      } finally {
        setBusy(false);
      }
    },
    [host, fail],
  );

  // Remembered settings and ignored findings come from the workbook before the first run.
  useEffect(() => {
    let live = true;
    (async () => {
      let s = DEFAULT_SETTINGS;
      try {
        const keys = await loadIgnored(host);
        const saved = await loadSavedSettings(host);
        if (saved) s = withDefaults(saved);
        if (!live) return;
        setIgnored(keys);
        ignoredRef.current = keys;
        setSettings(s);
      } catch {
        // A broken saved state must not block checking; defaults apply.
      }
      if (!live) return;
      setReady(true);
      if (autoRun) void validate(s, 'workbook');
    })();
    return () => {
      live = false;
    };
  }, [host, autoRun, validate]);

  const changeSettings = (next: Settings) => {
    setSettings(next);
    saveSettings(host, next).catch(() => undefined);
    if (run) void validate(next, scope);
  };
  const changeScope = (next: Scope) => {
    setScope(next);
    if (run) void validate(settings, next);
  };

  const clear = async () => {
    setBusy('clearing');
    setError(null);
    try {
      await clearMarks(host);
      setRun(null);
      setNotice(S.cleared);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const setIgnoredAndRemark = async (next: Set<string>) => {
    setIgnored(next);
    ignoredRef.current = next;
    try {
      await runStep(S.errorState, () => saveIgnored(host, next));
      if (run) await runStep(S.errorMark, () => host.applyMarks(run.findings.filter((f) => !next.has(ignoreKey(f)))));
    } catch (err) {
      fail(err);
    }
  };

  const actions = {
    onLocate: (f: Finding) => {
      setCurrent({ finding: f });
      host.select(f.ref).catch((err) => fail(err, S.errorSelect));
    },
    isCurrent: (f: Finding) => current?.finding === f,
    onIgnore: (f: Finding) => void setIgnoredAndRemark(new Set([...ignored, ignoreKey(f)])),
    onUnignore: (f: Finding) => {
      const next = new Set(ignored);
      next.delete(ignoreKey(f));
      void setIgnoredAndRemark(next);
    },
    isIgnored: (f: Finding) => ignored.has(ignoreKey(f)),
    onFix: host.writeCells || host.deleteRow ? (f: Finding) => setPendingFix(f) : undefined,
    canFix: (f: Finding) => (isRowDeletion(f.fix) ? !!host.deleteRow : !!f.fix && !!host.writeCells),
    busy: !!busy,
  };

  const confirmFix = async () => {
    const f = pendingFix;
    setPendingFix(null);
    const fix = f?.fix;
    if (!fix) return;
    const deletion = isRowDeletion(fix) ? fix.deleteRow : undefined;
    if (deletion ? !host.deleteRow : !host.writeCells) return;
    setBusy('fixing');
    setError(null);
    try {
      if (deletion) await runStep(S.errorFix, () => host.deleteRow!(deletion));
      else await runStep(S.errorFix, () => host.writeCells!([{ ref: fix.ref, text: fix.to }]));
    } catch (err) {
      fail(err);
      setBusy(false);
      return;
    }
    await validate(settings, scope, deletion ? S.rowDeleted(deletion.sheet, deletion.row + 1) : S.fixed(`${fix.ref.sheet}!${fix.ref.address}`));
  };

  const findings = run?.findings ?? [];
  const active = useMemo(() => findings.filter((f) => !ignored.has(ignoreKey(f))), [findings, ignored]);
  const counts = countBySeverity(active);
  const pool = showIgnored ? findings : active;
  const ruleOptions: RuleOption[] = useMemo(() => {
    const byRule = new Map<string, number>();
    for (const f of pool) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    return [...byRule].map(([id, count]) => ({ id, title: ruleTitle(id), count }));
  }, [pool]);
  const criteria = useMemo(() => {
    const byCriterion = new Map<Criterion, number>();
    for (const f of pool) byCriterion.set(f.criterion, (byCriterion.get(f.criterion) ?? 0) + 1);
    return CRITERIA.filter((c) => byCriterion.has(c)).map((id) => ({ id, count: byCriterion.get(id)! }));
  }, [pool]);
  const shown = pool.filter(
    (f) => severities.has(f.severity) && (!rule || f.ruleId === rule) && (!criterion || f.criterion === criterion),
  );
  const groups = useMemo(() => groupFindings(shown, run?.parsed.tables ?? []), [shown, run]);
  const topCards = useMemo(() => (run ? fixFirst(buildCards(run.parsed, active)) : []), [run, active]);
  const tableNames = useMemo(() => new Map((run?.parsed.tables ?? []).map((t) => [t.id, tableTitle(t)])), [run]);
  const locateCard = (c: Card) => {
    setCurrent({ card: c.id });
    host.select(c.ref).catch((err) => fail(err, S.errorSelect));
  };

  const toggleSeverity = (s: Severity) => {
    const next = new Set(severities);
    if (next.has(s)) next.delete(s);
    else next.add(s);
    setSeverities(next);
  };

  return (
    <div className={styles.root}>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={!ready || !!busy} onClick={() => void validate(settings, scope)} aria-label={S.runAria}>
          {S.run}
        </Button>
        <Button disabled={!ready || !!busy} onClick={() => void clear()} aria-label={S.clearAria}>
          {S.clear}
        </Button>
        {busy && <Spinner size="tiny" label={busy === 'clearing' ? S.clearing : S.running} />}
      </div>
      <div role="status" aria-live="polite" className={styles.status} data-testid="status">
        {statusText(run, busy, notice)}
      </div>
      {error && (
        <ErrorBar title={S.errorTitle} dismissLabel={S.dismiss} onDismiss={() => setError(null)} testId="error">
          {error}
        </ErrorBar>
      )}
      {run && (
        <>
          <SummaryBar counts={counts} label={S.summaryLabel} />
          {findings.length > 0 && <ColorLegend />}
          <FixFirstList cards={topCards} tableNames={tableNames} currentId={current?.card} onLocate={locateCard} />
          {findings.length > 0 && (
            <>
              <Divider />
              <h2 className={styles.section}>{S.byTableTitle}</h2>
              <FindingFilters
                counts={counts}
                severities={severities}
                onToggleSeverity={toggleSeverity}
                rules={ruleOptions}
                rule={rule}
                onRuleChange={setRule}
                criteria={criteria}
                criterion={criterion}
                onCriterionChange={setCriterion}
                showIgnored={showIgnored}
                ignoredCount={findings.length - active.length}
                onShowIgnoredChange={setShowIgnored}
              />
            </>
          )}
          {groups.length > 0 ? (
            <FindingsList groups={groups} {...actions} />
          ) : (
            <Text>{findings.length ? S.allFiltered : run.parsed.tables.length ? S.noFindings : S.noTables}</Text>
          )}
        </>
      )}
      <details className={styles.settings} data-testid="settings">
        <summary className={styles.settingsSummary}>{S.settingsSection}</summary>
        <SettingsPanel
          settings={settings}
          scope={scope}
          disabled={!!busy}
          onSettingsChange={changeSettings}
          onScopeChange={changeScope}
        />
      </details>
      <FixDialog finding={pendingFix} onConfirm={() => void confirmFix()} onCancel={() => setPendingFix(null)} />
    </div>
  );
}

function statusText(run: ValidationRun | null, busy: Busy, notice: string | null): string {
  if (busy === 'running' || busy === 'fixing') return S.running;
  if (busy === 'clearing') return S.clearing;
  const parts: string[] = [];
  if (notice) parts.push(notice);
  if (run && run.parsed.tables.length) parts.push(S.tablesFound(run.parsed.tables.length));
  if (!run && !notice) parts.push(S.noRunYet);
  return parts.join(' ');
}
