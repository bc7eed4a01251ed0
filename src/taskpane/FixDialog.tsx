import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Finding } from '../core/findings';
import { S } from './strings';

const useStyles = makeStyles({
  diff: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: `${tokens.spacingVerticalS} 0` },
  value: { wordBreak: 'break-all', fontWeight: tokens.fontWeightSemibold },
});

export function FixDialog({ finding, onConfirm, onCancel }: { finding: Finding | null; onConfirm(): void; onCancel(): void }) {
  const styles = useStyles();
  const fix = finding?.fix;
  return (
    <Dialog open={!!fix} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface aria-describedby={undefined}>
        {fix && (
          <DialogBody>
            <DialogTitle>{S.fixTitle}</DialogTitle>
            <DialogContent>
              <div>{fix.description}</div>
              <div>{S.fixBody(`${fix.ref.sheet}!${fix.ref.address}`)}</div>
              <dl className={styles.diff}>
                <dt>{S.fixFrom}</dt>
                <dd className={styles.value}>{fix.from || '（空）'}</dd>
                <dt>{S.fixTo}</dt>
                <dd className={styles.value}>{fix.to || '（空）'}</dd>
              </dl>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={onConfirm}>
                {S.fixConfirm}
              </Button>
              <Button onClick={onCancel}>{S.cancel}</Button>
            </DialogActions>
          </DialogBody>
        )}
      </DialogSurface>
    </Dialog>
  );
}
