import { lazy, type ComponentType } from 'react';

/**
 * A component exported by name from a module that loads on its first render (render it inside
 * Suspense), with `preload` to start fetching it earlier, on a sign of intent such as a hover.
 * The component keeps its own props type (M[K]); `any` only lets every component through.
 */
export function lazyNamed<M extends Record<K, ComponentType<any>>, K extends keyof M>(load: () => Promise<M>, name: K) {
  const Component = lazy(async () => ({ default: (await load())[name] }));
  return Object.assign(Component, { preload: () => void load() });
}
