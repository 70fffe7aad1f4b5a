import { describe, expect, it } from 'vitest';
import { decideVerdict } from '../../src/verdict/verdict.js';

describe('the verdict rule', () => {
  it.each([
    [{ broken: 0, newDrift: 0, failOnDrift: false, acknowledged: false }, 'pass'],
    [{ broken: 2, newDrift: 0, failOnDrift: false, acknowledged: false }, 'breaking'],
    [{ broken: 2, newDrift: 0, failOnDrift: false, acknowledged: true }, 'acknowledged'],
    [{ broken: 0, newDrift: 3, failOnDrift: false, acknowledged: false }, 'pass'],
    [{ broken: 0, newDrift: 3, failOnDrift: true, acknowledged: false }, 'breaking'],
    [{ broken: 0, newDrift: 3, failOnDrift: true, acknowledged: true }, 'acknowledged'],
    [{ broken: 0, newDrift: 0, failOnDrift: true, acknowledged: true }, 'pass'],
  ])('%o is %s', (facts, verdict) => {
    expect(decideVerdict(facts)).toBe(verdict);
  });
});
