import { tokens } from '@fluentui/react-components';

/** Styles shared by the finding items and the 先改这些 cards: a bordered box with a severity stripe. */
export const ITEM_STYLES = {
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: '4px',
    minWidth: 0,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  current: { backgroundColor: tokens.colorBrandBackground2, outline: `2px solid ${tokens.colorBrandStroke1}` },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  nowrap: { whiteSpace: 'nowrap' },
  message: { overflowWrap: 'anywhere' },
} as const;
