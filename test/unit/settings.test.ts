import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLI_NAMING, flagInputs, parseCommandLine } from '../../src/cli/args.js';
import { ACTION_NAMING, GateError, describeError } from '../../src/errors.js';
import { INPUT_DEFAULTS, actionSettings, runnerSettings } from '../../src/settings.js';

const actionYml = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
};

/** An input reader over the given values, '' for any other input (as core.getInput). */
function reader(values: Record<string, string>) {
  return (name: string) => values[name] ?? '';
}

const RUNNER = { workspace: '/work/repo' };
const ENV = { PATH: '/usr/bin', GITHUB_TOKEN: 'ghs_secret', HOME: '/home/runner' };

describe('settings', () => {
  it('holds the defaults action.yml declares, one for one', () => {
    const declared = Object.fromEntries(
      Object.entries(actionYml.inputs)
        .filter(([name, input]) => input.default !== undefined && name !== 'github-token')
        .map(([name, input]) => [name, String(input.default)]),
    );
    expect(INPUT_DEFAULTS).toEqual(declared);
    expect(actionYml.inputs['github-token']!.default).toBe('${{ github.token }}');
  });

  it("applies action.yml's defaults to every input left empty", () => {
    const settings = actionSettings(reader({ configs: 'a/*.yaml', schema: 's.json', 'github-token': 'ghs_secret' }), RUNNER, ENV);
    expect(settings).toEqual({
      patterns: { include: ['a/*.yaml'], exclude: [] },
      schema: 's.json',
      refMap: [],
      checkFormats: true,
      releaseSelection: 'latest',
      ackLabels: ['breaking-change'],
      acknowledgeWith: 'pr',
      acknowledgements: '.github/compat-gate-acknowledged.yaml',
      failOnDrift: false,
      ackMustReachRelease: false,
      comment: 'auto',
      yamlVersion: '1.2',
      loaderTimeoutSeconds: 120,
      allowPullRequestTarget: false,
      workingDirectory: '/work/repo',
      token: 'ghs_secret',
      loaderEnv: { PATH: '/usr/bin', HOME: '/home/runner' },
    });
  });

  it('refuses an `acknowledge-with` other than pr, file or either, naming the input', () => {
    expect(() => actionSettings(reader({ configs: 'a/*.yaml', schema: 's.json', 'acknowledge-with': 'files' }), RUNNER, ENV)).toThrow(/`acknowledge-with` input is `files`/);
  });

  it('reads the inputs given, typed', () => {
    const settings = actionSettings(
      reader({
        configs: 'a/*.yaml\n!a/x.yaml',
        loader: 'python3 load.py',
        'check-formats': 'FALSE',
        release: 'none',
        'ack-labels': 'major, breaking',
        'fail-on-drift': 'yes',
        comment: 'never',
        'yaml-version': '1.1',
        'loader-timeout': '7.5',
        'working-directory': 'sub/dir',
        shard: '2/3',
        base: 'release-1',
        'acknowledge-with': 'either',
        acknowledgements: 'acks.yml',
      }),
      RUNNER,
      ENV,
    );
    expect(settings).toMatchObject({
      patterns: { include: ['a/*.yaml'], exclude: ['a/x.yaml'] },
      loader: 'python3 load.py',
      checkFormats: false,
      releaseSelection: 'none',
      ackLabels: ['major', 'breaking'],
      failOnDrift: true,
      comment: 'never',
      yamlVersion: '1.1',
      loaderTimeoutSeconds: 7.5,
      workingDirectory: '/work/repo/sub/dir',
      shard: { index: 2, total: 3 },
      base: 'release-1',
      acknowledgeWith: 'either',
      acknowledgements: 'acks.yml',
      token: '',
    });
  });

  it('words its errors for each edge: inputs for the action, flags for the CLI', () => {
    const failure = (values: Record<string, string>): GateError => {
      try {
        actionSettings(reader(values), RUNNER, ENV);
      } catch (error) {
        expect(error).toBeInstanceOf(GateError);
        return error as GateError;
      }
      throw new Error('no error');
    };
    const timeout = failure({ configs: 'a/*.yaml', schema: 's.json', 'loader-timeout': '-1' });
    expect(timeout.worded(ACTION_NAMING).message).toBe('The `loader-timeout` input is `-1`, not a positive number of seconds.');
    expect(timeout.worded(CLI_NAMING).message).toBe('The `--loader-timeout` flag is `-1`, not a positive number of seconds.');
    const neither = failure({ configs: 'a/*.yaml' });
    expect(describeError(neither, CLI_NAMING)).toBe(
      'None of the `--schema` flag, the `--loader` flag and the `--suite` flag is set: there is nothing to load the configs with. Set the `--schema` flag (a JSON Schema file), the `--loader` flag (a command), the `--suite` flag (a test command), or several.',
    );
    expect(describeError(neither, CLI_NAMING)).not.toMatch(/\binput\b/);
    expect(failure({ schema: 's.json', 'check-formats': 'maybe', configs: 'a' }).worded(CLI_NAMING).message).toBe('The `--no-check-formats` flag is `maybe`, which is not a boolean.');
  });

  it('names the input and what it accepts when one is wrong', () => {
    const base = { configs: 'a/*.yaml', schema: 's.json' };
    const failure = (values: Record<string, string>) => {
      try {
        actionSettings(reader({ ...base, ...values }), RUNNER, ENV);
      } catch (error) {
        expect(error).toBeInstanceOf(GateError);
        return `${(error as GateError).message} ${(error as GateError).hint}`;
      }
      throw new Error('no error');
    };
    expect(failure({ 'fail-on-drift': 'maybe' })).toBe('The `fail-on-drift` input is `maybe`, which is not a boolean. Use `true` or `false`.');
    expect(failure({ 'yaml-version': '1.3' })).toBe('The `yaml-version` input is `1.3`. Use one of `1.2`, `1.1`.');
    expect(failure({ 'loader-timeout': '-1' })).toBe('The `loader-timeout` input is `-1`, not a positive number of seconds. Use a number such as `120`.');
    expect(failure({ comment: 'always' })).toBe('The `comment` input is `always`. Use one of `auto`, `never`.');
  });

  it('needs only the merge inputs in the job that merges reports', () => {
    const settings = actionSettings(reader({ 'merge-reports': 'reports/*.json', 'yaml-version': 'ignored', 'loader-timeout': 'x' }), RUNNER, ENV);
    expect(settings).toMatchObject({ mergeReports: 'reports/*.json', releaseSelection: 'none', yamlVersion: '1.2', loaderTimeoutSeconds: 120, workingDirectory: '/work/repo' });
  });

  it("reads the runner's environment once, into one object", () => {
    expect(
      runnerSettings(
        {
          GITHUB_WORKSPACE: '/w',
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: '/e.json',
          GITHUB_REPOSITORY: 'acme/stack',
          GITHUB_SERVER_URL: 'https://ghe.example',
          GITHUB_RUN_ID: '77',
          GITHUB_RUN_ATTEMPT: '2',
          RUNNER_TEMP: '/t',
          GITHUB_ACTION: 'gate',
          GITHUB_STEP_SUMMARY: '/s.md',
        },
        '/cwd',
      ),
    ).toEqual({
      workspace: '/w',
      eventName: 'pull_request',
      eventPath: '/e.json',
      repository: { name: 'acme/stack', owner: 'acme', repo: 'stack', serverUrl: 'https://ghe.example' },
      runUrl: 'https://ghe.example/acme/stack/actions/runs/77/attempts/2',
      tempDir: '/t',
      stepId: 'gate',
      hasStepSummary: true,
    });
    expect(runnerSettings({}, '/cwd')).toEqual({ workspace: '/cwd', eventName: '', tempDir: tmpdir(), hasStepSummary: false });
  });
});

