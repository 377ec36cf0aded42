/**
 * One instance per server process under `key`. Next.js may load a shared module once per route bundle, so state that
 * every route must see (metrics, breakers, the query cache) hangs off globalThis rather than a module variable.
 */
export function processSingleton<T>(key: string, create: () => T): T {
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  const symbol = Symbol.for(`meshscope.${key}`);
  store[symbol] ??= create();
  return store[symbol];
}
