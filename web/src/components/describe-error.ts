/** A failure put in words the user can act on, in their language. */
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import { problemText } from '../lib/problems';

export function describeError(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  switch (error.status) {
    case 0:
      return t('errors.network');
    case 403:
      // Signed in, but required two-factor sign-in is not set up yet: say where to set it up.
      if (error.code === 'auth.two_factor_required') return problemText(error) ?? t('errors.forbidden');
      return t('errors.forbidden');
    case 404:
      return t('errors.notFound');
    case 412:
      return t('conflict.body');
    case 429:
      return error.retryAfterSeconds ? t('errors.tooManyRetry', { count: error.retryAfterSeconds }) : t('errors.tooMany');
    default:
      if (error.status >= 500) return t('errors.server');
      return problemText(error) ?? t('errors.unexpected');
  }
}
