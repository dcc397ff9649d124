/** Problems from the API in the user's language, by their catalogue codes. */
import type { MessageParams } from '@common/messages';
import type { ApiError, FieldError } from '../api/errors';
import { isMessageCode, translateMessage } from '../i18n';

/** The problem's explanation by its code; the server's own words only when it gave no known code. */
export function problemText(error: ApiError): string | undefined {
  return isMessageCode(error.code) ? translateMessage(error.code, error.params as MessageParams) : error.detail;
}

/** A field error by its code, else as the server worded it. */
export function fieldErrorText(error: FieldError): string {
  return isMessageCode(error.code) ? translateMessage(error.code, (error.params ?? {}) as MessageParams) : error.message;
}

/** Why an email waits or failed: a catalogue code (email switched off) in words, else the mail server's own. */
export function emailErrorText(lastError: string): string {
  return translateMessage(lastError);
}
