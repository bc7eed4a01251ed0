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
import { type Finding, type Fix, isRowDeletion } from '../core/findings';
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
  // A row deletion shows what goes; a text fix shows the old and the new text.
  const deletion = fix && isRowDeletion(fix) ? fix.deleteRow : undefined;
  const rows: [string, string][] = !fix ? [] : deletion ? [[S.deleteRowContent, fix.from]] : [[S.fixFrom, fix.from], [S.fixTo, fix.to]];
  return (
    <Dialog open={!!finding?.fix} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface aria-describedby={undefined}>
        {fix && (
          <DialogBody>
            <DialogTitle>{deletion ? S.deleteRowTitle : S.fixTitle}</DialogTitle>
            <DialogContent>
              <div>{fix.description}</div>
              <div>{deletion ? S.deleteRowBody(deletion.sheet, deletion.row + 1) : S.fixBody(`${fix.ref.sheet}!${fix.ref.address}`)}</div>
              <dl className={styles.diff}>
                {rows.map(([label, text]) => [
                  <dt key={`${label}-t`}>{label}</dt>,
                  <dd key={`${label}-d`} className={styles.value}>
                    {text || '（空）'}
                  </dd>,
                ])}
              </dl>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={onConfirm}>
                {deletion ? S.deleteRowConfirm : S.fixConfirm}
              </Button>
              <Button onClick={onCancel}>{S.cancel}</Button>
            </DialogActions>
          </DialogBody>
        )}
      </DialogSurface>
    </Dialog>
  );
}
