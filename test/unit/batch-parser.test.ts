// git cat-file --batch output, however the pipe cuts it into chunks, is read into the same answers.
import { describe, expect, it } from 'vitest';
import { BatchParser } from '../../src/git/git.js';

const sha = (c: string) => c.repeat(40);

/** The answers as `git cat-file --batch` writes them. */
function output(answers: Array<{ sha: string; type: string; content: Buffer } | { missing: string }>): Buffer {
  return Buffer.concat(answers.map((answer) => ('missing' in answer ? Buffer.from(`${answer.missing} missing\n`) : Buffer.concat([Buffer.from(`${answer.sha} ${answer.type} ${answer.content.length}\n`), answer.content, Buffer.from('\n')]))));
}

function read(chunks: Buffer[]): Array<{ sha: string; type: string; content: string } | undefined> {
  const answers: Array<{ sha: string; type: string; content: string } | undefined> = [];
  const parser = new BatchParser((answer) => answers.push(answer && { sha: answer.sha, type: answer.type, content: answer.content.toString('latin1') }));
  for (const chunk of chunks) parser.push(chunk);
  return answers;
}

describe('reading cat-file --batch output', () => {
  const answers = [
    { sha: sha('a'), type: 'blob', content: Buffer.from('port: 80\nname: "a b"\n') },
    { missing: 'HEAD:nope.yaml' },
    { sha: sha('b'), type: 'blob', content: Buffer.alloc(0) },
    { sha: sha('c'), type: 'commit', content: Buffer.from('tree x\nparent y\n\nmessage') },
    { missing: 'a name with spaces blob 12' },
    { sha: sha('d'), type: 'blob', content: Buffer.from('\n\n\n') },
  ];
  const bytes = output(answers);
  const expected = answers.map((answer) => ('missing' in answer ? undefined : { sha: answer.sha, type: answer.type, content: answer.content.toString('latin1') }));

  it('reads every answer in order, in one chunk', () => {
    expect(read([bytes])).toEqual(expected);
  });

  it('reads the same whatever byte the output is cut at, once or at every byte', () => {
    for (let cut = 0; cut <= bytes.length; cut++) expect(read([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(expected);
    for (let a = 1; a < bytes.length; a += 7) {
      for (let b = a + 1; b < bytes.length; b += 5) expect(read([bytes.subarray(0, a), bytes.subarray(a, b), bytes.subarray(b)])).toEqual(expected);
    }
    expect(read([...bytes].map((byte) => Buffer.from([byte])))).toEqual(expected);
  });

  it('reads a blob larger than a pipe\'s chunk, and the answers after it', () => {
    const large = Buffer.alloc(200_000, 'x');
    const stream = output([{ sha: sha('e'), type: 'blob', content: large }, { sha: sha('f'), type: 'blob', content: Buffer.from('after') }]);
    const chunks: Buffer[] = [];
    for (let at = 0; at < stream.length; at += 65_536) chunks.push(stream.subarray(at, at + 65_536));
    const [first, second] = read(chunks);
    expect(first?.content.length).toBe(200_000);
    expect(first?.content).toBe(large.toString('latin1'));
    expect(second).toEqual({ sha: sha('f'), type: 'blob', content: 'after' });
  });
});
