import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jaegerVersion, listTraceServices } from './client';

async function sendSpan(service: string): Promise<void> {
  const now = BigInt(Date.now()) * 1_000_000n;
  const body = {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
        scopeSpans: [
          {
            spans: [
              {
                traceId: randomBytes(16).toString('hex'),
                spanId: randomBytes(8).toString('hex'),
                name: 'probe',
                kind: 2,
                startTimeUnixNano: String(now - 5_000_000n),
                endTimeUnixNano: String(now),
              },
            ],
          },
        ],
      },
    ],
  };
  const res = await fetch(`${process.env.JAEGER_OTLP_HTTP_URL}/v1/traces`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}

// Runs against the lab's real Jaeger: a span sent over OTLP shows up in /api/v3/services.
describe('Jaeger client against the lab', () => {
  it('lists a service right after it sent a span', async () => {
    const service = `probe-${randomBytes(4).toString('hex')}`;
    await sendSpan(service);
    let services: string[] = [];
    for (let i = 0; !services.includes(service) && i < 40; i++) {
      await new Promise((r) => setTimeout(r, 250)); // the batch processor flushes within a second
      services = await listTraceServices();
    }
    expect(services).toContain(service);
  });

  it('reads the version the lab built in', async () => {
    expect(await jaegerVersion()).toMatch(/^v\d+\.\d+\.\d+$/);
  });
});
