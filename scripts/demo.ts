// `npm run demo`: the lab and the console, ready to browse at http://127.0.0.1:3000.
import { runningLab } from '../lab/env-file';
import { startLab, type Lab } from '../lab/lab';
import { say } from '../lab/log';
import { PORTS } from '../lab/paths';
import { portFree } from '../lab/probes';
import { buildConsole, buildIsStale, consoleEnv, startConsole, stopConsole } from './console';

let lab: Lab | undefined;
try {
  const existing = runningLab();
  if (existing) say(`using the lab that is already running (pid ${existing.LAB_PID})`);
  else lab = await startLab();
  const env = existing ?? lab!.env;

  if (!(await portFree(PORTS.console, '127.0.0.1'))) {
    throw new Error(`port ${PORTS.console} is in use: is a console already running? Stop it and run again.`);
  }
  if (buildIsStale()) {
    say('building the console (next build)...');
    if (!buildConsole()) throw new Error('next build failed (see above)');
  }
  const console_ = await startConsole(consoleEnv(env), PORTS.console);
  say(`Meshscope is ready: ${env.CONSOLE_URL}  (Ctrl-C stops the console and the lab)`);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    say('stopping');
    await stopConsole(console_);
    await lab?.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown());
  console_.on('exit', (code) => {
    if (stopping) return;
    say(`the console exited (${code}); stopping the lab`);
    void lab?.stop().then(() => process.exit(1));
  });
} catch (err) {
  say(`demo failed: ${err instanceof Error ? err.message : String(err)}`);
  await lab?.stop();
  process.exit(1);
}
