import { type Theme, webDarkTheme, webLightTheme } from '@fluentui/react-components';

/** True for a dark colour like "#1F1F1F" (relative luminance below one half). */
export function isDarkColor(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex?.trim() ?? '');
  if (!m) return false;
  const n = parseInt(m[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.5;
}

/** Follows the Office theme when office.js reports one, else the system colour scheme. */
export function pickTheme(officeBackground?: string, prefersDark = false): Theme {
  if (officeBackground) return isDarkColor(officeBackground) ? webDarkTheme : webLightTheme;
  return prefersDark ? webDarkTheme : webLightTheme;
}
