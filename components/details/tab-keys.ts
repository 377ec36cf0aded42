// Keyboard movement in a tab list (WAI-ARIA tabs pattern: arrows wrap, Home and End jump). Pure.

/** The index of the tab a key moves to from `current` of `count` tabs; undefined when the key does not move. */
export function tabKeyTarget(key: string, current: number, count: number): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
