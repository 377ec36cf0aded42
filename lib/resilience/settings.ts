// The resilience knobs in one place. The lead plans to move the ones operators tune into lib/config/env.ts; until
// then every consumer reads them from here.

/**
 * How long a Prometheus answer is reused. An instant query without an explicit time is keyed by "now" rounded down
 * to this interval, so a graph may be up to this old: the price of 20 viewers costing one set of queries.
 */
export const PROMETHEUS_CACHE_TTL_MS = 5_000;

/** Distinct Prometheus answers kept; a graph of a few namespaces needs 3 to 6. */
export const PROMETHEUS_CACHE_MAX_ENTRIES = 500;

/** Prometheus queries run at once by this process (the graph needs 3 to 6 at once, a metrics page about 10). */
export const PROMETHEUS_MAX_CONCURRENT_QUERIES = 8;

/** Queries allowed to wait for a slot before new ones are refused as overload. */
export const PROMETHEUS_MAX_QUEUED_QUERIES = 200;

/** Consecutive failures (timeouts, refused connections, 5xx) that open an upstream's breaker. */
export const BREAKER_FAILURE_THRESHOLD = 5;

/** How long an open breaker fails calls fast before it lets one probe through. */
export const BREAKER_COOL_DOWN_MS = 20_000;
