import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { SEVERITY_LABEL } from '../core/findings';
import { MARK_COLORS } from '../core/marks';
import { S } from './strings';
import { SEVERITIES } from './SummaryBar';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, margin: 0, padding: 0 },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, whiteSpace: 'nowrap' },
  swatch: { width: '14px', height: '14px', border: `1px solid ${tokens.colorNeutralStroke1}`, flexShrink: 0 },
});

/** What the fill colours in the sheet mean. */
export function ColorLegend() {
  const styles = useStyles();
  return (
    <ul className={styles.root} aria-label={S.legendLabel} data-testid="legend" style={{ listStyleType: 'none' }}>
      {SEVERITIES.map((s) => (
        <li key={s} className={styles.item}>
          <span className={styles.swatch} style={{ backgroundColor: MARK_COLORS[s].hex }} aria-hidden="true" />
          <Caption1>
            {SEVERITY_LABEL[s]}：{S.legendMeaning[s]}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}
