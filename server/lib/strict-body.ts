import { z } from 'zod';
import { util, type $ZodType } from 'zod/v4/core';

/** Wrappers whose one inner schema is in `innerType`. */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional']);

/**
 * The same schema with every object in it refusing unknown keys. Request bodies are made
 * strict with it, so a field an endpoint does not take is an error naming the field, not
 * silently dropped (a client sending `status` to an endpoint that ignores it learns so).
 * Refinements, transforms and defaults are kept: each node is cloned with its own checks.
 */
export function strictDeep<T extends $ZodType>(schema: T): T {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const clone = (changes: Record<string, unknown>) =>
    (schema as unknown as z.ZodType).clone(util.mergeDefs(def, changes) as never) as unknown as T;
  switch (def.type) {
    case 'object': {
      const shape = Object.fromEntries(Object.entries(def.shape as Record<string, $ZodType>).map(([k, v]) => [k, strictDeep(v)]));
      // An explicit catchall (passthrough, a record of extras) is a deliberate choice; keep it.
      return clone({ shape, catchall: def.catchall ?? z.never() });
    }
    case 'array':
      return clone({ element: strictDeep(def.element as $ZodType) });
    case 'pipe':
      return clone({ in: strictDeep(def.in as $ZodType), out: def.out });
    case 'union':
      return clone({ options: (def.options as $ZodType[]).map(strictDeep) });
    case 'intersection':
      return clone({ left: strictDeep(def.left as $ZodType), right: strictDeep(def.right as $ZodType) });
    case 'record':
      return clone({ valueType: strictDeep(def.valueType as $ZodType) });
    default:
      return WRAPPERS.has(def.type) ? clone({ innerType: strictDeep(def.innerType as $ZodType) }) : schema;
  }
}
