import { describe, expect, it } from 'vitest';
import { renderTerminal, stylesFor } from '../../src/cli/terminal.js';
import { Verdict } from '../../src/constants.js';
import { buildReport } from '../../src/verdict/report.js';
import { acknowledge } from '../../src/verdict/acknowledgement.js';
import { DEFAULT_MERGE_SETTINGS } from '../../src/verdict/merge-settings.js';
import { releaseReach } from '../../src/verdict/release-tool.js';

const PLAIN = stylesFor({ isTTY: false }, {});

describe('terminal output of the acknowledgement', () => {
  it('lists near misses of a breaking change with the form that counts', () => {
    const acknowledgement = acknowledge({ title: 'feat!:drop x', labels: ['breaking'], commits: [], ackLabels: ['breaking-change'] });
    const text = renderTerminal(buildReport({ toolVersion: '0', verdict: Verdict.Breaking, ackLabels: ['breaking-change'], acknowledgement, notes: [], durationMs: 1 }), PLAIN);
    expect(text).toContain('Not counted, because …');
    expect(text).toContain('  ~ title "feat!:drop x": no space after `:`; what counts: feat!: drop x');
    expect(text).toContain('  ~ label "breaking": it is not one of the `ack-labels`; what counts: the label breaking-change');
  });

  it('says why an acknowledged break fails under --ack-must-reach-release, and the fix, instead of how to acknowledge', () => {
    const acknowledgement = acknowledge({ title: 'feat!: drop x', labels: [], commits: [{ sha: 'c1', message: 'feat: drop x' }, { sha: 'c2', message: 'docs: y' }], ackLabels: [] });
    const { notes: _notes, ...reach } = releaseReach({
      files: { '.releaserc': '{}' },
      merge: DEFAULT_MERGE_SETTINGS,
      pullRequest: { title: 'feat!: drop x', commits: [] },
      acknowledgement,
    });
    const report = buildReport({
      toolVersion: '0',
      verdict: Verdict.Breaking,
      ackLabels: [],
      acknowledgement,
      releaseReach: { ...reach, required: true },
      notes: [],
      durationMs: 1,
    });
    const text = renderTerminal(report, PLAIN);
    expect(text).toContain('The acknowledgement will not reach the release (no major release):');
    expect(text).toContain('  ! semantic-release (angular preset), squash merge: it ignores the `!` of `feat!: …`');
    expect(text).toContain('    fix: add a `BREAKING CHANGE: <what users must change>` footer to a commit message of the PR');
    expect(text).not.toContain('If the break is intended');
  });
});
