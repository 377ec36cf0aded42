// Long enough for a UUID or a W3C trace id with a suffix, short and plain enough to be safe in a log line and header.
const WELL_FORMED = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's request id when it is well-formed, else a fresh random one. */
export function requestIdFor(incoming: string | null | undefined, random: () => string = () => crypto.randomUUID()): string {
  return incoming && WELL_FORMED.test(incoming) ? incoming : random();
}
