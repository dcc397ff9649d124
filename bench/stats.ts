import type { KyselyPlugin } from 'kysely';

/** The middle of the timings (the upper one of an even count). */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Counts the statements run through a database handle: a per-account query loop would show as thousands. */
export function statementCounter() {
  const counter = { count: 0 };
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      counter.count += 1;
      return args.node;
    },
    transformResult: (args) => Promise.resolve(args.result),
  };
  return { counter, plugin };
}
