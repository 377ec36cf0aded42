/** closed: calls pass; open: calls fail fast until the cool-down ends; half-open: one probe call decides. */
export type BreakerState = 'closed' | 'open' | 'half-open';

/** What a breaker looks like right now; times are epoch milliseconds. */
export interface BreakerSnapshot {
  state: BreakerState;
  /** When it entered this state. */
  since: number;
  /** While open: when it lets a probe through. */
  retryAt?: number;
  /** Consecutive failures counted so far (or that opened it). */
  failures: number;
  /** The last failure's description, kept for the message of fast failures. */
  lastFailure?: string;
}

export interface BreakerOptions {
  failureThreshold: number;
  coolDownMs: number;
  now?: () => number;
  /** Runs on every change of state, e.g. to update a gauge. */
  onChange?: (snapshot: BreakerSnapshot) => void;
}

/** How a breaker judges and describes a failed call, and what it throws instead of calling. */
export interface BreakerCall<T> {
  call: () => Promise<T>;
  /** Whether the error says the upstream is failing (a timeout, a refused connection, a 5xx) rather than the request. */
  isFailure: (err: unknown) => boolean;
  describe: (err: unknown) => string;
  rejected: (snapshot: BreakerSnapshot) => Error;
}

/**
 * A circuit breaker for one upstream. After `failureThreshold` consecutive failures it opens and fails calls fast
 * for `coolDownMs`; then one probe goes through and its outcome closes or reopens it.
 */
export class CircuitBreaker {
  private current: BreakerSnapshot;
  private probing = false;

  constructor(private readonly options: BreakerOptions) {
    if (options.failureThreshold < 1) throw new RangeError('failureThreshold must be at least 1');
    this.current = { state: 'closed', since: this.now(), failures: 0 };
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private move(next: BreakerSnapshot): void {
    const changed = next.state !== this.current.state;
    this.current = next;
    if (changed) this.options.onChange?.(this.snapshot());
  }

  /** The state now; an open breaker whose cool-down has ended reads as half-open. */
  snapshot(): BreakerSnapshot {
    const c = this.current;
    if (c.state === 'open' && c.retryAt !== undefined && this.now() >= c.retryAt) {
      this.move({ state: 'half-open', since: c.retryAt, failures: c.failures, ...(c.lastFailure ? { lastFailure: c.lastFailure } : {}) });
    }
    return { ...this.current };
  }

  /** Runs the call unless the breaker refuses it, and counts its outcome. */
  async run<T>(spec: BreakerCall<T>): Promise<T> {
    const state = this.snapshot();
    if (state.state === 'open' || (state.state === 'half-open' && this.probing)) throw spec.rejected(state);
    const probe = state.state === 'half-open';
    if (probe) this.probing = true;
    try {
      const value = await spec.call();
      this.succeeded(probe);
      return value;
    } catch (err) {
      if (spec.isFailure(err)) this.failed(probe, spec.describe(err));
      else this.succeeded(probe);
      throw err;
    } finally {
      if (probe) this.probing = false;
    }
  }

  private succeeded(probe: boolean): void {
    // A call that started before the breaker opened proves little; only the probe may close an open breaker.
    if (probe || this.current.state === 'closed') {
      if (this.current.state !== 'closed' || this.current.failures > 0) this.move({ state: 'closed', since: this.now(), failures: 0 });
    }
  }

  private failed(probe: boolean, description: string): void {
    const now = this.now();
    if (probe) {
      this.move({ state: 'open', since: now, retryAt: now + this.options.coolDownMs, failures: this.current.failures + 1, lastFailure: description });
      return;
    }
    if (this.current.state !== 'closed') return;
    const failures = this.current.failures + 1;
    if (failures >= this.options.failureThreshold) {
      this.move({ state: 'open', since: now, retryAt: now + this.options.coolDownMs, failures, lastFailure: description });
    } else {
      this.current = { ...this.current, failures, lastFailure: description };
    }
  }
}
