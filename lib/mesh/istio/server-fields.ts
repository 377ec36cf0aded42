// The metadata the API server keeps for its own bookkeeping, and an object without it. Pure.

/** Server-kept metadata: shown in a diff it hides the user's change; sent in a create it is refused. */
export const SERVER_FIELDS = ['managedFields', 'resourceVersion', 'generation', 'creationTimestamp', 'uid'] as const;

/** The object with these metadata fields left out (a shallow copy; the object itself is not changed). */
export function withoutMetadata(raw: Record<string, unknown>, fields: readonly string[] = SERVER_FIELDS): Record<string, unknown> {
  const metadata = (raw.metadata as Record<string, unknown> | undefined) ?? {};
  return { ...raw, metadata: Object.fromEntries(Object.entries(metadata).filter(([k]) => !fields.includes(k))) };
}
