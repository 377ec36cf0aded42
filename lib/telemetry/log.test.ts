import { afterEach, describe, expect, it, vi } from 'vitest';
import { log, setLogSink, type LogLevel } from './log';

afterEach(() => {
  vi.useRealTimers();
});

describe('log', () => {
  it('writes one JSON line with time, level and msg first, which fields cannot overwrite', () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const lines: [LogLevel, string][] = [];
    const restore = setLogSink((level, line) => lines.push([level, line]));
    try {
      log('error', 'request', { requestId: 'r1', level: 'debug', status: 502 });
    } finally {
      restore();
    }
    expect(lines).toEqual([['error', '{"time":"2026-01-01T00:00:00.000Z","level":"error","msg":"request","requestId":"r1","status":502}']]);
  });
});
