import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AccountSchema } from '../../common/schemas/account.js';
import { pageOf } from '../../common/schemas/common.js';
import { TimelineEntrySchema } from '../../common/schemas/timeline.js';
import { compileJsonWriter } from './json-writer.js';

/** A schema of the kinds answers are made of, described so that both it and its valid values can be generated. */
type Spec =
  | { kind: 'string'; min?: number; max?: number }
  | { kind: 'number'; int: boolean; min?: number; max?: number }
  | { kind: 'boolean' | 'null' | 'unknown' }
  | { kind: 'literal'; value: string | number | boolean }
  | { kind: 'enum'; values: [string, ...string[]] }
  | { kind: 'nullable'; of: Spec }
  | { kind: 'array'; of: Spec; max?: number }
  | { kind: 'object'; fields: Field[] }
  | { kind: 'record'; of: Spec }
  | { kind: 'union'; options: { tag: string; fields: Field[] }[] };
type Field = { name: string; spec: Spec; optional: boolean };

// Names an object inherits (constructor, toString) are left out: Zod reads them too, and refuses them as absent fields.
const NAMES = ['id', 'name', 'kind', 'value', '2', '10', 'a b', 'ключ', 'emoji😀'];

const fieldsOf = (spec: fc.Arbitrary<Spec>) =>
  fc.uniqueArray(fc.record({ name: fc.constantFrom(...NAMES.filter((n) => n !== 'kind')), spec, optional: fc.boolean() }), {
    selector: (f) => f.name,
    maxLength: 4,
  });

const specs = fc.letrec<{ spec: Spec }>((tie) => ({
  spec: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({
      kind: fc.constant('string' as const),
      min: fc.option(fc.nat(3), { nil: undefined }),
      max: fc.option(fc.integer({ min: 3, max: 20 }), { nil: undefined }),
    }),
    fc.record({
      kind: fc.constant('number' as const),
      int: fc.boolean(),
      min: fc.option(fc.integer({ min: -5, max: 0 }), { nil: undefined }),
      max: fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: undefined }),
    }),
    fc.record({ kind: fc.constantFrom('boolean' as const, 'null' as const, 'unknown' as const) }),
    fc.record({ kind: fc.constant('literal' as const), value: fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean()) }),
    fc.record({
      kind: fc.constant('enum' as const),
      values: fc.uniqueArray(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 4 }) as fc.Arbitrary<[string, ...string[]]>,
    }),
    fc.record({ kind: fc.constant('nullable' as const), of: tie('spec') }),
    fc.record({ kind: fc.constant('array' as const), of: tie('spec'), max: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }) }),
    fc.record({ kind: fc.constant('object' as const), fields: fieldsOf(tie('spec')) }),
    fc.record({ kind: fc.constant('record' as const), of: tie('spec') }),
    fc.record({
      kind: fc.constant('union' as const),
      options: fc.uniqueArray(fc.record({ tag: fc.string({ maxLength: 6 }), fields: fieldsOf(tie('spec')) }), {
        selector: (o) => o.tag,
        minLength: 1,
        maxLength: 3,
      }),
    }),
  ),
})).spec;

function zodOf(spec: Spec): z.ZodType {
  switch (spec.kind) {
    case 'string': {
      let s = z.string();
      if (spec.min !== undefined) s = s.min(spec.min);
      if (spec.max !== undefined) s = s.max(spec.max);
      return s;
    }
    case 'number': {
      let n = spec.int ? z.number().int() : z.number();
      if (spec.min !== undefined) n = n.min(spec.min);
      if (spec.max !== undefined) n = n.max(spec.max);
      return n;
    }
    case 'boolean':
      return z.boolean();
    case 'null':
      return z.null();
    case 'unknown':
      return z.unknown();
    case 'literal':
      return z.literal(spec.value);
    case 'enum':
      return z.enum(spec.values);
    case 'nullable':
      return zodOf(spec.of).nullable();
    case 'array':
      return spec.max === undefined ? z.array(zodOf(spec.of)) : z.array(zodOf(spec.of)).max(spec.max);
    case 'object':
      return z.object(shapeOf(spec.fields));
    case 'record':
      return z.record(z.string(), zodOf(spec.of));
    case 'union': {
      const [first, ...more] = spec.options.map((o) => z.object({ kind: z.literal(o.tag), ...shapeOf(o.fields) }));
      return z.discriminatedUnion('kind', [first, ...more]);
    }
  }
}

const shapeOf = (fields: Field[]) => Object.fromEntries(fields.map((f) => [f.name, f.optional ? zodOf(f.spec).optional() : zodOf(f.spec)]));

