import { Checkbox, Select, Switch, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { type Criterion, SEVERITY_LABEL, type Severity } from '../core/findings';
import { S } from './strings';
import { SEVERITIES } from './SummaryBar';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', columnGap: 0, alignItems: 'center', flexWrap: 'wrap' },
  selects: { display: 'flex', gap: tokens.spacingHorizontalS },
  severityRow: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  select: { minWidth: '0', flexGrow: 1 },
});

export interface RuleOption {
  id: string;
  title: string;
  count: number;
}

export interface FindingFiltersProps {
  counts: Record<Severity, number>;
  severities: ReadonlySet<Severity>;
  onToggleSeverity(s: Severity): void;
  rules: readonly RuleOption[];
  rule: string;
  onRuleChange(id: string): void;
  criteria: readonly { id: Criterion; count: number }[];
  criterion: string;
  onCriterionChange(id: string): void;
  showIgnored: boolean;
  ignoredCount: number;
  onShowIgnoredChange(v: boolean): void;
}

export function FindingFilters(p: FindingFiltersProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <div className={mergeClasses(styles.row, styles.severityRow)} role="group" aria-label={S.filterSeverity}>
        {SEVERITIES.map((s) => (
          <Checkbox
            key={s}
            checked={p.severities.has(s)}
            onChange={() => p.onToggleSeverity(s)}
            label={`${SEVERITY_LABEL[s]} ${p.counts[s]}`}
            data-testid={`filter-${s}`}
          />
        ))}
      </div>
      <div className={styles.selects}>
        <Select
          className={styles.select}
          size="small"
          aria-label={S.filterCriterion}
          value={p.criterion}
          onChange={(_, d) => p.onCriterionChange(d.value)}
          data-testid="filter-criterion"
        >
          <option value="">{S.allCriteria}</option>
          {p.criteria.map((c) => (
            <option key={c.id} value={c.id}>
              {c.id}（{c.count}）
            </option>
          ))}
        </Select>
        <Select
          className={styles.select}
          size="small"
          aria-label={S.filterRule}
          value={p.rule}
          onChange={(_, d) => p.onRuleChange(d.value)}
          data-testid="filter-rule"
        >
          <option value="">{S.allRules}</option>
          {p.rules.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}（{r.count}）
            </option>
          ))}
        </Select>
      </div>
      {p.ignoredCount > 0 && (
        <Switch
          checked={p.showIgnored}
          onChange={(_, d) => p.onShowIgnoredChange(d.checked)}
          label={`${S.showIgnored}（${S.ignoredCount(p.ignoredCount)}）`}
        />
      )}
    </div>
  );
}
