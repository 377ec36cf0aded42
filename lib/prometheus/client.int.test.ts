import { describe, expect, it } from 'vitest';
import { instantQuery, prometheusVersion } from './client';

// Runs against the lab's real Prometheus, which scrapes itself.
describe('Prometheus client against the lab', () => {
  it('runs an instant query and maps the vector', async () => {
    let samples = await instantQuery('up{job="prometheus"}');
    for (let i = 0; samples.length === 0 && i < 40; i++) {
      await new Promise((r) => setTimeout(r, 500)); // the first scrape lands within one interval
      samples = await instantQuery('up{job="prometheus"}');
    }
    expect(samples).toHaveLength(1);
    expect(samples[0]?.labels).toMatchObject({ job: 'prometheus', instance: '127.0.0.1:9090' });
    expect(samples[0]?.value).toBe(1);
    expect(Math.abs((samples[0]?.timestamp ?? 0) - Date.now())).toBeLessThan(60_000);
  });

  it('reads the server version', async () => {
    expect(await prometheusVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('turns a PromQL error into an upstream error naming Prometheus', async () => {
    await expect(instantQuery('sum(')).rejects.toMatchObject({ code: 'upstream_unavailable', message: expect.stringMatching(/^prometheus: /) });
  });
});
