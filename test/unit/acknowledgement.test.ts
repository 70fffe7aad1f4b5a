import { describe, it, expect } from 'vitest';
import {
  acknowledge,
  breakingChange,
  footerNearMiss,
  headerNearMiss,
  isBreakingHeader,
  labelNearMiss,
  parseLabelList,
  suggestedTitle,
} from '../../src/verdict/acknowledgement.js';

describe('isBreakingHeader', () => {
  const cases: Array<[header: string, breaking: boolean, why: string]> = [
    ['feat!: drop the v1 config keys', true, 'plain type with the marker'],
    ['FEAT!: drop x', true, 'upper-case type'],
    ['Feat!: drop x', true, 'mixed-case type'],
    ['feat(api)!: drop x', true, 'scoped'],
    ['refactor(config-loader)!: drop x', true, 'scope with a hyphen'],
    ['fix(api/v2)!: drop x', true, 'scope with a slash'],
    ['chore!: drop Node 18', true, 'any type'],
    ['my-type2!: x', true, 'type with a hyphen and a digit after the first letter'],
    ['feat!:  two spaces', true, 'more than one space before the description'],
    ['  feat!: padded title  ', true, 'surrounding whitespace is trimmed'],
    ['feat: add x', false, 'no marker'],
    ['fix: handle !: in names', false, '!: inside the description'],
    ['feat: x!: y', false, 'marker after the header colon'],
    ['feat !: x', false, 'space before the marker'],
    ['feat(api) !: x', false, 'space between scope and marker'],
    ['feat! : x', false, 'space between marker and colon'],
    ['feat!:x', false, 'no space after the colon (CC 1.0.0 requires it)'],
    ['feat!:', false, 'no description'],
    ['feat!: ', false, 'only a space after the colon'],
    ['Revert "feat!: x"', false, 'a revert of a breaking commit'],
    ['wip!', false, 'no colon'],
    ['!: x', false, 'no type'],
    ['2feat!: x', false, 'type starting with a digit'],
    ['-feat!: x', false, 'type starting with a hyphen'],
    ['feat()!: x', false, 'empty scope'],
    ['feat( )!: x', false, 'blank scope'],
    ['feat(a(b))!: x', false, 'nested parentheses'],
    ['fixup! feat!: x', false, 'a git fixup subject'],
    ['[WIP] feat!: x', false, 'prefix before the type'],
    ['feat!!: x', false, 'doubled marker'],
    ['BREAKING CHANGE: x', false, 'a footer token is not a header'],
    ['feat!\t: x', false, 'tab before the colon'],
    ['', false, 'empty'],
  ];

  it.each(cases)('%j → %s (%s)', (header, breaking) => {
    expect(isBreakingHeader(header)).toBe(breaking);
  });
});

describe('breakingChange', () => {
  const cases: Array<[message: string, expected: string | undefined, why: string]> = [
    ['feat!: drop x', 'feat!: drop x', 'breaking subject'],
    ['feat(api)!: drop x\n\nlong body', 'feat(api)!: drop x', 'breaking scoped subject with a body'],
    ['feat: drop x\n\nBREAKING CHANGE: x is gone', 'BREAKING CHANGE: x is gone', 'footer after a blank line'],
    ['feat: drop x\n\nBREAKING-CHANGE: x is gone', 'BREAKING-CHANGE: x is gone', 'hyphen form of the footer'],
    ['feat: drop x\r\n\r\nBREAKING CHANGE: x is gone\r\n', 'BREAKING CHANGE: x is gone', 'CRLF line ends'],
    ['feat: x\n\nbody\n\nReviewed-by: A\nBREAKING CHANGE: gone  ', 'BREAKING CHANGE: gone', 'among other footers, trailing space dropped'],
    ['feat: x\nBREAKING CHANGE: gone', 'BREAKING CHANGE: gone', 'directly under the subject'],
    ['feat: x\n\nthis is not a BREAKING CHANGE: really', undefined, 'token mid-sentence'],
    ['feat: x\n\n  BREAKING CHANGE: indented', undefined, 'token does not start the line'],
    ['feat: x\n\nbreaking change: x', undefined, 'lower-case token'],
    ['feat: x\n\nBreaking Change: x', undefined, 'title-case token'],
    ['feat: x\n\nBREAKING CHANGE:x', undefined, 'no space after the colon'],
    ['feat: x\n\nBREAKING CHANGE:', undefined, 'no description'],
    ['feat: x\n\nBREAKING CHANGE #12', undefined, 'the `#` separator is not accepted'],
    ['feat: x\n\nBREAKING CHANGES: x', undefined, 'plural token'],
    ['BREAKING CHANGE: x', undefined, 'token as the subject'],
    ['Revert "feat!: x"\n\nThis reverts commit abc.', undefined, 'revert of a breaking commit'],
    ['fix: y\n\n* feat!: squashed breaking subject', undefined, 'a breaking header quoted in the body'],
    ['', undefined, 'empty message'],
  ];

  it.each(cases)('%j → %j (%s)', (message, expected) => {
    expect(breakingChange(message)).toBe(expected);
  });

  it('prefers the breaking subject when the commit also has a footer', () => {
    expect(breakingChange('feat!: x\n\nBREAKING CHANGE: y')).toBe('feat!: x');
  });
});

