/** The colour themes a user can pick; `system` follows the operating system. */
export const THEMES = ['light', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];

/** Cookie that remembers the theme, so the server renders the right class with no flash. */
export const THEME_COOKIE = 'meshscope-theme';

/** Reads a cookie value as a theme, defaulting to `system`. */
export function parseTheme(value: string | undefined): Theme {
  return (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
}
