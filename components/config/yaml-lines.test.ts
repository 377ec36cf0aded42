import { describe, expect, it } from 'vitest';
import { BROKEN_VS_YAML } from './test-config';
import { findingMarks, pathLines, pathSegments } from './yaml-lines';

describe('pathSegments', () => {
  it.each([
    ['spec', ['spec']],
    ['spec.http[0].route[1].destination.subset', ['spec', 'http', 0, 'route', 1, 'destination', 'subset']],
    ["metadata.labels['app.kubernetes.io/name']", ['metadata', 'labels', 'app.kubernetes.io/name']],
    ['spec.portLevelMtls["9080"].mode', ['spec', 'portLevelMtls', '9080', 'mode']],
    ['spec.selector.matchLabels.app', ['spec', 'selector', 'matchLabels', 'app']],
  ])('%s', (path, segments) => {
    expect(pathSegments(path)).toEqual(segments);
  });

  it.each(['.spec', 'spec..http', 'spec[x]', 'spec[0'])('rejects %s', (path) => {
    expect(pathSegments(path)).toBeUndefined();
  });
});

describe('pathLines', () => {
  // Lines of BROKEN_VS_YAML: 6 spec, 9 http, 10 "- route", 11 first "- destination", 15 second "- destination", 17 subset v9.
  it('finds the line of each path, or of the deepest part of it that exists', () => {
    const lines = pathLines(BROKEN_VS_YAML, [
      'spec',
      'spec.http[0]',
      'spec.http[0].route[1]',
      'spec.http[0].route[1].destination.subset',
      'spec.http[0].route[1].weight',
      'spec.http[0].timeout',
      'spec.http[3].route',
      'metadata.name',
    ]);
    expect(Object.fromEntries(lines)).toEqual({
      spec: 6,
      'spec.http[0]': 10,
      'spec.http[0].route[1]': 15,
      'spec.http[0].route[1].destination.subset': 17,
      'spec.http[0].route[1].weight': 18,
      'spec.http[0].timeout': 10,
      'spec.http[3].route': 9,
      'metadata.name': 4,
    });
  });

  it('leaves out empty, unreadable and unknown top-level paths, and everything of YAML that does not parse', () => {
    expect(pathLines(BROKEN_VS_YAML, ['', 'spec[', 'status.conditions'])).toEqual(new Map());
    expect(pathLines('a: [1, 2\nb: {', ['a'])).toEqual(new Map());
  });
});

describe('findingMarks', () => {
  it('marks each line with the worst severity pointing at it and skips paths without a line', () => {
    const lines = new Map([
      ['spec.http[0]', 10],
      ['spec.http[0].route', 10],
      ['spec.hosts', 7],
    ]);
    const marks = findingMarks(
      [
        { path: 'spec.http[0]', severity: 'warning' },
        { path: 'spec.http[0].route', severity: 'error' },
        { path: 'spec.http[0]', severity: 'info' },
        { path: 'spec.hosts', severity: 'info' },
        { path: 'spec.gateways', severity: 'error' },
      ],
      lines,
    );
    expect(Object.fromEntries(marks)).toEqual({ 10: 'error', 7: 'info' });
  });
});
