'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { isCurrentSection, NAV_ITEMS } from './nav-items';
import { useOnLoginPage } from './use-on-login-page';

/** Left navigation; marks the current section for screen readers with aria-current. None on the login page. */
export function SideNav() {
  const pathname = usePathname();
  const onLoginPage = useOnLoginPage();
  if (onLoginPage) return null;
  return (
    <nav aria-label="Main" className="w-48 shrink-0 border-r border-slate-200 bg-slate-50 py-3 dark:border-slate-800 dark:bg-slate-900">
      <ul>
        {NAV_ITEMS.map((item) => {
          const current = isCurrentSection(item.href, pathname);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                className={`block px-4 py-2 text-sm ${
                  current
                    ? 'border-l-4 border-sky-600 bg-white font-semibold text-sky-800 dark:bg-slate-800 dark:text-sky-300'
                    : 'border-l-4 border-transparent text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
