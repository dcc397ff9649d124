import { describe, expect, it } from 'vitest';
import { chunkCycle } from './vite-chunk-cycles.js';

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('chunkCycle', () => {
  it('finds chunks that import each other, directly or through others', () => {
    expect(chunkCycle(graph({ 'common.js': ['index.js', 'forms.js'], 'forms.js': ['common.js', 'index.js'], 'index.js': [] }))).toEqual([
      'common.js',
      'forms.js',
      'common.js',
    ]);
    expect(chunkCycle(graph({ 'a.js': ['b.js'], 'b.js': ['c.js'], 'c.js': ['a.js'] }))).toEqual(['a.js', 'b.js', 'c.js', 'a.js']);
  });

  it('accepts shared dependencies that are not a cycle', () => {
    expect(
      chunkCycle(
        graph({
          'Page.js': ['common.js', 'forms.js', 'index.js'],
          'common.js': ['constants.js', 'index.js'],
          'forms.js': ['constants.js', 'index.js'],
          'constants.js': [],
          'index.js': [],
        }),
      ),
    ).toBeNull();
  });
});
