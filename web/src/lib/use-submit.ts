/** Submitting a form to the API: field errors land on fields, 412 becomes a conflict. */
import { useState } from 'react';
import type { FormErrors } from '@mantine/form';
import { ApiError } from '../api/client';
import { serverErrorsToForm } from './forms';

interface FormLike {
  setErrors: (errors: FormErrors) => void;
}

export interface SubmitState {
  submitting: boolean;
  /** Someone else saved the record since it was loaded. */
  conflict: boolean;
  /** A failure that belongs to no single field. */
  error: ApiError | Error | null;
  clearConflict: () => void;
}

/**
 * Wraps a submit function so that the server's field errors are shown on the fields,
 * a 412 is reported as a conflict (never retried, so nothing is overwritten) and any
 * other failure is kept for an alert above the form.
 */
export function useSubmit<V>(
  form: FormLike,
  submit: (values: V) => Promise<unknown>,
  rename: Record<string, string> = {},
): [(values: V) => Promise<void>, SubmitState] {
  const [submitting, setSubmitting] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);

  const handle = async (values: V) => {
    setSubmitting(true);
    setError(null);
    try {
      await submit(values);
    } catch (e) {
      if (e instanceof ApiError && e.isConflict) setConflict(true);
      else if (e instanceof ApiError && e.fieldErrors.length > 0) {
        form.setErrors(serverErrorsToForm(e.fieldErrors, rename));
      } else setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setSubmitting(false);
    }
  };

  return [handle, { submitting, conflict, error, clearConflict: () => setConflict(false) }];
}