describe('the CLI\'s flags are the action\'s inputs', () => {
  const ENV_NO_TOKEN = { PATH: '/usr/bin', HOME: '/home/runner' };

  it('reads flags into the very settings the same inputs give, defaults included', () => {
    const argv = [
      'check',
      '--configs', 'distributions/*/run.yaml', '--configs', '!distributions/experimental/**',
      '--schema', 'schema.json', '--schema-ref-map', 'https://example.com/=schemas/',
      '--no-check-formats', '--loader', 'python -m load', '--loader-jobs', '1',
      '--suite', 'pytest --stack-config={config}', '--suite-configs', 'distributions/ci/*', '--suite-timeout', '600',
      '--migrate', 'python -m migrate', '--base', 'main', '--release', 'v1', '--release', 'v0.2',
      '--fail-on-drift', '--acknowledge-with', 'either', '--yaml-version', '1.1', '-C', 'sub',
    ];
    const fromFlags = actionSettings(flagInputs(parseCommandLine(argv).values), RUNNER, ENV_NO_TOKEN);
    const fromInputs = actionSettings(
      reader({
        configs: 'distributions/*/run.yaml\n!distributions/experimental/**',
        schema: 'schema.json',
        'schema-ref-map': 'https://example.com/=schemas/',
        'check-formats': 'false',
        loader: 'python -m load',
        'loader-jobs': '1',
        suite: 'pytest --stack-config={config}',
        'suite-configs': 'distributions/ci/*',
        'suite-timeout': '600',
        migrate: 'python -m migrate',
        base: 'main',
        release: 'v1\nv0.2',
        'fail-on-drift': 'true',
        'acknowledge-with': 'either',
        'yaml-version': '1.1',
        'working-directory': 'sub',
        comment: 'never',
      }),
      RUNNER,
      ENV_NO_TOKEN,
    );
    expect(fromFlags).toEqual(fromInputs);
    expect(fromFlags).toMatchObject({ loaderJobs: 1, suite: { timeoutSeconds: 600 }, workingDirectory: '/work/repo/sub', comment: 'never', allowPullRequestTarget: false, token: '' });
  });

  it('words a bad flag as a flag, through the same checks', () => {
    const failure = (argv: string[]) => {
      try {
        actionSettings(flagInputs(parseCommandLine(['check', ...argv]).values), RUNNER, ENV_NO_TOKEN);
      } catch (error) {
        return (error as GateError).worded(CLI_NAMING);
      }
      throw new Error('accepted');
    };
    expect(failure(['--configs', 'a/*', '--schema', 's.json', '--yaml-version', '1.3']).message).toBe('The `--yaml-version` flag is `1.3`.');
    expect(failure(['--configs', 'a/*', '--loader', 'x', '--loader-jobs', 'two']).message).toBe('The `--loader-jobs` flag is `two`.');
    expect(failure(['--configs', 'a/*', '--suite', 'x', '--suite-timeout', '0']).message).toBe('The `--suite-timeout` flag is `0`, not a positive number of seconds.');
  });
});
