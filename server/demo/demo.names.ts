/** Names for the demo agency and its clients: English and Russian, as a real agency's book. */
export const COMPANIES: { name: string; industry: string; language: 'en' | 'ru'; website: string }[] = [
  { name: 'Northwind Traders', industry: 'Retail', language: 'en', website: 'northwind.example' },
  { name: 'Ромашка', industry: 'Cosmetics', language: 'ru', website: 'romashka.example' },
  { name: 'Blue Harbor Hotels', industry: 'Hospitality', language: 'en', website: 'blueharbor.example' },
  { name: 'Сибирский мёд', industry: 'Food', language: 'ru', website: 'sibmed.example' },
  { name: 'Acme Logistics', industry: 'Logistics', language: 'en', website: 'acmelogistics.example' },
  { name: 'Техносфера', industry: 'Electronics', language: 'ru', website: 'technosfera.example' },
  { name: 'Greenleaf Clinics', industry: 'Healthcare', language: 'en', website: 'greenleaf.example' },
  { name: 'Волга Авто', industry: 'Automotive', language: 'ru', website: 'volga-auto.example' },
  { name: 'Brightpath Academy', industry: 'Education', language: 'en', website: 'brightpath.example' },
  { name: 'Северное сияние', industry: 'Tourism', language: 'ru', website: 'aurora-tours.example' },
  { name: 'Copperline Brewing', industry: 'Food', language: 'en', website: 'copperline.example' },
  { name: 'СтройМастер', industry: 'Construction', language: 'ru', website: 'stroymaster.example' },
  { name: 'Lumen Fintech', industry: 'Finance', language: 'en', website: 'lumenfin.example' },
  { name: 'Уральские самоцветы', industry: 'Jewelry', language: 'ru', website: 'ural-gems.example' },
  { name: 'Harborview Realty', industry: 'Real estate', language: 'en', website: 'harborview.example' },
  { name: 'Пекарня Колосок', industry: 'Food', language: 'ru', website: 'kolosok.example' },
  { name: 'Silverline Fitness', industry: 'Sports', language: 'en', website: 'silverline.example' },
  { name: 'МедЛайн', industry: 'Healthcare', language: 'ru', website: 'medline.example' },
  { name: 'Orchid Florists', industry: 'Retail', language: 'en', website: 'orchid.example' },
  { name: 'Байкал Тур', industry: 'Tourism', language: 'ru', website: 'baikal-tour.example' },
  { name: 'Quantum Legal', industry: 'Legal services', language: 'en', website: 'quantumlegal.example' },
  { name: 'Дом Мебели', industry: 'Furniture', language: 'ru', website: 'dom-mebeli.example' },
  { name: 'Redwood Outdoor', industry: 'Retail', language: 'en', website: 'redwood.example' },
  { name: 'Альфа Страхование Плюс', industry: 'Insurance', language: 'ru', website: 'alfa-plus.example' },
  { name: 'Pinecrest Dental', industry: 'Healthcare', language: 'en', website: 'pinecrest.example' },
  { name: 'ЭкоФерма', industry: 'Agriculture', language: 'ru', website: 'ecoferma.example' },
  { name: 'Stellar Games', industry: 'Entertainment', language: 'en', website: 'stellargames.example' },
  { name: 'Невский Книжный', industry: 'Publishing', language: 'ru', website: 'nevsky-books.example' },
  { name: 'Atlas Engineering', industry: 'Engineering', language: 'en', website: 'atlas-eng.example' },
  { name: 'Чистый Город', industry: 'Services', language: 'ru', website: 'clean-city.example' },
  { name: 'Maple & Oak Interiors', industry: 'Design', language: 'en', website: 'mapleoak.example' },
  { name: 'Кофейня Зерно', industry: 'Food', language: 'ru', website: 'zerno.example' },
  { name: 'Vertex Software', industry: 'Software', language: 'en', website: 'vertexsoft.example' },
  { name: 'ТрансЛогистик', industry: 'Logistics', language: 'ru', website: 'translog.example' },
  { name: 'Sunrise Pet Care', industry: 'Veterinary', language: 'en', website: 'sunrisepet.example' },
  { name: 'Горизонт Девелопмент', industry: 'Real estate', language: 'ru', website: 'horizon-dev.example' },
  { name: 'Meridian Travel', industry: 'Tourism', language: 'en', website: 'meridian.example' },
  { name: 'Сити Фитнес', industry: 'Sports', language: 'ru', website: 'city-fitness.example' },
  { name: 'Oakridge Solar', industry: 'Energy', language: 'en', website: 'oakridge-solar.example' },
  { name: 'Лавка Чудес', industry: 'Retail', language: 'ru', website: 'lavka.example' },
];

