import type { Kysely } from 'kysely';
import type { Language } from '../../../common/enums.js';
import type { DB } from '../../db/schema.js';
import type { ClaimService } from './claim.service.js';

/** A survey answer as the surveys module hands it to its low-answer handlers. */
export interface SurveyAnswer {
  surveyId: string;
  accountId: string;
  projectId: string | null;
  contactId: string;
  kind: 'nps' | 'csat';
  score: number;
  comment: string | null;
  answeredAt: string;
}

const SCALE = { nps: 10, csat: 5 } as const;
const LABEL = { nps: 'NPS', csat: 'CSAT' } as const;

/**
 * The severity of a claim drafted from a survey answer: the lower the score, the more severe.
 * NPS 0–2 and CSAT 1 are high; the other detractors (NPS 3–6) and CSAT 2 medium; anything
 * better, should a setting draft claims from it, low. Critical is left to a person to decide.
 */
export function severityOfScore(kind: SurveyAnswer['kind'], score: number) {
  if (kind === 'nps') return score <= 2 ? 'high' : score <= 6 ? 'medium' : 'low';
  return score <= 1 ? 'high' : score <= 2 ? 'medium' : 'low';
}

/** The claim's description: the score and the client's comment, in the agency's language. */
function describe(a: SurveyAnswer, language: Language): string {
  const head =
    language === 'ru'
      ? `Ответ на опрос ${LABEL[a.kind]}: ${a.score} из ${SCALE[a.kind]}.`
      : `${LABEL[a.kind]} survey answer: ${a.score} of ${SCALE[a.kind]}.`;
  return a.comment ? `${head}\n\n${a.comment}` : head;
}

/**
 * Drafts a claim from a low survey answer in the answer's transaction: source `survey`, status
 * received, the settings' survey category, severity by score, the comment as description.
 */
export async function draftFromSurvey(claims: ClaimService, t: Kysely<DB>, a: SurveyAnswer, language: Language): Promise<string> {
  const settings = await claims.settings.load(t);
  return claims.register(
    t,
    null,
    a.accountId,
    {
      projectId: a.projectId,
      category: settings.surveyCategory,
      severity: severityOfScore(a.kind, a.score),
      description: describe(a, language),
    },
    'survey',
  );
}
