import type { UpstreamStatus } from '@/lib/api/status';

const NAME: Record<UpstreamStatus['name'], string> = {
  kubernetes: 'The Kubernetes API',
  prometheus: 'Prometheus',
  jaeger: 'Jaeger',
};

/** One line of the banner: which upstream's breaker is open and when the console tries it again. */
export interface BreakerNotice {
  upstream: UpstreamStatus['name'];
  text: string;
}

/**
 * The notices for every upstream whose breaker is not closed. `elapsedMs` is the time since the status was fetched,
 * so the countdown moves between polls; a half-open breaker, or one past its retry time, reads "retrying now".
 */
export function breakerNotices(upstreams: readonly UpstreamStatus[], elapsedMs: number): BreakerNotice[] {
  return upstreams
    .filter((u) => u.breaker.state !== 'closed')
    .map((u) => {
      const remaining = u.breaker.state === 'open' ? Math.ceil(((u.breaker.retryInMs ?? 0) - elapsedMs) / 1000) : 0;
      const when = remaining > 0 ? `retrying in ${remaining} s` : 'retrying now';
      return { upstream: u.name, text: `${NAME[u.name]} is failing; ${when}` };
    });
}
