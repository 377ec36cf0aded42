import { describe, expect, it } from 'vitest';
import { applyObjects, eventually, quietWindowEnd } from '../lab/testing/lab-clients';
import type { IstioConfigList } from './mesh/istio/api-types';
import type { MtlsReport, WorkloadMtls } from './mesh/mtls/types';

// This file changes the lab's Istio config, so vitest.config.ts runs it after the tests that compare with the truth.

async function getReport(query: string): Promise<{ status: number; body: MtlsReport }> {
  const { GET } = await import('../app/api/mtls/route');
  const res = await GET(new Request(`http://console.test/api/mtls?${query}`));
  return { status: res.status, body: (await res.json()) as MtlsReport };
}

const ratings = (r: MtlsReport) => r.workloads.filter((w) => w.namespace === 'bookinfo' && w.name.startsWith('ratings-'));
const shareOf = (ws: WorkloadMtls[]) => {
  const rps = ws.reduce((n, w) => n + w.observed.rps, 0);
  const mtls = ws.reduce((n, w) => n + w.observed.rps * (w.observed.mtlsShare ?? 0), 0);
  return rps > 0 ? mtls / rps : null;
};

const plaintextRule = {
  apiVersion: 'networking.istio.io/v1',
  kind: 'DestinationRule',
  metadata: { name: 'ratings-plaintext', namespace: 'bookinfo' },
  spec: { host: 'ratings', trafficPolicy: { tls: { mode: 'DISABLE' } } },
};

const strictRatings = {
  apiVersion: 'security.istio.io/v1',
  kind: 'PeerAuthentication',
  metadata: { name: 'ratings-strict', namespace: 'bookinfo' },
  spec: { selector: { matchLabels: { app: 'ratings' } }, mtls: { mode: 'STRICT' } },
};

describe('mTLS API against the lab', () => {
  it('reports every bookinfo workload with a status, and auto mTLS observed between sidecars', async () => {
    // A minute in which nobody changed the mesh's config, so the observed share is the lab's normal one.
    await quietWindowEnd(60, 150_000);
    const { status, body } = await getReport('namespace=bookinfo&duration=1m');
    expect(status).toBe(200);
    expect(body.workloads.filter((w) => w.namespace === 'bookinfo').map((w) => w.name)).toEqual(
      expect.arrayContaining(['details-v1', 'productpage-v1', 'ratings-v1', 'ratings-v2', 'reviews-v1', 'reviews-v2', 'reviews-v3']),
    );
    for (const w of body.workloads) expect(['enabled', 'partly', 'disabled', 'not-enabled']).toContain(w.status);
    // Nothing is configured in the lab by default: Istio's PERMISSIVE default, yet sidecars talk mTLS.
    expect(body.mesh.status).toBe('not-enabled');
    expect(shareOf(ratings(body))).toBeGreaterThan(0.95);
    expect(body.controlPlane.istiod.map((d) => d.name)).toContain('istiod');
    expect((await getReport('namespace=Not_A_Namespace')).status).toBe(400);
  }, 180_000);

  it('sees a DISABLE rule turn ratings traffic plaintext, then flags STRICT against it', async () => {
    const removeRule = await applyObjects([plaintextRule]);
    let removePolicy: () => Promise<void> = async () => {};
    try {
      // Telemetry: the share of mTLS requests into ratings falls as plaintext requests fill the 1-minute window.
      const after = await eventually(
        () => getReport('namespace=bookinfo&duration=1m').then((r) => shareOf(ratings(r.body))),
        (share) => share !== null && share < 0.5,
        120_000,
        5_000,
      );
      expect(after).toBeLessThan(0.5);

      removePolicy = await applyObjects([strictRatings]);
      const { body } = await getReport('namespace=bookinfo&duration=1m');
      for (const w of ratings(body)) {
        expect(w.status).toBe('enabled');
        const flag = w.flags.find((f) => f.code === 'strict-with-disable');
        expect(flag?.message).toContain('ratings-plaintext');
        expect(flag?.related).toEqual(
          expect.arrayContaining([
            { kind: 'DestinationRule', namespace: 'bookinfo', name: 'ratings-plaintext' },
            { kind: 'PeerAuthentication', namespace: 'bookinfo', name: 'ratings-strict' },
          ]),
        );
      }
      // The config browser raises the same conflict on the DestinationRule.
      const { GET } = await import('../app/api/istio/route');
      const list = (await (await GET(new Request('http://console.test/api/istio?namespace=bookinfo&kind=DestinationRule'))).json()) as IstioConfigList;
      const rule = list.items.find((i) => i.name === 'ratings-plaintext');
      expect(rule?.findings.map((f) => f.code)).toContain('mtls.strict-with-disable');
    } finally {
      await removePolicy();
      await removeRule();
    }
  }, 180_000);
});
