import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import { Fragment, useEffect, useState } from 'react';
import { SEVERITY_LABEL, type Finding, countBySeverity, isRowDeletion } from '../core/findings';
import { withoutAddress } from '../core/cards';
import { findRule } from '../core/rules';
import { type FindingGroup, cellLabel } from './groups';
import { ITEM_STYLES } from './itemStyles';
import { S } from './strings';
import { SEVERITIES, SEVERITY_BADGE_COLOR } from './SummaryBar';

const useStyles = makeStyles({
  ...ITEM_STYLES,
  header: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', minWidth: 0 },
  headerTitle: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  headerCounts: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  ignored: { opacity: 0.65 },
  itemHead: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
});

function severitySummary(findings: readonly Finding[]): string {
  const counts = countBySeverity(findings);
  return SEVERITIES.filter((s) => counts[s])
    .map((s) => `${SEVERITY_LABEL[s]} ${counts[s]}`)
    .join(' · ');
}

export function ruleTitle(id: string): string {
  return findRule(id)?.meta.title ?? id;
}

export interface FindingActions {
  onLocate(f: Finding): void;
  onFix?(f: Finding): void;
  /** Whether this host can apply this finding's fix (a row deletion needs deleteRow). */
  canFix?(f: Finding): boolean;
  onIgnore(f: Finding): void;
  onUnignore(f: Finding): void;
  isIgnored(f: Finding): boolean;
  /** The finding last located: marked in the list. */
  isCurrent?(f: Finding): boolean;
  busy?: boolean;
}

/** Above this many findings only the first table starts open, so the list reads as an overview. */
export const OPEN_ALL_LIMIT = 60;

function initiallyOpen(groups: readonly FindingGroup[]): string[] {
  const total = groups.reduce((n, g) => n + g.findings.length, 0);
  return total > OPEN_ALL_LIMIT ? groups.slice(0, 1).map((g) => g.id) : groups.map((g) => g.id);
}

export function FindingsList({ groups, ...actions }: { groups: readonly FindingGroup[] } & FindingActions) {
  const styles = useStyles();
  const [open, setOpen] = useState<string[]>(() => initiallyOpen(groups));
  const groupKey = groups.map((g) => g.id).join('\n');
  // A different set of tables (new file, other filter) starts from the default again.
  useEffect(() => setOpen(initiallyOpen(groups)), [groupKey]); // deliberately keyed on groupKey only

  return (
    <Accordion
      multiple
      collapsible
      openItems={open}
      onToggle={(_, d) => setOpen(d.openItems as string[])}
      aria-label={S.findingsLabel}
      data-testid="findings"
    >
      {groups.map((g) => (
        <AccordionItem key={g.id} value={g.id} data-testid="finding-group" data-count={g.findings.length}>
          <AccordionHeader>
            <span className={styles.header}>
              <span className={styles.headerTitle}>
                {g.title}（{S.findingCount(g.findings.length)}）
              </span>
              <span className={styles.headerCounts}>{severitySummary(g.findings)}</span>
              {(g.code || g.budget || g.where) && (
                <Caption1 className={styles.meta}>
                  {[g.code && `${S.projectCode} ${g.code}`, g.budget && `${S.budget} ${g.budget}`, g.where]
                    .filter(Boolean)
                    .map((part, i) => (
                      // The separator stays outside the unbreakable part, so the line may wrap before it.
                      <Fragment key={i}>
                        {i > 0 ? ' · ' : ''}
                        <span className={styles.nowrap}>{part}</span>
                      </Fragment>
                    ))}
                </Caption1>
              )}
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <FindingItems findings={g.findings} {...actions} />
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}

function FindingItems({ findings, ...a }: { findings: readonly Finding[] } & FindingActions) {
  const styles = useStyles();
  const arrows = useArrowNavigationGroup({ axis: 'grid-linear', memorizeCurrent: true });
  return (
    <ul className={styles.list} {...arrows}>
      {findings.map((f, i) => {
        const where = cellLabel(f);
        const ignored = a.isIgnored(f);
        const current = !!a.isCurrent?.(f);
        return (
          <li
            key={`${f.ruleId}|${where}|${i}`}
            className={mergeClasses(styles.item, styles[f.severity], ignored && styles.ignored, current && styles.current)}
            data-current={current ? 'true' : undefined}
            data-testid="finding"
            data-severity={f.severity}
            data-rule={f.ruleId}
            data-ref={where}
          >
            <span className={styles.itemHead}>
              <Badge appearance="tint" color={SEVERITY_BADGE_COLOR[f.severity]}>
                {SEVERITY_LABEL[f.severity]}
              </Badge>
              <Text size={200} weight="semibold">
                {ruleTitle(f.ruleId)}
              </Text>
              {ignored && (
                <Badge appearance="outline" color="subtle">
                  {S.ignoredTag}
                </Badge>
              )}
            </span>
            <Caption1 className={styles.meta}>
              {f.criterion} · <span className={styles.nowrap}>{where}</span>
            </Caption1>
            <Text size={200} className={styles.message}>
              {withoutAddress(f.message, f.ref.address)}
            </Text>
            <span className={styles.actions}>
              <Button size="small" aria-label={S.locateAria(where)} onClick={() => a.onLocate(f)}>
                {S.locate}
              </Button>
              {f.fix && a.onFix && (a.canFix?.(f) ?? true) && (
                <Button
                  size="small"
                  appearance="primary"
                  disabled={a.busy}
                  aria-label={isRowDeletion(f.fix) ? S.deleteRowAria(f.fix.deleteRow.row + 1) : S.fixAria(where)}
                  title={f.fix.description}
                  onClick={() => a.onFix?.(f)}
                >
                  {isRowDeletion(f.fix) ? S.deleteRow : S.fix}
                </Button>
              )}
              {ignored ? (
                <Button size="small" appearance="subtle" disabled={a.busy} aria-label={S.unignoreAria(where)} onClick={() => a.onUnignore(f)}>
                  {S.unignore}
                </Button>
              ) : (
                <Button size="small" appearance="subtle" disabled={a.busy} aria-label={S.ignoreAria(where)} onClick={() => a.onIgnore(f)}>
                  {S.ignore}
                </Button>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
