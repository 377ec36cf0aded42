import type { Setting } from '@/lib/config/env';
import { AppError } from '@/lib/errors';
import { sameSecret } from './same-secret';

// Stricter than identity's parseBearer, which also takes a bare token pasted into the login form: an
// Authorization header from a scraper must name its scheme.
const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * Why a scrape of `/metrics` may not read the console's own metrics, or null when it may. With no
 * MESHSCOPE_METRICS_TOKEN they are open, like a sidecar's; with one, the request must carry
 * `Authorization: Bearer <token>`; a broken setting refuses every scrape and names the variable, so a typo never
 * leaves them open.
 */
export function metricsAccessError(setting: Setting<string | null>, authorization: string | null): AppError | null {
  if (!setting.configured) return new AppError('not_configured', setting.reason);
  if (setting.value === null) return null;
  const presented = BEARER.exec(authorization ?? '')?.[1];
  if (presented === undefined) return new AppError('unauthorized', '/metrics needs an Authorization: Bearer header with MESHSCOPE_METRICS_TOKEN');
  if (!sameSecret(presented, setting.value)) return new AppError('unauthorized', 'the bearer token does not match MESHSCOPE_METRICS_TOKEN');
  return null;
}
