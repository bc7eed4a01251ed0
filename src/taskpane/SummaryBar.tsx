import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { SEVERITY_LABEL, type Severity } from '../core/findings';

export const SEVERITY_BADGE_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

const useStyles = makeStyles({
  root: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export function SummaryBar({ counts, label }: { counts: Record<Severity, number>; label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="group" aria-label={label} data-testid="summary">
      {SEVERITIES.map((s) => (
        <Badge
          key={s}
          size="large"
          appearance={counts[s] ? 'filled' : 'outline'}
          color={SEVERITY_BADGE_COLOR[s]}
          data-testid={`count-${s}`}
          data-count={counts[s]}
        >
          {SEVERITY_LABEL[s]} {counts[s]}
        </Badge>
      ))}
    </div>
  );
}
