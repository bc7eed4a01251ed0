import { Badge, Button, Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Card } from '../core/cards';
import { SEVERITY_LABEL } from '../core/findings';
import { ITEM_STYLES } from './itemStyles';
import { S } from './strings';
import { SEVERITY_BADGE_COLOR } from './SummaryBar';

const useStyles = makeStyles({
  ...ITEM_STYLES,
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  head: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'baseline', flexWrap: 'wrap' },
  rank: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  points: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
});

export interface FixFirstListProps {
  cards: readonly Card[];
  /** Project name of each table id, for the caption. */
  tableNames: ReadonlyMap<string, string>;
  /** Card last located (marked in the list). */
  currentId?: string;
  onLocate(card: Card): void;
}

/** The 先改这些 list: at most 10 cards, most urgent first, each with 定位. */
export function FixFirstList({ cards, tableNames, currentId, onLocate }: FixFirstListProps) {
  const styles = useStyles();
  if (cards.length === 0) return null;
  return (
    <section className={styles.root} aria-labelledby="fix-first-heading" data-testid="fix-first">
      <h2 id="fix-first-heading" className={styles.heading}>
        {S.fixFirstTitle}
      </h2>
      <Caption1 className={styles.meta}>{S.fixFirstHint}</Caption1>
      <ol className={styles.list}>
        {cards.map((c, i) => {
          const where = `${c.ref.sheet}!${c.ref.address}`;
          const table = c.tableIds ? S.tablesCovered(c.tableIds.length) : c.tableId ? tableNames.get(c.tableId) : undefined;
          return (
            <li
              key={c.id}
              className={mergeClasses(styles.item, styles[c.severity], c.id === currentId && styles.current)}
              data-testid="fix-first-item"
              data-severity={c.severity}
              data-current={c.id === currentId ? 'true' : undefined}
              aria-current={c.id === currentId ? 'true' : undefined}
            >
              <span className={styles.head}>
                <span className={styles.rank}>{i + 1}.</span>
                <Badge appearance="tint" color={SEVERITY_BADGE_COLOR[c.severity]}>
                  {SEVERITY_LABEL[c.severity]}
                </Badge>
                <Text size={300} className={styles.title}>
                  {c.title}
                </Text>
              </span>
              <Caption1 className={styles.meta}>
                {table && <span>{table} · </span>}
                <span className={styles.nowrap}>{where}</span>
                {c.details.length > 1 && <span> · {S.subPoints(c.details.length)}</span>}
              </Caption1>
              {c.points ? (
                <ul className={styles.points} data-testid="fix-first-points">
                  {c.points.map((p, k) => (
                    <li key={k}>
                      <Text size={200} className={styles.message}>
                        {p}
                      </Text>
                    </li>
                  ))}
                </ul>
              ) : (
                <Text size={200} className={styles.message}>
                  {c.message}
                </Text>
              )}
              <span className={styles.actions}>
                <Button size="small" aria-label={S.locateCardAria(i + 1, where)} onClick={() => onLocate(c)}>
                  {S.locate}
                </Button>
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
