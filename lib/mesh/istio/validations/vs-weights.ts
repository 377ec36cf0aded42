// Route weights of a VirtualService. Pure.
//
// Facts from Istio's VirtualService reference (RouteDestination.weight): a destination receives
// weight / (sum of all weights) of the traffic; a lone destination gets everything whatever its weight; with several,
// a missing weight is 0 and such a destination gets nothing. So weights summing to 0 route nowhere (an error). Any
// other sum than 100 still works but reads as percentages that are not: a warning, since Kiali and older Istio
// releases required 100 and Meshscope's own traffic-split editor writes sums of 100.

import type { Finding, IstioResource } from '../types';
import { finding } from '../read';
import { weightsOf } from './routes';

/** Findings on the weights of each route with more than one destination. */
export function weightFindings(vs: IstioResource): Finding[] {
  return weightsOf(vs).flatMap(({ path, weights }) => {
    if (weights.length < 2) return [];
    const total = weights.reduce<number>((sum, w) => sum + (w ?? 0), 0);
    if (total === 0) {
      const message = `the ${weights.length} destinations of this route have no weight (missing or 0), so none of them receives traffic`;
      return [finding('vs.weights-not-100', 'error', message, path)];
    }
    if (total !== 100) {
      const message = `weights sum to ${total}, not 100; Istio splits traffic in proportion (weight ÷ ${total}), not as percentages`;
      return [finding('vs.weights-not-100', 'warning', message, path)];
    }
    return [];
  });
}