describe('headerNearMiss', () => {
  const cases: Array<[header: string, expected: { because: string; fix: string } | undefined]> = [
    ['feat !: drop x', { because: 'a space before `!`', fix: 'feat!: drop x' }],
    ['feat(api) !: drop x', { because: 'a space before `!`', fix: 'feat(api)!: drop x' }],
    ['feat (api)!: drop x', { because: 'a space before `!`', fix: 'feat(api)!: drop x' }],
    ['feat! : drop x', { because: 'a space between `!` and `:`', fix: 'feat!: drop x' }],
    ['feat!\t: drop x', { because: 'a space between `!` and `:`', fix: 'feat!: drop x' }],
    ['feat!:x', { because: 'no space after `:`', fix: 'feat!: x' }],
    ['feat!:\tx', { because: 'no space after `:`', fix: 'feat!: x' }],
    ['feat!:', { because: 'no description after `!:`', fix: 'feat!: <description>' }],
    ['feat!: ', { because: 'no description after `!:`', fix: 'feat!: <description>' }],
    ['feat!!: drop x', { because: 'more than one `!`', fix: 'feat!: drop x' }],
    ['feat()!: drop x', { because: 'an empty scope `()`', fix: 'feat!: drop x' }],
    ['feat( )!: drop x', { because: 'an empty scope `()`', fix: 'feat!: drop x' }],
    ['[WIP] feat!: drop x', { because: 'text before the type ([WIP])', fix: 'feat!: drop x' }],
    ['BREAKING CHANGE: drop x', { because: 'a `BREAKING…:` prefix is not a Conventional Commits header', fix: 'feat!: drop x' }],
    ['Breaking: drop x', { because: 'a `BREAKING…:` prefix is not a Conventional Commits header', fix: 'feat!: drop x' }],
    ['feat!: drop x', undefined],
    ['feat: drop x', undefined],
    ['fix: handle !: in names', undefined],
    ['feat: x!: y', undefined],
    ['Revert "feat!: x"', undefined],
    ['fixup! feat!: x', undefined],
    ['wip!', undefined],
    ['!: x', undefined],
    ['Breaking news in the docs', undefined],
    ['', undefined],
  ];

  it.each(cases)('%j → %j', (header, expected) => {
    expect(headerNearMiss(header)).toEqual(expected);
  });
});

describe('suggestedTitle', () => {
  // One suggestion for the summary's "how to acknowledge" and the release-tool fixes alike.
  const cases: Array<[title: string | undefined, expected: string]> = [
    // The summary's cases: the marker added to the PR's own header, a plain title behind `feat!: `.
    ['feat(api): drop x', 'feat(api)!: drop x'],
    ['Drop the telemetry API', 'feat!: Drop the telemetry API'],
    ['fix:tighten the port', 'fix!: tighten the port'],
    // A near miss is mended, as its annotation says.
    ['feat !: drop x', 'feat!: drop x'],
    ['[WIP] feat!: drop x', 'feat!: drop x'],
    ['Breaking: drop x', 'feat!: drop x'],
    ['feat!:', 'feat!: <description>'],
    // The release tools' cases: surrounding space trimmed, a breaking header kept, nothing given.
    ['  feat: require conversations_store  ', 'feat!: require conversations_store'],
    ['feat(api)!: require conversations_store', 'feat(api)!: require conversations_store'],
    ['feat(api) : require x', 'feat(api)!: require x'],
    ['', 'feat!: <description>'],
    [undefined, 'feat!: <description>'],
  ];

  it.each(cases)('%j → %j', (title, expected) => {
    expect(suggestedTitle(title)).toBe(expected);
    // What it suggests is a header that acknowledges, or one that only lacks a description.
    expect(isBreakingHeader(expected) || expected.endsWith('<description>')).toBe(true);
  });
});

