import { Schema, type DocumentOptions, type ScalarTag, type Tags } from 'yaml';

/** YAML dialect: 1.2 (the spec) or 1.1 (what PyYAML reads: yes/on are booleans, …). */
export type YamlVersion = '1.1' | '1.2';

/** The `yaml` parse options of a dialect, shared by reading and locating. */
export function yamlOptions(version: YamlVersion): DocumentOptions & { schema: Schema } {
  return version === '1.1' ? YAML_1_1 : YAML_1_2;
}

const COMMON_YAML_OPTIONS = {
  // PyYAML keeps the last of duplicate keys; yaml would report an error.
  uniqueKeys: false,
  // yaml otherwise prints some warnings with process.emitWarning.
  logLevel: 'silent',
} as const;

const YAML_1_2 = {
  ...COMMON_YAML_OPTIONS,
  version: '1.2',
  schema: new Schema({ schema: 'core', merge: true, resolveKnownTags: true }),
} as const;

const YAML_1_1 = {
  ...COMMON_YAML_OPTIONS,
  version: '1.1',
  schema: new Schema({ schema: 'yaml-1.1', customTags: pyyamlScalars, resolveKnownTags: false }),
} as const;

/**
 * Adjusts yaml's YAML 1.1 schema to PyYAML's implicit resolvers (yaml/resolver.py), which
 * are narrower than the 1.1 spec: `y`/`n` stay strings, a float needs a dot (`1e3` is a
 * string), decimal ints have no leading zero. Timestamps are left as their text: a schema
 * can only say `string` (`format: date`) about them.
 */
function pyyamlScalars(tags: Tags): Tags {
  const adjusted: Tags = [];
  for (const tag of tags) {
    if (typeof tag === 'string' || !isImplicitScalarTag(tag)) {
      adjusted.push(tag);
      continue;
    }
    const probe = (value: string) => tag.test.test(value);
    switch (tag.tag) {
      case 'tag:yaml.org,2002:bool':
        adjusted.push({ ...tag, test: probe('true') ? /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/ : /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/ });
        break;
      case 'tag:yaml.org,2002:int':
        if (tag.format === undefined) adjusted.push({ ...tag, test: /^[-+]?(?:0|[1-9][0-9_]*)$/ });
        else if (tag.format === 'TIME') adjusted.push({ ...tag, test: /^[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+$/ });
        else adjusted.push(tag);
        break;
      case 'tag:yaml.org,2002:float':
        if (tag.format === 'EXP') break;
        if (tag.format === undefined && !probe('.inf')) {
          adjusted.push({
            ...tag,
            test: /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?)$/,
            resolve: (source: string) => parseFloat(source.replace(/_/g, '')),
          });
        } else adjusted.push(tag);
        break;
      case 'tag:yaml.org,2002:timestamp':
        break;
      default:
        adjusted.push(tag);
    }
  }
  return adjusted;
}

function isImplicitScalarTag(tag: Tags[number]): tag is ScalarTag & { test: RegExp } {
  return typeof tag === 'object' && tag.default === true && 'test' in tag && tag.test instanceof RegExp;
}
