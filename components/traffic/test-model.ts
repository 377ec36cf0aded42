// Models and records for the traffic forms' tests: reviews in bookinfo with three versions, routed to v1.

import type { ChangeRecord, TrafficApplyResult, TrafficModel } from '@/lib/mesh/traffic/types';

/** reviews with versions v1–v3 (subsets v1–v3), all traffic to v1, a VirtualService and DestinationRule as read. */
export function reviewsModel(change: Partial<TrafficModel> = {}): TrafficModel {
  return {
    namespace: 'bookinfo',
    service: 'reviews',
    host: 'reviews.bookinfo.svc.cluster.local',
    resourceVersion: '1001',
    virtualService: { name: 'reviews', resourceVersion: '1001' },
    destinationRule: { name: 'reviews', resourceVersion: '2002' },
    versions: ['v1', 'v2', 'v3'].map((v) => ({ version: v, labels: { app: 'reviews', version: v }, workloads: [`reviews-${v}`], subset: v })),
    routes: [{ subset: 'v1', weight: 100 }],
    rules: [],
    unsupported: [],
    ...change,
  };
}

export const RECORD: ChangeRecord = {
  id: 'c-1',
  at: '2025-06-10T11:00:00Z',
  user: 'alice@example.com',
  namespace: 'bookinfo',
  service: 'reviews',
  summary: 'Traffic shifting: v1 0%, v2 50%, v3 50%',
  objects: [
    {
      kind: 'VirtualService',
      name: 'reviews',
      before: 'spec:\n  http:\n  - route:\n    - destination:\n        subset: v1\n      weight: 100\n',
      after: 'spec:\n  http:\n  - route:\n    - destination:\n        subset: v2\n      weight: 50\n',
    },
    { kind: 'DestinationRule', name: 'reviews', before: null, after: 'spec:\n  host: reviews\n' },
  ],
};

/** A dry run that would update the VirtualService's weights and leave the DestinationRule alone. */
export function dryRunResult(model: TrafficModel = reviewsModel()): TrafficApplyResult {
  return {
    dryRun: true,
    changes: [
      {
        kind: 'VirtualService',
        name: 'reviews',
        action: 'update',
        diff: [{ lines: [{ op: 'remove', text: '      weight: 100', oldLine: 9 }, { op: 'add', text: '      weight: 50', newLine: 9 }] }],
      },
      { kind: 'DestinationRule', name: 'reviews', action: 'unchanged', diff: [] },
    ],
    findings: [],
    model,
  };
}