describe('footerNearMiss', () => {
  const cases: Array<[line: string, expected: { because: string; fix: string } | undefined]> = [
    ['breaking change: x is gone', { because: 'the token is upper case', fix: 'BREAKING CHANGE: x is gone' }],
    ['Breaking Change: x is gone', { because: 'the token is upper case', fix: 'BREAKING CHANGE: x is gone' }],
    ['Breaking-Change: x is gone', { because: 'the token is upper case', fix: 'BREAKING CHANGE: x is gone' }],
    ['BREAKING CHANGES: x is gone', { because: '`BREAKING CHANGES` (plural) is not the token', fix: 'BREAKING CHANGE: x is gone' }],
    ['BREAKING_CHANGE: x is gone', { because: 'the words are joined by a space or a hyphen', fix: 'BREAKING CHANGE: x is gone' }],
    ['BREAKINGCHANGE: x is gone', { because: 'the words are joined by a space or a hyphen', fix: 'BREAKING CHANGE: x is gone' }],
    ['  BREAKING CHANGE: x is gone', { because: 'the token must start the line', fix: 'BREAKING CHANGE: x is gone' }],
    ['BREAKING CHANGE:x is gone', { because: 'no space after `:`', fix: 'BREAKING CHANGE: x is gone' }],
    ['BREAKING CHANGE : x is gone', { because: 'a space before `:`', fix: 'BREAKING CHANGE: x is gone' }],
    ['BREAKING CHANGE #12', { because: 'the `#` separator is not accepted', fix: 'BREAKING CHANGE: 12' }],
    ['BREAKING CHANGE:', { because: 'no description after the colon', fix: 'BREAKING CHANGE: <what users must change>' }],
    ['BREAKING CHANGE: x is gone', undefined],
    ['BREAKING-CHANGE: x is gone', undefined],
    ['this is not a BREAKING CHANGE: really', undefined],
    ['Breaking changes are listed in the docs', undefined],
    ['Reviewed-by: A', undefined],
  ];

  it.each(cases)('%j → %j', (line, expected) => {
    expect(footerNearMiss(line)).toEqual(expected);
  });
});

describe('labelNearMiss', () => {
  const ackLabels = ['breaking-change'];
  const cases: Array<[label: string, expected: string | undefined]> = [
    ['breaking', 'breaking-change'],
    ['Breaking Change', 'breaking-change'],
    ['breaking_change', 'breaking-change'],
    ['breakingchange', 'breaking-change'],
    ['breaking-changes', 'breaking-change'],
    ['braeking-change', 'breaking-change'],
    ['BREAKING-CHANGE', undefined],
    ['breaking-change', undefined],
    ['bug', undefined],
    ['enhancement', undefined],
    ['change', undefined],
  ];

  it.each(cases)('%j → %j', (label, fix) => {
    expect(labelNearMiss(label, ackLabels)?.fix).toBe(fix);
  });

  it('says when only case or separators differ', () => {
    expect(labelNearMiss('Breaking Change', ackLabels)?.because).toBe('it differs from an `ack-labels` label in case or separators');
  });

  it('finds nothing when no ack-labels are configured', () => {
    expect(labelNearMiss('breaking', [])).toBeUndefined();
  });
});

describe('parseLabelList', () => {
  it('splits on lines and commas, trims, and drops empties and repeats', () => {
    expect(parseLabelList(' breaking-change ,\n\nsemver: major\r\n, ,Breaking-Change\n')).toEqual([
      'breaking-change',
      'semver: major',
    ]);
  });

  it('reads an empty input as no labels', () => {
    expect(parseLabelList('  \n ')).toEqual([]);
  });
});

