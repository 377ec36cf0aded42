import { breakerSnapshots } from '@/lib/resilience/breakers';
import { EXPOSITION_CONTENT_TYPE } from '@/lib/telemetry/exposition';
import { telemetry } from '@/lib/telemetry/instruments';

export const dynamic = 'force-dynamic';

/** The console's own metrics in the Prometheus text format, for a Prometheus to scrape. */
export function GET(): Response {
  // Creates the breakers when no upstream call has yet, so their state series exist from the first scrape.
  breakerSnapshots();
  return new Response(telemetry().registry.render(), {
    headers: { 'Content-Type': EXPOSITION_CONTENT_TYPE, 'Cache-Control': 'no-store' },
  });
}
