/** Glue between @mantine/form, the shared Zod schemas and the API's field errors. */
import type { FormErrors } from '@mantine/form';
import type { z } from 'zod';
import type { FieldError } from '../api/errors';
import { translateIssue } from '../i18n';
import { fieldErrorText } from './problems';

/** Sets each field's first message, under the form's name for it. */
function firstPerField(entries: [string, () => string][], rename: Record<string, string>): FormErrors {
  const errors: FormErrors = {};
  for (const [path, message] of entries) {
    const field = rename[path] ?? path;
    if (!(field in errors)) errors[field] = message();
  }
  return errors;
}

/** Zod issues as form errors, one message per field, in the user's language (by their catalogue codes). */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[], rename: Record<string, string> = {}): FormErrors {
  return firstPerField(
    issues.map((issue) => [issue.path.map(String).join('.'), () => translateIssue(issue)]),
    rename,
  );
}

/** Form values turned into an API body, with any errors found on the way (a bad amount). */
export interface Conversion<P> {
  payload: P;
  errors?: FormErrors;
}

/**
 * A form validator that converts the form's values into the API body and checks that body
 * with the same Zod schema the server uses, so both sides reject exactly the same input.
 * `rename` maps API field names to form field names where they differ.
 */
export function validateWith<V, P>(
  schema: z.ZodType,
  convert: (values: V) => Conversion<P>,
  rename: Record<string, string> = {},
): (values: V) => FormErrors {
  return (values) => {
    const converted = convert(values);
    const result = schema.safeParse(converted.payload);
    const schemaErrors = result.success ? {} : issuesToErrors(result.error.issues, rename);
    // Conversion problems (an amount that is not a number) are more specific: they win.
    return { ...schemaErrors, ...(converted.errors ?? {}) };
  };
}

/** A form validator for forms whose values are already the API body. */
export function validateSchema<V>(schema: z.ZodType): (values: V) => FormErrors {
  return validateWith(schema, (values: V) => ({ payload: values }));
}

/** The API's field errors (named by body key) as form errors. */
export function serverErrorsToForm(fieldErrors: readonly FieldError[], rename: Record<string, string> = {}): FormErrors {
  return firstPerField(
    fieldErrors.map((e) => [e.field, () => fieldErrorText(e)]),
    rename,
  );
}

/** Empty text inputs mean "no value"; the API expects null for them. */
export const emptyToNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** Only the fields whose value differs from the record as loaded, so an edit sends what the user changed. */
export function changedFields<P extends object>(next: P, before: P): Partial<P> {
  const changed: Partial<P> = {};
  for (const key of Object.keys(next) as (keyof P)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) changed[key] = next[key];
  }
  return changed;
}