export const FIRST_NAMES = {
  en: ['Emma', 'Oliver', 'Sophia', 'James', 'Mia', 'Lucas', 'Ava', 'Noah', 'Grace', 'Henry'],
  ru: ['Анна', 'Дмитрий', 'Елена', 'Сергей', 'Ольга', 'Алексей', 'Мария', 'Иван', 'Татьяна', 'Павел'],
};
export const LAST_NAMES = {
  en: ['Walker', 'Bennett', 'Hughes', 'Foster', 'Reed', 'Price', 'Sullivan', 'Hayes'],
  ru: ['Иванов', 'Петров', 'Смирнов', 'Кузнецов', 'Соколов', 'Попов', 'Лебедев', 'Морозов'],
};
const RUSSIAN_WOMEN = new Set(['Анна', 'Елена', 'Ольга', 'Мария', 'Татьяна']);

/** A Russian surname agrees with the person's gender: Алексей Смирнов, Анна Смирнова. */
export const lastName = (language: 'en' | 'ru', firstName: string, surname: string) =>
  language === 'ru' && RUSSIAN_WOMEN.has(firstName) ? `${surname}а` : surname;
export const POSITIONS = ['CEO', 'Marketing director', 'Head of e-commerce', 'CFO', 'Brand manager', 'Office manager'];

export const MEETING_TOPICS = [
  ['meeting', 'Quarterly review of results', 'Client happy with traffic growth', 'Send the next quarter plan'],
  ['call', 'Discussed the delay on landing pages', 'Agreed a new date', 'Confirm the date by email'],
  ['email', 'Sent the monthly report', 'Client asked about conversions', 'Prepare a conversion breakdown'],
  ['meeting', 'Presented the advertising proposal', 'Interested, worried about budget', 'Send a smaller starter package'],
  ['note', 'Client’s marketing director is changing in spring', null, 'Introduce ourselves to the new director'],
  ['call', 'Invoice question from accounting', 'Explained the credit note', null],
  ['meeting', 'Workshop on site structure', 'Agreed the main sections', 'Share the sitemap draft'],
] as const;

export const PROJECT_NAMES: Record<string, string[]> = {
  seo: ['SEO audit and growth', 'Local search visibility', 'Technical SEO clean-up'],
  copywriting: ['Website copy refresh', 'Product descriptions', 'Blog content plan'],
  usability: ['Checkout usability audit', 'Mobile UX review'],
  analytics: ['Analytics set-up', 'Conversion tracking'],
  context_ads: ['Search ads launch', 'Seasonal ad campaign'],
  design: ['Brand refresh', 'Landing page design'],
  development: ['Website relaunch', 'Online store integration'],
  other: ['Marketing retainer'],
};

export const TASK_TITLES: Record<string, string[]> = {
  seo: ['Keyword research', 'Fix crawl errors', 'Optimise meta tags', 'Build internal links'],
  copywriter: ['Write home page copy', 'Write product texts', 'Edit blog articles'],
  usability: ['Run user interviews', 'Heuristic review', 'Write UX recommendations'],
  analytics: ['Configure goals', 'Build dashboard', 'Audit tracking tags'],
  context_ads: ['Set up campaigns', 'Write ad texts', 'Tune bids'],
  designer: ['Design mockups', 'Prepare style guide', 'Design banners'],
  developer: ['Implement templates', 'Integrate payment', 'Deploy to production'],
};
