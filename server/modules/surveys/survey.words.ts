import type { Language, SurveyKind } from '../../../common/enums.js';
import { renderMessage } from '../../../common/messages/index.js';
import type { PublicSurvey } from '../../../common/schemas/survey.js';
import { SURVEY_SCALES } from '../../../common/schemas/survey.js';
import { emailWithLink } from '../email/index.js';

/** What a survey asks, in the contact's language: CSAT about the project when there is one, else about the agency. */
export function questionOf(kind: SurveyKind, language: Language, agency: string, project: string | null): string {
  if (kind === 'nps') return renderMessage('survey.question_nps', { agency }, language);
  return project
    ? renderMessage('survey.question_csat', { project }, language)
    : renderMessage('survey.question_csat_agency', { agency }, language);
}

/** The survey as the person answering it sees it. */
export function publicSurvey(kind: SurveyKind, language: Language, agency: string, project: string | null): PublicSurvey {
  return {
    kind,
    language,
    question: questionOf(kind, language, agency, project),
    agencyName: agency,
    projectName: project,
    ...SURVEY_SCALES[kind],
  };
}

/** The survey's email: the question, the single-use link, and how long it works. */
export function surveyEmail(p: {
  kind: SurveyKind;
  language: Language;
  agency: string;
  project: string | null;
  name: string;
  url: string;
}) {
  const say = (code: Parameters<typeof renderMessage>[0]) => renderMessage(code, { agency: p.agency, name: p.name }, p.language);
  return {
    subject: say('survey.email_subject'),
    ...emailWithLink({
      before: [say('survey.email_greeting'), questionOf(p.kind, p.language, p.agency, p.project)],
      link: { url: p.url, label: say('survey.email_action') },
      after: [say('survey.email_validity')],
    }),
  };
}
