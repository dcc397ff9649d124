/**
 * Zod compiles its object parsers with `new Function` when it may; the content security policy
 * forbids that, and even Zod's probe for it makes the browser report a policy violation on every
 * page with a form. Zod reads this global when it loads, so it is set before any form code runs
 * (without bundling Zod into the first download).
 */
const scope = globalThis as { __zod_globalConfig?: Record<string, unknown> };
scope.__zod_globalConfig = { ...scope.__zod_globalConfig, jitless: true };

export {};
