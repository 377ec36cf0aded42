import { appConfig } from '../config/env';
import type { Upstream } from '../errors';
import { telemetry } from '../telemetry/instruments';
import { processSingleton } from '../telemetry/process-singleton';
import { CircuitBreaker, type BreakerSnapshot, type BreakerState } from './circuit-breaker';
import { BREAKER_COOL_DOWN_MS, BREAKER_FAILURE_THRESHOLD } from './settings';

const UPSTREAMS: readonly Upstream[] = ['kubernetes', 'prometheus', 'jaeger'];
const STATES: readonly BreakerState[] = ['closed', 'open', 'half-open'];

// A breaker guards one server, not one name: keyed by where the upstream is, a process (or a test) that switches a
// setting does not inherit the health of the server it used before.
function endpointOf(upstream: Upstream): string {
  const config = appConfig();
  if (upstream === 'kubernetes') {
    const k = config.kubernetes;
    return !k.configured ? '-' : k.value.source === 'in-cluster' ? 'in-cluster' : `${k.value.path}#${k.value.context ?? ''}`;
  }
  const setting = config[upstream];
  return setting.configured ? setting.value.url : '-';
}

function breakers(): Map<string, CircuitBreaker> {
  return processSingleton('breakers', () => {
    // Read at scrape time, so an open breaker whose cool-down has ended already shows as half-open.
    telemetry().breakerState.collect(() =>
      UPSTREAMS.flatMap((upstream) => {
        const { state } = breakerFor(upstream).snapshot();
        return STATES.map((s): [{ upstream: string; state: string }, number] => [{ upstream, state: s }, s === state ? 1 : 0]);
      }),
    );
    return new Map<string, CircuitBreaker>();
  });
}

/** The process's circuit breaker for one upstream; every caller of that upstream shares it. */
export function breakerFor(upstream: Upstream): CircuitBreaker {
  const all = breakers();
  const key = `${upstream} ${endpointOf(upstream)}`;
  let breaker = all.get(key);
  if (!breaker) {
    breaker = new CircuitBreaker({ failureThreshold: BREAKER_FAILURE_THRESHOLD, coolDownMs: BREAKER_COOL_DOWN_MS });
    all.set(key, breaker);
  }
  return breaker;
}

/** Every upstream's breaker state now. */
export function breakerSnapshots(): Record<Upstream, BreakerSnapshot> {
  return { kubernetes: breakerFor('kubernetes').snapshot(), prometheus: breakerFor('prometheus').snapshot(), jaeger: breakerFor('jaeger').snapshot() };
}
