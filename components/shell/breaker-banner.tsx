'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { statusQuery } from '@/lib/api/status';
import { breakerNotices, type BreakerNotice } from './breaker-banner-model';
import { useOnLoginPage } from './use-on-login-page';

// Polled faster than the status card needs, so the banner leaves within seconds of a breaker closing.
const POLL_MS = 10_000;

/** The banner itself: one line per upstream whose breaker is open; nothing at all when every breaker is closed. */
export function BreakerBannerView({ notices }: { notices: readonly BreakerNotice[] }) {
  if (notices.length === 0) return null;
  return (
    <div role="alert" data-testid="breaker-banner" className="border-b border-red-300 bg-red-50 px-4 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100">
      {notices.map((n) => (
        <p key={n.upstream} data-upstream={n.upstream}>
          {n.text}
        </p>
      ))}
    </div>
  );
}

/** Shows which upstreams the console has stopped calling for a while, with a countdown to the next try. */
export function BreakerBanner() {
  const onLoginPage = useOnLoginPage();
  const { data, dataUpdatedAt } = useQuery({ ...statusQuery, refetchInterval: POLL_MS, enabled: !onLoginPage });
  const open = data?.upstreams.some((u) => u.breaker.state !== 'closed') ?? false;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!open) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [open]);
  if (!data || onLoginPage) return null;
  return <BreakerBannerView notices={breakerNotices(data.upstreams, Math.max(0, now - dataUpdatedAt))} />;
}
