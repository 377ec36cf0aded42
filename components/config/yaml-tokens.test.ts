import { describe, expect, it } from 'vitest';
import { yamlTokens } from './yaml-tokens';

const shape = (line: string) => yamlTokens(line).map((t) => `${t.kind}:${t.text}`);

describe('yamlTokens', () => {
  it.each([
    ['apiVersion: networking.istio.io/v1', ['key:apiVersion', 'punct::', 'plain: ', 'string:networking.istio.io/v1']],
    ['    weight: 50', ['plain:    ', 'key:weight', 'punct::', 'plain: ', 'number:50']],
    ['  - name: v1', ['plain:  ', 'punct:- ', 'key:name', 'punct::', 'plain: ', 'string:v1']],
    ['  http:', ['plain:  ', 'key:http', 'punct::']],
    ['    - reviews', ['plain:    ', 'punct:- ', 'string:reviews']],
    ['  resourceVersion: "952"', ['plain:  ', 'key:resourceVersion', 'punct::', 'plain: ', 'string:"952"']],
    ['  enabled: true # on', ['plain:  ', 'key:enabled', 'punct::', 'plain: ', 'literal:true ', 'comment:# on']],
    ['# a comment', ['comment:# a comment']],
    ['  url: http://x#frag', ['plain:  ', 'key:url', 'punct::', 'plain: ', 'string:http://x#frag']],
    ['  fixedDelay: 7s', ['plain:  ', 'key:fixedDelay', 'punct::', 'plain: ', 'string:7s']],
    ['', []],
  ])('%j', (line, expected) => {
    expect(shape(line)).toEqual(expected);
  });

  it('gives every line back unchanged when its parts are joined', () => {
    for (const line of ['a: b', '  - {x: 1}', "  'k': 'v # not a comment'", 'text: |', '    free text: here', ':', '-', '  key:value']) {
      expect(yamlTokens(line).map((t) => t.text).join('')).toBe(line);
    }
  });
});
