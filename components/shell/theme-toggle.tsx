'use client';

import { useEffect, useState } from 'react';
import { THEME_COOKIE, THEMES, type Theme } from '@/lib/theme';

function applyTheme(theme: Theme): void {
  const dark = theme === 'dark' || (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.dataset.theme = theme;
}

/** Light, dark or system theme; remembered in a cookie for a year. */
export function ThemeToggle({ initialTheme }: { initialTheme: Theme }) {
  const [theme, setTheme] = useState<Theme>(initialTheme);

  useEffect(() => {
    applyTheme(theme);
    if (theme !== 'system') return;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => applyTheme('system');
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [theme]);

  function choose(next: Theme) {
    setTheme(next);
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
  }

  return (
    <label className="flex items-center gap-2 text-xs">
      <span>Theme</span>
      <select
        value={theme}
        onChange={(e) => choose(e.target.value as Theme)}
        className="rounded border border-slate-600 bg-slate-800 px-1 py-0.5 text-white"
      >
        {THEMES.map((t) => (
          <option key={t} value={t}>
            {t[0]?.toUpperCase() + t.slice(1)}
          </option>
        ))}
      </select>
    </label>
  );
}
