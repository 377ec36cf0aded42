// `npm run lab`: the lab's servers only (no console), until Ctrl-C or SIGTERM.
import { runningLab } from './env-file';
import { say } from './log';
import { startLab } from './lab';
import { labPaths } from './paths';

const already = runningLab();
if (already) {
  say(`a lab is already running (pid ${already.LAB_PID}); its settings are in ${labPaths.env}`);
  process.exit(0);
}

try {
  const lab = await startLab();
  say(`settings for tools and tests: ${labPaths.env}; logs: ${labPaths.logs}`);
  say('press Ctrl-C to stop');
  let stopping = false;
  const shutdown = async (why: string) => {
    if (stopping) return;
    stopping = true;
    say(`${why}: stopping the lab`);
    await lab.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal));
  const dead = await lab.supervisor.firstExit();
  if (!stopping) {
    say(`${dead.name} exited unexpectedly (${dead.exit}); see ${dead.logPath}`);
    await lab.stop();
    process.exit(1);
  }
} catch (err) {
  say(`failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
