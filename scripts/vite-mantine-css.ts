import type { Plugin } from 'vite';

/** A Mantine component's class names module; its stylesheet has the same name (Button → styles/Button). */
const CLASS_NAMES = /[\\/]@mantine[\\/]core[\\/]esm[\\/](?:.+[\\/])?(\w+)\.module\.mjs$/;

/**
 * Each Mantine component's stylesheet travels with the component's code, so a page loads the
 * CSS of the components it shows rather than all of Mantine's (300 KB, render-blocking). The
 * sheets are Mantine's layered ones (`@layer mantine`): our own styles win whatever order the
 * chunks' sheets arrive in, and a component's sheet still follows those of the components it
 * is built on, as their code is imported first.
 *
 * Development pre-bundles Mantine, where this does not apply: main.tsx takes every sheet there.
 */
export function mantineCssPerComponent(): Plugin {
  return {
    name: 'liaison-mantine-css-per-component',
    apply: 'build',
    transform(code, id) {
      const name = CLASS_NAMES.exec(id)?.[1];
      return name ? { code: `import '@mantine/core/styles/${name}.layer.css';\n${code}`, map: null } : null;
    },
  };
}
