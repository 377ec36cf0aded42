import { describe, expect, it } from 'vitest';
import { tabKeyTarget } from './tab-keys';

describe('tabKeyTarget', () => {
  it.each([
    ['ArrowRight', 0, 3, 1],
    ['ArrowRight', 2, 3, 0],
    ['ArrowLeft', 1, 3, 0],
    ['ArrowLeft', 0, 3, 2],
    ['Home', 2, 3, 0],
    ['End', 0, 3, 2],
    ['ArrowDown', 0, 3, undefined],
    ['Enter', 1, 3, undefined],
    ['ArrowRight', 0, 0, undefined],
  ])('%s from %i of %i → %s', (key, current, count, target) => {
    expect(tabKeyTarget(key, current, count)).toBe(target);
  });
});
