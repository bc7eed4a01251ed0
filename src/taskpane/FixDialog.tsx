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
import { useRef } from 'react';
import type { Finding, Fix } from '../core/findings';
import { S } from './strings';

const useStyles = makeStyles({
  diff: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: `${tokens.spacingVerticalS} 0` },
  value: { wordBreak: 'break-all', fontWeight: tokens.fontWeightSemibold },
});

export function FixDialog({ finding, onConfirm, onCancel }: { finding: Finding | null; onConfirm(): void; onCancel(): void }) {
  const styles = useStyles();
  // Keep showing the last fix while the dialog animates closed, so it never renders without a title.
  const last = useRef<Fix | undefined>(undefined);
  if (finding?.fix) last.current = finding.fix;
  const fix = last.current;
  return (
    <Dialog open={!!finding?.fix} onOpenChange={(_, d) => !d.open && onCancel()}>
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
