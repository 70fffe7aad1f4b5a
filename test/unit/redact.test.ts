// The report every output is made from never carries a secret; what holds none is left as it is.
import { describe, expect, it } from 'vitest';
import { redactReport, type Report } from '../../src/verdict/report.js';

describe('redacting secrets from the report', () => {
  const secret = 'ghs_0123456789abcdef';
  const report = {
    verdict: 'error',
    error: { message: `git fetch failed: https://x-access-token:${secret}@github.com/o/r` },
    configs: [
      { path: 'configs/a.yaml', status: 'ok', findings: [] },
      { path: 'configs/b.yaml', status: 'broken', findings: [{ layer: 'loader', message: `loader printed ${secret} and ${secret}` }] },
    ],
    notes: ['nothing secret here'],
  } as unknown as Report;

  it('replaces every occurrence, at any depth, and leaves the report it was given unchanged', () => {
    const before = JSON.stringify(report);
    const redacted = redactReport(report, [secret]);
    expect(JSON.stringify(redacted)).not.toContain(secret);
    expect((redacted as unknown as { error: { message: string } }).error.message).toBe('git fetch failed: https://x-access-token:***@github.com/o/r');
    expect((redacted.configs[1] as unknown as { findings: Array<{ message: string }> }).findings[0]!.message).toBe('loader printed *** and ***');
    expect(JSON.stringify(report)).toBe(before);
  });

  it('keeps what holds no secret as it is, and the whole report when nothing does', () => {
    const redacted = redactReport(report, [secret]);
    expect(redacted.configs[0]).toBe(report.configs[0]);
    expect(redacted.notes).toBe(report.notes);
    expect(redacted.configs).not.toBe(report.configs);
    expect(redactReport(report, ['not-in-it'])).toBe(report);
    // Too short to be a secret: never redacted (it would blank common words).
    expect(redactReport(report, ['git'])).toBe(report);
  });
});
