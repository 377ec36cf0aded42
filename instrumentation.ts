import { appConfig, isNodeServerRuntime } from './lib/config/env';

/** Runs once when the server starts: validate the configuration and say what is wrong, without crashing. */
export async function register(): Promise<void> {
  if (!isNodeServerRuntime()) return;
  const { problems } = appConfig();
  for (const problem of problems) {
    console.warn(JSON.stringify({ level: 'warn', msg: `configuration: ${problem}` }));
  }
}
