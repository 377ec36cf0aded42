// `npm run dev`: the Next dev server, pointed at the running lab when there is one (start it with `npm run lab`).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { runningLab } from '../lab/env-file';
import { say } from '../lab/log';
import { ROOT } from '../lab/paths';
import { consoleEnv } from './console';

const lab = runningLab();
if (!lab) say('no lab is running: upstreams come from your environment (`npm run lab` starts the lab)');
const env = lab ? consoleEnv(lab) : process.env;
const child = spawn(process.execPath, [join(ROOT, 'node_modules/next/dist/bin/next'), 'dev', '--hostname', '127.0.0.1', ...process.argv.slice(2)], {
  cwd: ROOT,
  env,
  stdio: 'inherit',
});
child.on('exit', (code) => process.exit(code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
