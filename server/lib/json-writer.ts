import type { z } from 'zod';

/**
 * Answers are checked against their Zod schema and stripped to it before they are sent. Zod does
 * that by building a copy of the answer, which JSON.stringify then walks again: on a page of
 * fifty timeline entries, the two passes cost more than the rest of the request's own work. A
 * writer compiled from the schema does the same in one pass, for the kinds of schema answers are
 * made of. It never decides that a value is wrong: whatever it is not sure of, it hands back
 * (undefined), and the caller asks Zod, which answers or refuses as before.
 */
export type JsonWriter = (value: unknown) => string | undefined;

/** Thrown inside a writer when a value may not match: the whole answer then goes to Zod. Made once: no stack to capture. */
const UNSURE = new Error('the value may not match its schema');

type Write = (value: unknown) => string;

/** The parts of a Zod (v4) schema's definition the writer reads. */
interface Def {
  type: string;
  checks?: { _zod: { def: Check } }[];
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  values?: unknown[];
  entries?: Record<string, unknown>;
  options?: z.ZodType[];
  discriminator?: string;
}

interface Check {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  format?: string;
  value?: number;
  inclusive?: boolean;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const optionalIn = (schema: z.ZodType) => (schema as unknown as { _zod: { optin?: string } })._zod.optin === 'optional';

/** The writer of an answer's schema, or null when the schema has a part the writer does not know. */
export function compileJsonWriter(schema: unknown): JsonWriter | null {
  if (typeof schema !== 'object' || schema === null || !('_zod' in schema)) return null;
  const write = writerOf(schema as z.ZodType);
  if (!write) return null;
  return (value) => {
    try {
      return write(value);
    } catch (err) {
      if (err === UNSURE) return undefined;
      throw err;
    }
  };
}

function unsure(): never {
  throw UNSURE;
}

function writerOf(schema: z.ZodType): Write | null {
  const def = defOf(schema);
  if (def.type === 'string') {
    const limits = lengthLimits(def);
    if (!limits) return null;
    const { min, max } = limits;
    // Zod measures strings in code points: within the limits in UTF-16 units, a string surely is
    // within them in code points unless pairs of surrogates may bring it under the minimum.
    const fits = (v: string) => v.length <= max && v.length >= min && (v.length >= 2 * min || !SURROGATE.test(v));
    return (v) => (typeof v === 'string' && fits(v) ? quoted(v) : unsure());
  }
  if (def.type === 'number') {
    const fits = numberFits(def);
    // A finite number's JSON is its string form.
    return fits && ((v) => (typeof v === 'number' && Number.isFinite(v) && fits(v) ? String(v) : unsure()));
  }
  if (def.type === 'array') return arrayWriter(def);
  if (!noChecks(def)) return null; // refinements and the like: Zod's own
  switch (def.type) {
    case 'boolean':
      return (v) => (v === true ? 'true' : v === false ? 'false' : unsure());
    case 'null':
      return (v) => (v === null ? 'null' : unsure());
    case 'literal':
    case 'enum': {
      const allowed = new Set(def.type === 'literal' ? def.values : Object.values(def.entries ?? {}));
      return (v) => (allowed.has(v) ? (JSON.stringify(v) ?? unsure()) : unsure());
    }
    case 'unknown':
    case 'any':
      return (v) => JSON.stringify(v) ?? unsure();
    case 'nullable': {
      const inner = writerOf(def.innerType!);
      return inner && ((v) => (v === null ? 'null' : inner(v)));
    }
    case 'object':
      return objectWriter(def);
    case 'record':
      return recordWriter(def);
    case 'union':
      return unionWriter(def);
    default:
      return null;
  }
}

/** Characters JSON writes escaped (lone surrogates among them): a string without any is quoted as it is. */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;
const quoted = (v: string) => (ESCAPED.test(v) ? JSON.stringify(v) : `"${v}"`);
const SURROGATE = /[\ud800-\udfff]/;

const noChecks = (def: Def) => !def.checks?.length;

/** The least and greatest length a string's or an array's checks allow; null for any other check. */
function lengthLimits(def: Def): { min: number; max: number } | null {
  let min = 0;
  let max = Infinity;
  for (const { _zod } of def.checks ?? []) {
    const c = _zod.def;
    if (c.check === 'min_length') min = Math.max(min, c.minimum!);
    else if (c.check === 'max_length') max = Math.min(max, c.maximum!);
    else if (c.check === 'length_equals') [min, max] = [Math.max(min, c.length!), Math.min(max, c.length!)];
    else return null;
  }
  return { min, max };
}

/** A test of a number from its checks (whole numbers, bounds); null for any other check. */
function numberFits(def: Def): ((v: number) => boolean) | null {
  const tests: ((v: number) => boolean)[] = [];
  for (const { _zod } of def.checks ?? []) {
    const c = _zod.def;
    if (c.check === 'number_format' && c.format === 'safeint') tests.push(Number.isSafeInteger);
    else if (c.check === 'number_format' && c.format === 'int32') tests.push((v) => (v | 0) === v);
    else if (c.check === 'greater_than') tests.push(c.inclusive ? (v) => v >= c.value! : (v) => v > c.value!);
    else if (c.check === 'less_than') tests.push(c.inclusive ? (v) => v <= c.value! : (v) => v < c.value!);
    else return null;
  }
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0];
  return (v) => tests.every((t) => t(v));
}

