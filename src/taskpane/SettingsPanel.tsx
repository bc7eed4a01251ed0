import { Field, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { Scope } from '../core/host';
import type { FrameworkId, ScheduleMode, Settings } from '../core/settings';
import { FRAMEWORK_LABEL, S } from './strings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    border: 'none',
    margin: 0,
    padding: 0,
    // A fieldset is min-content wide by default: long framework names would push it past a 320 px pane.
    minWidth: 0,
  },
  select: { minWidth: 0, maxWidth: '100%' },
  legend: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
});

export interface SettingsPanelProps {
  settings: Settings;
  scope: Scope;
  disabled?: boolean;
  onSettingsChange(next: Settings): void;
  onScopeChange(next: Scope): void;
}

export function SettingsPanel({ settings, scope, disabled, onSettingsChange, onScopeChange }: SettingsPanelProps) {
  const styles = useStyles();
  return (
    <fieldset className={styles.root} disabled={disabled}>
      <legend className={styles.legend}>{S.settingsTitle}</legend>
      <Field label={S.framework} size="small">
        <Select
          size="small"
          className={styles.select}
          value={settings.framework === 'hebei88' ? 'caiyu88' : settings.framework}
          onChange={(_, d) => onSettingsChange({ ...settings, framework: d.value as FrameworkId })}
        >
          {(Object.keys(FRAMEWORK_LABEL) as (keyof typeof FRAMEWORK_LABEL)[]).map((id) => (
            <option key={id} value={id}>
              {FRAMEWORK_LABEL[id]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={S.schedule} size="small">
        <RadioGroup
          layout="horizontal"
          value={settings.schedule}
          onChange={(_, d) => onSettingsChange({ ...settings, schedule: d.value as ScheduleMode })}
        >
          <Radio value="auto" label={S.scheduleAuto} />
          <Radio value="cumulative" label={S.scheduleCumulative} />
          <Radio value="per-period" label={S.schedulePerPeriod} />
        </RadioGroup>
      </Field>
      <Field label={S.scope} size="small">
        <RadioGroup layout="horizontal" value={scope} onChange={(_, d) => onScopeChange(d.value as Scope)}>
          <Radio value="sheet" label={S.scopeSheet} />
          <Radio value="workbook" label={S.scopeWorkbook} />
        </RadioGroup>
      </Field>
    </fieldset>
  );
}
