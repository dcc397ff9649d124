import type { Language, WorkKind } from '../../../common/enums.js';

type Question = { id: string; text: string };
type Questionnaires = Record<WorkKind, Question[]>;

const common = {
  en: [
    { id: 'goals', text: 'What business goals should this work achieve?' },
    { id: 'audience', text: 'Who is the target audience?' },
    { id: 'competitors', text: 'Which competitors or examples should we look at?' },
    { id: 'deadline', text: 'Are there fixed dates or events we must meet?' },
  ],
  ru: [
    { id: 'goals', text: 'Каких бизнес-результатов вы ждёте от этой работы?' },
    { id: 'audience', text: 'Кто ваша целевая аудитория?' },
    { id: 'competitors', text: 'На каких конкурентов или примеры нам стоит ориентироваться?' },
    { id: 'deadline', text: 'Есть ли жёсткие сроки или события, к которым нужно успеть?' },
  ],
} satisfies Record<Language, Question[]>;

const english: Questionnaires = {
  seo: [
    ...common.en,
    { id: 'site', text: 'Site address and CMS; who can give us access?' },
    { id: 'regions', text: 'Which regions and search engines matter?' },
    { id: 'keywords', text: 'Which search queries should bring customers?' },
  ],
  copywriting: [
    ...common.en,
    { id: 'tone', text: 'Tone of voice: formal, friendly, expert?' },
    { id: 'volume', text: 'How many texts, of what length, for which pages or channels?' },
    { id: 'approver', text: 'Who approves texts on your side?' },
  ],
  usability: [
    ...common.en,
    { id: 'scenarios', text: 'Which user scenarios matter most?' },
    { id: 'analytics_access', text: 'Can we access your web analytics?' },
  ],
  analytics: [
    ...common.en,
    { id: 'metrics', text: 'Which metrics define success?' },
    { id: 'systems', text: 'Which analytics and CRM systems do you use?' },
  ],
  context_ads: [
    ...common.en,
    { id: 'budget', text: 'Monthly advertising budget?' },
    { id: 'regions', text: 'Which regions and schedule should ads run in?' },
    { id: 'conversions', text: 'What counts as a conversion?' },
  ],
  design: [
    ...common.en,
    { id: 'brand', text: 'Do you have a brand book or style guide?' },
    { id: 'likes', text: 'Which designs do you like and dislike, and why?' },
  ],
  development: [
    ...common.en,
    { id: 'features', text: 'Which features are required for launch?' },
    { id: 'integrations', text: 'Which systems must it integrate with?' },
    { id: 'hosting', text: 'Where will it be hosted and who maintains it?' },
  ],
  other: common.en,
};

// Written for a Russian-speaking client rather than translated word for word; the ids match
// the English ones, so a question means the same whichever language a project was briefed in.
const russian: Questionnaires = {
  seo: [
    ...common.ru,
    { id: 'site', text: 'Адрес сайта и CMS. Кто может дать нам доступ?' },
    { id: 'regions', text: 'Какие регионы и поисковые системы для вас важны?' },
    { id: 'keywords', text: 'По каким поисковым запросам к вам должны приходить клиенты?' },
  ],
  copywriting: [
    ...common.ru,
    { id: 'tone', text: 'Каким должен быть тон текстов: официальным, дружелюбным, экспертным?' },
    { id: 'volume', text: 'Сколько нужно текстов, какого объёма и для каких страниц или каналов?' },
    { id: 'approver', text: 'Кто с вашей стороны согласует тексты?' },
  ],
  usability: [
    ...common.ru,
    { id: 'scenarios', text: 'Какие сценарии пользователей для вас важнее всего?' },
    { id: 'analytics_access', text: 'Можете ли вы дать нам доступ к веб-аналитике?' },
  ],
  analytics: [
    ...common.ru,
    { id: 'metrics', text: 'По каким показателям вы оцениваете успех?' },
    { id: 'systems', text: 'Какими системами аналитики и CRM вы пользуетесь?' },
  ],
  context_ads: [
    ...common.ru,
    { id: 'budget', text: 'Какой у вас рекламный бюджет в месяц?' },
    { id: 'regions', text: 'В каких регионах и в какое время показывать рекламу?' },
    { id: 'conversions', text: 'Что считать конверсией: заявку, звонок, покупку?' },
  ],
  design: [
    ...common.ru,
    { id: 'brand', text: 'Есть ли у вас брендбук или руководство по стилю?' },
    { id: 'likes', text: 'Какой дизайн вам нравится, а какой нет, и почему?' },
  ],
  development: [
    ...common.ru,
    { id: 'features', text: 'Какие функции нужны к запуску?' },
    { id: 'integrations', text: 'С какими системами нужна интеграция?' },
    { id: 'hosting', text: 'Где будет размещён проект и кто будет его поддерживать?' },
  ],
  other: common.ru,
};

/** Questionnaires used until an admin edits them, per language and kind of work. */
export const DEFAULT_BRIEF_QUESTIONS: Record<Language, Questionnaires> = { en: english, ru: russian };
