import { renderMessage, type Language, type MessageCode, type MessageParams } from '../../../common/messages/index.js';

/** Words kept as a catalogue code and its figures, so that each reader reads them in their own language. */
export type Worded = [MessageCode, MessageParams];

/**
 * Stored words in `language`: the kept wording when there is one, else the stored text (words
 * a person typed, or rows written before the wording was kept).
 */
export function wordedIn(wording: string | null, text: string | null, language: Language = 'en'): string {
  if (!wording) return text ?? '';
  const [code, params] = JSON.parse(wording) as Worded;
  return renderMessage(code, params, language);
}

/** A reason as it is stored: the English words beside their wording, or a person's words alone. */
export function storedWords(reason: string | Worded): { text: string; wording: string | null } {
  return typeof reason === 'string'
    ? { text: reason, wording: null }
    : { text: renderMessage(reason[0], reason[1]), wording: JSON.stringify(reason) };
}

/** A payment-desk action's title in the reader's language (its wording keeps title and detail). */
export function actionTitleIn(wording: string | null, title: string, language: Language): string {
  if (!wording) return title;
  const { title: worded } = JSON.parse(wording) as { title: unknown };
  return wordedIn(JSON.stringify(worded), title, language);
}