function arrayWriter(def: Def): Write | null {
  const limits = lengthLimits(def);
  const element = writerOf(def.element!);
  if (!limits || !element) return null;
  const { min, max } = limits;
  return (v) => {
    if (!Array.isArray(v) || v.length < min || v.length > max) unsure();
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + element(v[i]);
    return out + ']';
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What Zod takes for a record: an object whose constructor, if any, is a class of plain objects. */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (!isObject(v)) return false;
  const ctor: unknown = v.constructor;
  if (typeof ctor !== 'function') return true;
  const proto: unknown = ctor.prototype;
  return isObject(proto) && Object.prototype.hasOwnProperty.call(proto, 'isPrototypeOf');
}

/** Only the shape's keys, in the order Zod's copy would have them; an absent optional key is left out. */
function objectWriter(def: Def): Write | null {
  if (def.catchall) return null; // strict and loose objects: Zod's own
  const fields: { key: string; name: string; optional: boolean; write: Write }[] = [];
  for (const key of Object.keys(def.shape!)) {
    const schema = def.shape![key];
    const optional = optionalIn(schema);
    const inner = defOf(schema).type === 'optional' ? defOf(schema).innerType! : schema;
    if (optional !== (inner !== schema) || (inner !== schema && !noChecks(defOf(schema)))) return null; // defaults and the like
    const write = writerOf(inner);
    if (!write) return null;
    fields.push({ key, name: `${JSON.stringify(key)}:`, optional, write });
  }
  return (v) => {
    if (!isObject(v)) unsure();
    let out = '';
    for (const f of fields) {
      const value = v[f.key];
      if (value === undefined) {
        if (f.optional) continue;
        unsure();
      }
      out += (out ? ',' : '') + f.name + f.write(value);
    }
    return `{${out}}`;
  };
}

/** A record of plain string keys: every own key but `__proto__`, as Zod copies them. */
function recordWriter(def: Def): Write | null {
  const key = defOf(def.keyType!);
  if (key.type !== 'string' || !noChecks(key)) return null;
  const valueType = defOf(def.valueType!).type;
  const write = writerOf(def.valueType!);
  if (!write) return null;
  const skipsUndefined = valueType === 'unknown' || valueType === 'any';
  return (v) => {
    if (!isPlainObject(v)) unsure();
    let out = '';
    for (const k of Object.keys(v)) {
      if (k === '__proto__') continue;
      const value = v[k];
      if (value === undefined && skipsUndefined) continue;
      out += `${out ? ',' : ''}${quoted(k)}:${write(value)}`;
    }
    return `{${out}}`;
  };
}

/** A discriminated union: the option named by the value's discriminator writes it. */
function unionWriter(def: Def): Write | null {
  const discriminator = def.discriminator;
  if (discriminator === undefined) return null;
  const byValue = new Map<unknown, Write>();
  for (const option of def.options!) {
    const tag = defOf(option).shape?.[discriminator];
    const write = writerOf(option);
    if (!tag || defOf(tag).type !== 'literal' || !write) return null;
    for (const value of defOf(tag).values!) byValue.set(value, write);
  }
  return (v) => (isObject(v) && byValue.get(v[discriminator])?.(v)) || unsure();
}
