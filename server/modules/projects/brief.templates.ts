import type { WorkKind } from '../../../common/enums.js';

type Question = { id: string; text: string };

const common: Question[] = [
  { id: 'goals', text: 'What business goals should this work achieve?' },
  { id: 'audience', text: 'Who is the target audience?' },
  { id: 'competitors', text: 'Which competitors or examples should we look at?' },
  { id: 'deadline', text: 'Are there fixed dates or events we must meet?' },
];

/** Questionnaires used until an admin edits them, per kind of work. */
export const DEFAULT_BRIEF_QUESTIONS: Record<WorkKind, Question[]> = {
  seo: [
    ...common,
    { id: 'site', text: 'Site address and CMS; who can give us access?' },
    { id: 'regions', text: 'Which regions and search engines matter?' },
    { id: 'keywords', text: 'Which search queries should bring customers?' },
  ],
  copywriting: [
    ...common,
    { id: 'tone', text: 'Tone of voice: formal, friendly, expert?' },
    { id: 'volume', text: 'How many texts, of what length, for which pages or channels?' },
    { id: 'approver', text: 'Who approves texts on your side?' },
  ],
  usability: [
    ...common,
    { id: 'scenarios', text: 'Which user scenarios matter most?' },
    { id: 'analytics_access', text: 'Can we access your web analytics?' },
  ],
  analytics: [
    ...common,
    { id: 'metrics', text: 'Which metrics define success?' },
    { id: 'systems', text: 'Which analytics and CRM systems do you use?' },
  ],
  context_ads: [
    ...common,
    { id: 'budget', text: 'Monthly advertising budget?' },
    { id: 'regions', text: 'Which regions and schedule should ads run in?' },
    { id: 'conversions', text: 'What counts as a conversion?' },
  ],
  design: [
    ...common,
    { id: 'brand', text: 'Do you have a brand book or style guide?' },
    { id: 'likes', text: 'Which designs do you like and dislike, and why?' },
  ],
  development: [
    ...common,
    { id: 'features', text: 'Which features are required for launch?' },
    { id: 'integrations', text: 'Which systems must it integrate with?' },
    { id: 'hosting', text: 'Where will it be hosted and who maintains it?' },
  ],
  other: common,
};
