import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { labPaths } from './paths';

/** One server process the lab started, with its log file. */
export interface Managed {
  name: string;
  /** The process of the current run (a restarted part gets a new one). */
  child: ChildProcess;
  logPath: string;
  /** Exit code (or signal name) of the current run once it has exited. */
  exit?: string;
  /** Settles when the current run exits. */
  exited: Promise<void>;
  /** How many times the lab has started it again after it died. */
  restarts: number;
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  /**
   * Start it again this long after it exits on its own, as a kubelet restarts a crashed container; without it, the
   * part's exit ends the lab (see firstExit).
   */
  restartAfterMs?: number;
}

/** Names the part that failed and where its log is, with the log's last lines. */
export class LabPartError extends Error {
  constructor(part: Managed | string, problem: string) {
    const name = typeof part === 'string' ? part : part.name;
    const logHint = typeof part === 'string' ? '' : `\n  log: ${part.logPath}\n${lastLines(part.logPath, 15)}`;
    super(`${name} ${problem}${logHint}`);
    this.name = 'LabPartError';
  }
}

function lastLines(path: string, n: number): string {
  if (!existsSync(path)) return '';
  return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-n).map((l) => `  | ${l}`).join('\n');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Kills processes a previous lab left behind (its supervisor died without cleaning up). */
export function killStrays(): string[] {
  if (!existsSync(labPaths.pids)) return [];
  const killed: string[] = [];
  for (const file of readdirSync(labPaths.pids)) {
    const pid = Number(readFileSync(join(labPaths.pids, file), 'utf8'));
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
      process.kill(pid, 'SIGKILL');
      killed.push(`${file.replace(/\.pid$/, '')} (pid ${pid})`);
    }
    rmSync(join(labPaths.pids, file), { force: true });
  }
  return killed;
}

/** Starts the lab's servers and stops them all, in reverse order, on request or when this process exits. */
export class Supervisor {
  private readonly procs: { part: Managed; restartAfterMs?: number }[] = [];
  private readonly pendingRestarts = new Set<NodeJS.Timeout>();
  private stopping = false;

  constructor() {
    mkdirSync(labPaths.logs, { recursive: true });
    mkdirSync(labPaths.pids, { recursive: true });
    // Last resort when the process ends without stopAll(): no server outlives the lab.
    process.on('exit', () => this.killAllNow());
  }

  /** Starts a server with stdout and stderr in `.lab/logs/<name>.log`. */
  start(name: string, command: string, args: string[], options: StartOptions = {}): Managed {
    const logPath = join(labPaths.logs, `${name}.log`);
    const part = { name, logPath, restarts: 0 } as Managed;
    const run = (logFlags: 'w' | 'a') => {
      const fd = openSync(logPath, logFlags);
      const child = spawn(command, args, { stdio: ['ignore', fd, fd], env: options.env ?? process.env });
      closeSync(fd);
      part.child = child;
      part.exit = undefined;
      part.exited = new Promise((resolve) => {
        const exited = (how: string) => {
          if (part.child !== child || part.exit !== undefined) return;
          part.exit = how;
          rmSync(join(labPaths.pids, `${name}.pid`), { force: true });
          resolve();
          if (options.restartAfterMs !== undefined && !this.stopping) this.restartLater(part, options.restartAfterMs, () => run('a'));
        };
        child.on('exit', (code, signal) => exited(signal ?? String(code)));
        child.on('error', (err) => exited(err.message));
      });
      if (child.pid) writeFileSync(join(labPaths.pids, `${name}.pid`), String(child.pid));
    };
    run('w');
    this.procs.push({ part, ...(options.restartAfterMs !== undefined ? { restartAfterMs: options.restartAfterMs } : {}) });
    return part;
  }

  private restartLater(part: Managed, afterMs: number, run: () => void): void {
    appendFileSync(part.logPath, `\n[lab] ${part.name} exited (${part.exit}); starting it again in ${afterMs} ms\n`);
    const timer = setTimeout(() => {
      this.pendingRestarts.delete(timer);
      if (this.stopping) return;
      part.restarts += 1;
      run();
    }, afterMs);
    this.pendingRestarts.add(timer);
  }

  /** Polls `check` until it passes; fails naming the part if it exits or the time runs out. */
  async waitReady(part: Managed, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (part.exit !== undefined) throw new LabPartError(part, `exited (${part.exit}) before it was ready`);
      if (await check().catch(() => false)) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new LabPartError(part, `was not ready within ${Math.round(timeoutMs / 1000)}s`);
  }

  /** Resolves with the first part without a restart policy that exits on its own. */
  firstExit(): Promise<Managed> {
    const fatal = this.procs.filter((p) => p.restartAfterMs === undefined).map((p) => p.part);
    return Promise.race(fatal.map((p) => p.exited.then(() => p)));
  }

  /** Stops every server, newest first: SIGTERM, then SIGKILL after a grace period. */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    for (const timer of this.pendingRestarts) clearTimeout(timer);
    this.pendingRestarts.clear();
    for (const { part: p } of [...this.procs].reverse()) {
      if (p.exit !== undefined) continue;
      p.child.kill('SIGTERM');
      const timer = setTimeout(() => p.child.kill('SIGKILL'), graceMs);
      await p.exited;
      clearTimeout(timer);
    }
  }

  private killAllNow(): void {
    this.stopping = true;
    for (const { part: p } of this.procs) {
      if (p.exit === undefined) p.child.kill('SIGKILL');
      rmSync(join(labPaths.pids, `${p.name}.pid`), { force: true });
    }
  }
}
