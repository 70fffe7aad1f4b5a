import { describe, expect, it } from 'vitest';
import { breakingLayers, layerStatus } from '../../src/checks/judge.js';

describe('each layer judged on its own', () => {
  it('breaks a config whose loader regresses though its schema already failed on the base', () => {
    const layers = { schema: { base: 'rejects', pr: 'rejects' }, loader: { base: 'accepts', pr: 'rejects' } } as const;
    expect(layerStatus(layers)).toBe('broken');
    expect(breakingLayers(layers)).toEqual(['loader']);
  });

  it('keeps a config failing on base only when every layer that rejects it on the PR rejected it on the base', () => {
    expect(layerStatus({ schema: { base: 'rejects', pr: 'rejects' }, loader: { base: 'not-run', pr: 'accepts' } })).toBe('failing-on-base');
    expect(layerStatus({ schema: { base: 'rejects', pr: 'rejects' }, loader: { base: 'rejects', pr: 'rejects' } })).toBe('failing-on-base');
  });

  it('blames the PR for what a schema new in the PR rejects (absent on the base)', () => {
    expect(layerStatus({ schema: { base: 'absent', pr: 'rejects' } })).toBe('broken');
  });

  it('never blames the PR for a layer the base did not run', () => {
    expect(layerStatus({ loader: { base: 'not-run', pr: 'rejects' } })).toBe('failing-on-base');
  });

  it('calls a config that no layer of the PR rejects ok, whatever the base said', () => {
    expect(layerStatus({ schema: { base: 'rejects', pr: 'accepts' }, loader: { base: 'not-run', pr: 'accepts' } })).toBe('ok');
    expect(layerStatus({})).toBe('ok');
  });
});
