/** How many threads a batch uses by default. */
import { defaultWorkers } from '../../src/cli/pool';

describe('defaultWorkers: two threads for every three cores, at least one', () => {
  it.each([
    [1, 1],
    [2, 1],
    [3, 2],
    [4, 2],
    [6, 4],
    [8, 5],
    [16, 10],
  ])('%i cores → %i threads', (cores, threads) => {
    expect(defaultWorkers(cores)).toBe(threads);
  });

  it('uses this machine’s core count when none is given', () => {
    expect(defaultWorkers()).toBeGreaterThanOrEqual(1);
  });
});