describe('acknowledge', () => {
  const ackLabels = ['breaking-change'];

  it('acknowledges a scoped breaking title (feat(api)!: …)', () => {
    expect(acknowledge({ title: ' feat(api)!: drop v1 ', labels: [], commits: [], ackLabels })).toEqual({
      acknowledged: true,
      reasons: [{ kind: 'title', title: 'feat(api)!: drop v1' }],
    });
  });

  it('does not acknowledge a plain PR', () => {
    const result = acknowledge({
      title: 'feat: add x',
      labels: ['enhancement'],
      commits: [{ sha: 'a1', message: 'feat: add x\n\nmentions a BREAKING CHANGE: in passing' }],
      ackLabels,
    });
    expect(result).toEqual({ acknowledged: false, reasons: [] });
  });

  it('acknowledges through a commit footer in the body', () => {
    const result = acknowledge({
      title: 'Update loader',
      labels: [],
      commits: [
        { sha: 'a1', message: 'chore: tidy' },
        { sha: 'b2', message: 'refactor: rename key\n\nBREAKING-CHANGE: `port` is now `listen_port`' },
      ],
      ackLabels,
    });
    expect(result.reasons).toEqual([{ kind: 'commit', sha: 'b2', text: 'BREAKING-CHANGE: `port` is now `listen_port`' }]);
  });

  it('compares labels case-insensitively and reports the label as the PR spells it', () => {
    const result = acknowledge({ labels: ['Breaking-Change'], commits: [], ackLabels: [' BREAKING-change '] });
    expect(result).toEqual({ acknowledged: true, reasons: [{ kind: 'label', label: 'Breaking-Change' }] });
  });

  it('ignores labels when no ack-labels are configured', () => {
    expect(acknowledge({ labels: ['breaking-change'], commits: [], ackLabels: [] }).acknowledged).toBe(false);
  });

  it('lists every reason: the title, then each commit in order, then each label', () => {
    const result = acknowledge({
      title: 'feat!: new config format',
      labels: ['docs', 'semver-major', 'breaking-change'],
      commits: [
        { sha: 'c1', message: 'feat(config)!: rename keys' },
        { sha: 'c2', message: 'fix: typo' },
        { sha: 'c3', message: 'feat: y\n\nBREAKING CHANGE: y replaces z' },
      ],
      ackLabels: ['breaking-change', 'semver-major'],
    });
    expect(result).toEqual({
      acknowledged: true,
      reasons: [
        { kind: 'title', title: 'feat!: new config format' },
        { kind: 'commit', sha: 'c1', text: 'feat(config)!: rename keys' },
        { kind: 'commit', sha: 'c3', text: 'BREAKING CHANGE: y replaces z' },
        { kind: 'label', label: 'semver-major' },
        { kind: 'label', label: 'breaking-change' },
      ],
    });
  });

  it('lists near misses of the title, each commit and each label, with the form that counts', () => {
    const result = acknowledge({
      title: 'feat !: drop v1',
      labels: ['breaking', 'docs'],
      commits: [
        { sha: 'e5', message: 'refactor: rename\n\nbreaking change: `port` is now `listen_port`' },
        { sha: 'f6', message: 'feat!:x' },
      ],
      ackLabels,
    });
    expect(result).toEqual({
      acknowledged: false,
      reasons: [],
      nearMisses: [
        { kind: 'title', text: 'feat !: drop v1', because: 'a space before `!`', fix: 'feat!: drop v1' },
        { kind: 'commit', sha: 'e5', text: 'breaking change: `port` is now `listen_port`', because: 'the token is upper case', fix: 'BREAKING CHANGE: `port` is now `listen_port`' },
        { kind: 'commit', sha: 'f6', text: 'feat!:x', because: 'no space after `:`', fix: 'feat!: x' },
        { kind: 'label', text: 'breaking', because: 'it is not one of the `ack-labels`', fix: 'breaking-change' },
      ],
    });
  });

  it('says a footer token used as a commit subject must follow the subject', () => {
    const result = acknowledge({ labels: [], commits: [{ sha: 'a7', message: 'BREAKING CHANGE: drop x' }], ackLabels });
    expect(result.nearMisses).toEqual([
      { kind: 'commit', sha: 'a7', text: 'BREAKING CHANGE: drop x', because: 'a `BREAKING CHANGE:` footer must follow the subject, after a blank line', fix: 'feat!: drop x' },
    ]);
  });

  it('keeps the near misses of other parts when something acknowledges, and none of a commit that counts', () => {
    const result = acknowledge({
      title: 'feat!:x',
      labels: ['breaking-change'],
      commits: [{ sha: 'b8', message: 'feat!: x\n\nbreaking change: lower' }],
      ackLabels,
    });
    expect(result.acknowledged).toBe(true);
    expect(result.nearMisses).toEqual([{ kind: 'title', text: 'feat!:x', because: 'no space after `:`', fix: 'feat!: x' }]);
  });

  it('judges a PR without a title by its commits and labels only', () => {
    const result = acknowledge({ labels: [], commits: [{ sha: 'd4', message: 'feat!: x' }], ackLabels });
    expect(result.reasons).toEqual([{ kind: 'commit', sha: 'd4', text: 'feat!: x' }]);
  });
});
