/** The console's sections, in navigation order. */
export const NAV_ITEMS = [
  { href: '/', label: 'Overview' },
  { href: '/graph', label: 'Graph' },
  { href: '/applications', label: 'Applications' },
  { href: '/workloads', label: 'Workloads' },
  { href: '/services', label: 'Services' },
  { href: '/traces', label: 'Traces' },
  { href: '/config', label: 'Istio Config' },
  { href: '/mesh', label: 'Mesh' },
] as const;

/** Whether a nav entry is the current section for a pathname. */
export function isCurrentSection(href: string, pathname: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}