/** Values the schema accepts, with fields in any order and keys it does not know (which answers leave out). */
function validOf(spec: Spec): fc.Arbitrary<unknown> {
  switch (spec.kind) {
    case 'string':
      return fc.string({ unit: 'binary', minLength: spec.min ?? 0, maxLength: spec.max ?? 12 });
    case 'number':
      return spec.int
        ? fc.integer({ min: spec.min ?? Number.MIN_SAFE_INTEGER, max: spec.max ?? Number.MAX_SAFE_INTEGER })
        : fc.double({ min: spec.min ?? -1e300, max: spec.max ?? 1e300, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'unknown':
      return fc.jsonValue();
    case 'literal':
      return fc.constant(spec.value);
    case 'enum':
      return fc.constantFrom(...spec.values);
    case 'nullable':
      return fc.option(validOf(spec.of), { nil: null });
    case 'array':
      return fc.array(validOf(spec.of), { maxLength: spec.max ?? 4 });
    case 'object':
      return objectOf(spec.fields, {});
    case 'record':
      return fc.dictionary(fc.string({ unit: 'binary', maxLength: 6 }), validOf(spec.of), { maxKeys: 4 });
    case 'union':
      return fc.oneof(...spec.options.map((o) => objectOf(o.fields, { kind: o.tag })));
  }
}

function objectOf(fields: Field[], fixed: Record<string, unknown>): fc.Arbitrary<unknown> {
  const values = fields.map((f) => (f.optional ? fc.option(validOf(f.spec), { nil: undefined }) : validOf(f.spec)));
  return fc
    .tuple(fc.tuple(...values), fc.dictionary(fc.constantFrom('extra', 'secret', '3'), fc.jsonValue(), { maxKeys: 2 }), fc.boolean())
    .map(([vals, extra, reversed]) => {
      const entries: [string, unknown][] = [...Object.entries(fixed), ...fields.map((f, i): [string, unknown] => [f.name, vals[i]])];
      // An absent optional field is sometimes left out, sometimes present as undefined.
      const kept = entries.filter(([name, v], i) => v !== undefined || i % 2 === 0 || name === 'kind');
      return Object.fromEntries([...(reversed ? kept.reverse() : kept), ...Object.entries(extra).filter(([k]) => !(k in fixed))]);
    });
}

/** A surrogate, as it is or as JSON escapes a lone one. */
const SURROGATES = /[\ud800-\udfff]|\\ud[89a-f]/i;

/** What Zod's serializer answers: its copy of the value as JSON, or 'refused'. */
function byZod(schema: z.ZodType, value: unknown): string {
  const result = z.safeEncode(schema, value);
  return result.success ? JSON.stringify(result.data) : 'refused';
}

describe('answers written straight from their schema', () => {
  it('are the JSON of what Zod keeps of any value the schema accepts', () => {
    fc.assert(
      fc.property(
        specs.chain((spec) => fc.tuple(fc.constant(spec), validOf(spec))),
        ([spec, value]) => {
          const schema = zodOf(spec);
          const write = compileJsonWriter(schema);
          expect(write).not.toBeNull();
          const written = write!(value);
          // Zod measures strings in code points: near a minimum, surrogates are left to it.
          if (written === undefined && SURROGATES.test(JSON.stringify(value) ?? '')) return;
          expect(written).toBe(byZod(schema, value));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never write a value Zod would refuse or write otherwise: they leave it to Zod', () => {
    fc.assert(
      fc.property(specs, fc.anything({ withNullPrototype: true, withBigInt: false }), (spec, value) => {
        const schema = zodOf(spec);
        const written = compileJsonWriter(schema)!(value);
        if (written !== undefined) expect(written).toBe(byZod(schema, value));
      }),
      { numRuns: 3000 },
    );
    // A few a schema does not accept, by hand.
    const schema = z.object({ id: z.string().min(1).max(3), n: z.number().int(), tags: z.array(z.enum(['a', 'b'])) });
    const write = compileJsonWriter(schema)!;
    for (const bad of [
      null,
      [],
      { id: '', n: 1, tags: [] },
      { id: 'abcd', n: 1, tags: [] },
      { id: 'a', n: 1.5, tags: [] },
      { id: 'a', n: NaN, tags: [] },
      { id: 'a', n: 1, tags: ['c'] },
      { id: 'a', tags: [] },
    ]) {
      expect(write(bad)).toBeUndefined();
      expect(byZod(schema, bad)).toBe('refused');
    }
  });

  it('leave out the own __proto__ key of a record, as Zod does', () => {
    const schema = z.object({ data: z.record(z.string(), z.unknown()) });
    const value = JSON.parse('{"data":{"__proto__":{"admin":true},"a":1,"b":[2]}}') as unknown;
    expect(compileJsonWriter(schema)!(value)).toBe('{"data":{"a":1,"b":[2]}}');
    expect(byZod(schema, value)).toBe('{"data":{"a":1,"b":[2]}}');
  });

  it('leave to Zod a record that is not a plain object', () => {
    const schema = z.record(z.string(), z.unknown());
    class Bag {
      a = 1;
    }
    const odd = { a: 1, constructor: function Odd() {} };
    for (const value of [new Bag(), new Date(0), odd]) {
      expect(compileJsonWriter(schema)!(value)).toBeUndefined();
      expect(byZod(schema, value)).toBe('refused');
    }
    expect(compileJsonWriter(schema)!(Object.assign(Object.create(null) as object, { a: 1 }))).toBe('{"a":1}');
  });

  it('leave to Zod the schemas with parts they do not know', () => {
    for (const schema of [
      z.string().email(),
      z.string().trim(),
      z.strictObject({ a: z.string() }),
      z.looseObject({ a: z.string() }),
      z.object({ a: z.string().default('x') }),
      z.union([z.string(), z.number()]),
      z.string().transform((s) => s.length),
      z.object({ a: z.string() }).refine(() => true),
      z.date(),
      z.record(z.enum(['a']), z.string()),
    ]) {
      expect(compileJsonWriter(schema)).toBeNull();
    }
  });

  it('serve the account list and the timeline, the busiest pages', () => {
    expect(compileJsonWriter(pageOf(TimelineEntrySchema))).not.toBeNull();
    expect(compileJsonWriter(pageOf(AccountSchema))).not.toBeNull();
  });
});
