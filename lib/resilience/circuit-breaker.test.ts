import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CircuitBreaker, type BreakerCall, type BreakerSnapshot } from './circuit-breaker';

class Refused extends Error {
  constructor(readonly snapshot: BreakerSnapshot) {
    super('refused');
  }
}

const BAD_REQUEST = 'bad request';

function spec<T>(call: () => Promise<T>): BreakerCall<T> {
  return {
    call,
    isFailure: (err) => !(err instanceof Error && err.message === BAD_REQUEST),
    describe: (err) => (err instanceof Error ? err.message : String(err)),
    rejected: (snapshot) => new Refused(snapshot),
  };
}

const ok = () => spec(async () => 'ok');
const down = () => spec(() => Promise.reject(new Error('timeout')));
const badRequest = () => spec(() => Promise.reject(new Error(BAD_REQUEST)));

async function outcome(b: CircuitBreaker, s: BreakerCall<string>): Promise<string> {
  try {
    return await b.run(s);
  } catch (err) {
    return err instanceof Refused ? 'refused' : `failed: ${(err as Error).message}`;
  }
}

// Date.now comes from Vitest's fake clock, which the breaker reads by default.
beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('CircuitBreaker', () => {
  it('opens after N consecutive failures and then refuses without calling', async () => {
    const changes: string[] = [];
    const b = new CircuitBreaker({ failureThreshold: 3, coolDownMs: 20_000, onChange: (s) => changes.push(s.state) });
    expect(await outcome(b, down())).toBe('failed: timeout');
    expect(await outcome(b, down())).toBe('failed: timeout');
    expect(b.snapshot()).toMatchObject({ state: 'closed', failures: 2 });
    expect(await outcome(b, down())).toBe('failed: timeout');
    const opened = Date.parse('2026-01-01T00:00:00Z');
    expect(b.snapshot()).toEqual({ state: 'open', since: opened, retryAt: opened + 20_000, failures: 3, lastFailure: 'timeout' });
    let called = false;
    const refused = await outcome(
      b,
      spec(async () => {
        called = true;
        return 'ok';
      }),
    );
    expect([refused, called, changes]).toEqual(['refused', false, ['open']]);
  });

  it('counts only consecutive failures: a success or a request error resets the count', async () => {
    const b = new CircuitBreaker({ failureThreshold: 2, coolDownMs: 1_000 });
    await outcome(b, down());
    await outcome(b, ok());
    await outcome(b, down());
    expect(await outcome(b, badRequest())).toBe(`failed: ${BAD_REQUEST}`);
    await outcome(b, down());
    expect(b.snapshot()).toMatchObject({ state: 'closed', failures: 1 });
  });

  it('lets exactly one probe through after the cool-down; its success closes the breaker', async () => {
    const b = new CircuitBreaker({ failureThreshold: 1, coolDownMs: 20_000 });
    await outcome(b, down());
    vi.advanceTimersByTime(19_999);
    expect(await outcome(b, ok())).toBe('refused');
    vi.advanceTimersByTime(1);
    expect(b.snapshot().state).toBe('half-open');
    let release!: () => void;
    const probe = outcome(
      b,
      spec(() => new Promise<string>((r) => (release = () => r('probed')))),
    );
    expect(await outcome(b, ok())).toBe('refused');
    release();
    expect(await probe).toBe('probed');
    expect(b.snapshot()).toMatchObject({ state: 'closed', failures: 0 });
    expect(await outcome(b, ok())).toBe('ok');
  });

  it('reopens for another cool-down when the probe fails', async () => {
    const b = new CircuitBreaker({ failureThreshold: 1, coolDownMs: 20_000 });
    await outcome(b, down());
    vi.advanceTimersByTime(20_000);
    expect(await outcome(b, down())).toBe('failed: timeout');
    const now = Date.now();
    expect(b.snapshot()).toMatchObject({ state: 'open', since: now, retryAt: now + 20_000, failures: 2 });
  });

  it('treats a probe answered with a request error as proof the upstream is back', async () => {
    const b = new CircuitBreaker({ failureThreshold: 1, coolDownMs: 1_000 });
    await outcome(b, down());
    vi.advanceTimersByTime(1_000);
    await outcome(b, badRequest());
    expect(b.snapshot().state).toBe('closed');
  });

  it('ignores late outcomes of calls that started before it opened', async () => {
    const b = new CircuitBreaker({ failureThreshold: 1, coolDownMs: 1_000 });
    let release!: () => void;
    const slow = outcome(
      b,
      spec(() => new Promise<string>((r) => (release = () => r('late')))),
    );
    await outcome(b, down());
    release();
    expect(await slow).toBe('late');
    expect(b.snapshot().state).toBe('open');
  });
});
