import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Supervisor, type Managed } from './supervisor';

// Real processes (`sleep`), with logs and pid files under .lab beside a running lab's; the names are the test's own.
const sleeper = (sup: Supervisor, name: string, restartAfterMs?: number) =>
  sup.start(`supervisor-test-${name}`, 'sleep', ['30'], restartAfterMs === undefined ? {} : { restartAfterMs });

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await pause(10);
  }
}

let sup: Supervisor | undefined;
afterEach(async () => {
  await sup?.stopAll(1_000);
});

describe('Supervisor', () => {
  it('starts a part with a restart policy again after it dies, appending to its log', async () => {
    sup = new Supervisor();
    const part = sleeper(sup, 'restarts', 50);
    const firstPid = part.child.pid;
    part.child.kill('SIGKILL');
    await waitFor(() => part.restarts === 1 && part.exit === undefined);
    expect(part.child.pid).not.toBe(firstPid);
    expect(readFileSync(part.logPath, 'utf8')).toContain('supervisor-test-restarts exited (SIGKILL); starting it again in 50 ms');
  });

  it('does not count a restartable part as the lab ending, but does count one without a policy', async () => {
    sup = new Supervisor();
    const restartable = sleeper(sup, 'restartable', 50);
    const fatal = sleeper(sup, 'fatal');
    let ended: Managed | undefined;
    void sup.firstExit().then((p) => (ended = p));
    restartable.child.kill('SIGKILL');
    await waitFor(() => restartable.restarts === 1);
    expect(ended).toBeUndefined();
    fatal.child.kill('SIGKILL');
    await waitFor(() => ended !== undefined);
    expect(ended?.name).toBe('supervisor-test-fatal');
  });

  it('starts nothing again once it is stopping, even a part waiting for its restart', async () => {
    sup = new Supervisor();
    const part = sleeper(sup, 'stopped', 100);
    part.child.kill('SIGKILL');
    await waitFor(() => part.exit !== undefined);
    await sup.stopAll(1_000);
    await pause(200);
    expect(part.restarts).toBe(0);
    expect(part.exit).toBe('SIGKILL');
  });
});
