import { describe, expect, it } from 'vitest';
import { yamlVersionDifference, yamlVersionHint } from '../../src/configs/parse/index.js';

const CONFIG = Buffer.from('port: 9090\ndebug: yes\nmode: 0777\nname: x\nnested:\n  flag: on\n');

describe('values YAML 1.1 and 1.2 read differently', () => {
  it('finds yes, 0777 and on read otherwise by YAML 1.1, and says which setting to try', () => {
    const debug = yamlVersionDifference('a.yaml', CONFIG, { yamlVersion: '1.2' }, 0, '/debug');
    expect(debug).toEqual({ read: 'yes', other: true, otherVersion: '1.1' });
    expect(yamlVersionHint(debug!)).toBe(
      'YAML 1.2 reads this value as "yes", YAML 1.1 as true: if the loader reads YAML 1.1 (PyYAML, as most Python loaders do), set `yaml-version: 1.1`',
    );
    expect(yamlVersionDifference('a.yaml', CONFIG, { yamlVersion: '1.2' }, 0, '/mode')).toEqual({ read: 777, other: 511, otherVersion: '1.1' });
    expect(yamlVersionDifference('a.yaml', CONFIG, { yamlVersion: '1.2' }, 0, '/nested/flag')).toEqual({ read: 'on', other: true, otherVersion: '1.1' });
  });

  it('suggests 1.2 when the gate reads 1.1', () => {
    const debug = yamlVersionDifference('a.yaml', CONFIG, { yamlVersion: '1.1' }, 0, '/debug');
    expect(debug).toEqual({ read: true, other: 'yes', otherVersion: '1.2' });
    expect(yamlVersionHint(debug!)).toContain('set `yaml-version: 1.2`');
  });

  it('says nothing about values both versions read alike, mappings, missing values or JSON', () => {
    expect(yamlVersionDifference('a.yaml', CONFIG, { yamlVersion: '1.2' }, 0, '/port')).toBeUndefined();
    expect(yamlVersionDifference('a.yaml', CONFIG, { yamlVersion: '1.2' }, 0, '/name')).toBeUndefined();
    expect(yamlVersionDifference('a.yaml', CONFIG, { yamlVersion: '1.2' }, 0, '/nested')).toBeUndefined();
    expect(yamlVersionDifference('a.yaml', CONFIG, { yamlVersion: '1.2' }, 0, '/missing')).toBeUndefined();
    expect(yamlVersionDifference('a.json', Buffer.from('{"debug": "yes"}'), { yamlVersion: '1.2' }, 0, '/debug')).toBeUndefined();
  });
});
