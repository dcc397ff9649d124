import { describe, expect, it } from 'vitest';
import { batchById } from './batch-by-id';

type Item = { id: string; name: string };

/** A stand-in for the API: answers the ids it knows and records each call. */
function fakeServer(known: string[]) {
  const calls: string[][] = [];
  const fetchMany = async (ids: string[]): Promise<Item[]> => {
    calls.push(ids);
    return ids.filter((id) => known.includes(id)).map((id) => ({ id, name: `Name of ${id}` }));
  };
  return { calls, fetchMany };
}

describe('fetching records by id in batches', () => {
  it('asks once for every id requested in the same tick, each id once', async () => {
    const server = fakeServer(['a', 'b', 'c']);
    const load = batchById(server.fetchMany, 100);
    const answers = await Promise.all([load('a'), load('b'), load('a'), load('c')]);
    expect(answers.map((a) => a?.name)).toEqual(['Name of a', 'Name of b', 'Name of a', 'Name of c']);
    expect(server.calls).toEqual([['a', 'b', 'c']]);
  });

  it('splits a long list into chunks the API accepts', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `u${i}`);
    const server = fakeServer(ids);
    const load = batchById(server.fetchMany, 100);
    const answers = await Promise.all(ids.map(load));
    expect(answers.every((a, i) => a?.id === ids[i])).toBe(true);
    expect(server.calls.map((c) => c.length)).toEqual([100, 100, 50]);
  });

  it('answers null for an id the server does not return, and starts a new batch after the first', async () => {
    const server = fakeServer(['a']);
    const load = batchById(server.fetchMany, 100);
    expect(await load('gone')).toBeNull();
    expect(await load('a')).toMatchObject({ id: 'a' });
    expect(server.calls).toEqual([['gone'], ['a']]);
  });

  it('passes a failure on to every id of the failed request', async () => {
    const load = batchById<Item>(async () => {
      throw new Error('offline');
    }, 100);
    const results = await Promise.allSettled([load('a'), load('b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
