import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Theme } from '@/lib/theme';
import { BreakerBanner } from './breaker-banner';
import { SideNav } from './side-nav';
import { ThemeToggle } from './theme-toggle';
import { UpstreamIndicator } from './upstream-indicator';
import { UserMenu } from './user-menu';

/** The frame around every page: header with upstream status and theme, side navigation, main area. */
export function AppShell({ children, initialTheme }: { children: ReactNode; initialTheme: Theme }) {
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2 dark:focus:bg-slate-900">
        Skip to content
      </a>
      <header className="flex h-12 items-center gap-4 border-b border-slate-200 bg-slate-900 px-4 text-white dark:border-slate-800">
        <Link href="/" className="text-base font-semibold tracking-tight">
          Meshscope
        </Link>
        <div className="ml-auto flex items-center gap-4">
          <UpstreamIndicator />
          <ThemeToggle initialTheme={initialTheme} />
          <UserMenu />
        </div>
      </header>
      <BreakerBanner />
      <div className="flex flex-1">
        <SideNav />
        <main id="main" className="flex-1 overflow-x-auto p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
