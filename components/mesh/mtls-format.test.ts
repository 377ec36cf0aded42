import { describe, expect, it } from 'vitest';
import { flagMarks, MTLS_STATUS_LABEL, observedShareText, observedText, sortedWorkloads, workloadsSummary } from './mtls-format';
import { sampleReport, workloadMtls } from './test-report';

describe('mtls format', () => {
  it('names every status in the words the page uses', () => {
    expect(MTLS_STATUS_LABEL).toEqual({ enabled: 'Enabled', partly: 'Partly enabled', disabled: 'Disabled', 'not-enabled': 'Not enabled' });
  });

  it.each([
    [{ rps: 0, mtlsShare: null }, 'No traffic', 'No traffic'],
    [{ rps: 12.5, mtlsShare: 0.8 }, '80%', '80% of 12.5 rps'],
    [{ rps: 3, mtlsShare: 0 }, '0%', '0% of 3 rps'],
    [{ rps: 0.004, mtlsShare: 1 }, '100%', '100% of <0.01 rps'],
  ])('observed %o', (observed, share, text) => {
    expect(observedShareText(observed)).toBe(share);
    expect(observedText(observed)).toBe(text);
  });

  it('marks a row by its flags, errors first and each word once', () => {
    const w = workloadMtls('x', {
      flags: [
        { code: 'observed-mismatch', severity: 'warning', message: 'a' },
        { code: 'strict-with-disable', severity: 'error', message: 'b' },
        { code: 'observed-mismatch', severity: 'warning', message: 'c' },
        { code: 'no-sidecar-under-strict', severity: 'warning', message: 'd' },
      ],
    });
    expect(flagMarks(w)).toEqual(['Conflict', 'Mismatch', 'No sidecar']);
    expect(flagMarks(workloadMtls('y'))).toEqual([]);
  });

  it('orders workloads by namespace then name (numbers as numbers) and sums them up', () => {
    const ws = [workloadMtls('reviews-v10'), workloadMtls('reviews-v2'), workloadMtls('a', { namespace: 'travel' }), workloadMtls('ratings-v1')];
    expect(sortedWorkloads(ws).map((w) => `${w.namespace}/${w.name}`)).toEqual(['bookinfo/ratings-v1', 'bookinfo/reviews-v2', 'bookinfo/reviews-v10', 'travel/a']);
    expect(workloadsSummary(sampleReport().workloads)).toBe('4 workloads, 2 flagged');
    expect(workloadsSummary([workloadMtls('a')])).toBe('1 workload');
  });
});
