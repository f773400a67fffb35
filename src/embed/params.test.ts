// The embed URL and the origin rule: a message is read only from the parent window at exactly the
// origin the URL named; no (valid) parent means nothing is read.
import { describe, expect, it } from 'vitest';
import { fromParent, isEmbed, originOf, parseEmbedParams } from './params.ts';

describe('embed params', () => {
  it('reads a locked scenario, the controls and the parent origin', () => {
    expect(
      parseEmbedParams(
        '?embed=1&scenario=c2_backlog_block_granularity&controls=min&parent=https://course.example/x/y',
      ),
    ).toEqual({
      scenario: 'c2_backlog_block_granularity',
      chapter: null,
      controls: 'min',
      parent: 'https://course.example',
      problems: [],
    });
    expect(parseEmbedParams('?embed=1&chapter=3')).toMatchObject({
      chapter: 3,
      controls: 'full',
      parent: null,
    });
    expect(isEmbed('?embed=1')).toBe(true);
    expect(isEmbed('?embed=0')).toBe(false);
  });

  it('states each bad part and falls back safely', () => {
    const p = parseEmbedParams('?embed=1&scenario=../x&chapter=0&controls=max&parent=javascript:alert(1)');
    expect(p).toMatchObject({ scenario: null, chapter: null, controls: 'full', parent: null });
    expect(p.problems).toEqual([
      "ERR invalid scenario name '../x'",
      "ERR invalid chapter '0': a chapter number from 1",
      "ERR invalid controls 'max': min or full",
      "ERR invalid parent 'javascript:alert(1)': an http(s) origin such as https://course.example",
    ]);
    for (const bad of ['file:///tmp/a.html', 'data:text/html,x', 'course.example', '*', 'null'])
      expect(originOf(bad)).toBeNull();
    expect(originOf('http://127.0.0.1:4332/e2e/host/course.html')).toBe('http://127.0.0.1:4332');
  });

  it('reads a message only from the parent window at the named origin', () => {
    const parent = {};
    const other = {};
    expect(
      fromParent({ origin: 'https://course.example', source: parent }, 'https://course.example', parent),
    ).toBe(true);
    expect(
      fromParent({ origin: 'https://evil.example', source: parent }, 'https://course.example', parent),
    ).toBe(false);
    expect(
      fromParent({ origin: 'https://course.example', source: other }, 'https://course.example', parent),
    ).toBe(false);
    expect(fromParent({ origin: 'https://course.example', source: parent }, null, parent)).toBe(false);
    expect(fromParent({ origin: 'null', source: parent }, 'null', parent)).toBe(false);
  });
});
