/** Runs once when the server starts: validate the configuration and say what is wrong, without crashing. */
export async function register(): Promise<void> {
  // Next's documented switch between its runtimes; the config module needs Node's fs, so it loads only there.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { appConfig } = await import('./lib/config/env');
  for (const problem of appConfig().problems) {
    console.warn(JSON.stringify({ level: 'warn', msg: `configuration: ${problem}` }));
  }
}
