import { renderMessage, type Language } from '../../../common/messages/index.js';
import type { HealthComponentScore, HealthFact, HealthSettings } from '../../../common/schemas/health.js';
import type { ComponentVerdict, Fact } from './health.rules.js';

type Params = HealthFact['params'];

/** A fact worded in the reader's language, with its code and params for the web app. */
export const wordFact = ([code, params]: Fact, language: Language): HealthFact => ({
  code,
  params: params as Params,
  text: renderMessage(code, params, language),
});

/** A component's verdict as the API gives it. */
export const presentComponent = (c: ComponentVerdict, settings: HealthSettings, language: Language): HealthComponentScore => ({
  component: c.component,
  weight: settings.weights[c.component],
  hasData: c.score !== null,
  score: c.score,
  facts: c.facts.map((f) => wordFact(f, language)),
});
