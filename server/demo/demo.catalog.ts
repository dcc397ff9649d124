import type { ServiceUnit, WorkKind } from '../../common/enums.js';
import { ServiceCreateSchema, type ServiceCreate } from '../../common/schemas/service.js';
import type { Services } from '../composition.js';
import type { Actor } from '../modules/access/index.js';

type Text = [en: string, ru: string];
/** A milestone: its key, its title, and days from the project's start. */
type Milestone = [key: string, title: Text, offsetDays: number];
/** A task: its title, the role, estimated hours, and the key of its milestone (null: none). */
type Task = [title: Text, role: string, hours: number, milestone: string | null];

interface DemoService {
  name: Text;
  description: Text;
  workKind: WorkKind;
  unit: ServiceUnit;
  /** Price per unit in major units of each currency the agency sells it in. */
  prices: Partial<Record<'EUR' | 'USD' | 'RUB', number>>;
  milestones: Milestone[];
  tasks: Task[];
  /** Offered no more (kept for what already uses it). */
  retired?: boolean;
}

/** What the demo agency sells: SEO, content, usability, analytics, ads and a landing page, priced in euros, dollars and roubles. */
const CATALOG: DemoService[] = [
  {
    name: ['SEO audit', 'SEO-аудит'],
    description: [
      'Technical, content and link audit of the site with a prioritised list of fixes.',
      'Технический, контентный и ссылочный аудит сайта с приоритизированным списком доработок.',
    ],
    workKind: 'seo',
    unit: 'project',
    prices: { EUR: 1800, USD: 1950, RUB: 160_000 },
    milestones: [
      ['crawl', ['Crawl and technical findings', 'Сканирование и технические замечания'], 7],
      ['report', ['Audit report and walkthrough', 'Отчёт по аудиту и его разбор'], 14],
    ],
    tasks: [
      [['Crawl the site and check indexing', 'Просканировать сайт и проверить индексацию'], 'seo', 8, 'crawl'],
      [['Review content and metadata', 'Проверить контент и метаданные'], 'seo', 6, 'crawl'],
      [['Check analytics and goals', 'Проверить аналитику и цели'], 'analytics', 3, 'crawl'],
      [['Write the audit report', 'Написать отчёт по аудиту'], 'seo', 6, 'report'],
    ],
  },
  {
    name: ['Monthly SEO', 'SEO-продвижение, ежемесячно'],
    description: [
      'Ongoing optimisation: technical fixes, new pages, links and a monthly report.',
      'Постоянная оптимизация: технические правки, новые страницы, ссылки и ежемесячный отчёт.',
    ],
    workKind: 'seo',
    unit: 'month',
    prices: { EUR: 1200, USD: 1300, RUB: 110_000 },
    milestones: [['month', ['Monthly report', 'Ежемесячный отчёт'], 30]],
    tasks: [
      [['On-page optimisation', 'Внутренняя оптимизация'], 'seo', 16, 'month'],
      [['Two optimised articles', 'Две оптимизированные статьи'], 'copywriter', 8, 'month'],
      [['Positions and traffic report', 'Отчёт по позициям и трафику'], 'analytics', 3, 'month'],
    ],
  },
  {
    name: ['Copywriting, per article', 'Копирайтинг, за статью'],
    description: [
      'An expert article of up to 8,000 characters, briefed, written, edited and optimised.',
      'Экспертная статья до 8000 знаков: бриф, текст, редактура и оптимизация.',
    ],
    workKind: 'copywriting',
    unit: 'piece',
    prices: { EUR: 250, USD: 270, RUB: 18_000 },
    milestones: [],
    tasks: [
      [['Write the article', 'Написать статью'], 'copywriter', 5, null],
      [['SEO review of the text', 'SEO-проверка текста'], 'seo', 1, null],
    ],
  },
  {
    name: ['Usability audit', 'Юзабилити-аудит'],
    description: [
      'Expert review of key scenarios with recordings analysis and redesign recommendations.',
      'Экспертная оценка ключевых сценариев, анализ записей сессий и рекомендации по редизайну.',
    ],
    workKind: 'usability',
    unit: 'project',
    prices: { EUR: 2400, USD: 2600, RUB: 210_000 },
    milestones: [
      ['review', ['Expert review', 'Экспертная оценка'], 10],
      ['report', ['Recommendations', 'Рекомендации'], 20],
    ],
    tasks: [
      [['Heuristic review of key scenarios', 'Эвристическая оценка ключевых сценариев'], 'usability', 16, 'review'],
      [['Session recordings analysis', 'Анализ записей сессий'], 'analytics', 6, 'review'],
      [['Prototype of the fixes', 'Прототип исправлений'], 'designer', 10, 'report'],
      [['Recommendations report', 'Отчёт с рекомендациями'], 'usability', 6, 'report'],
    ],
  },
  {
    name: ['Analytics setup', 'Настройка веб-аналитики'],
    description: [
      'Goals, e-commerce events and dashboards in the client’s analytics, with a measurement plan.',
      'Цели, события электронной торговли и дашборды в системе аналитики клиента по плану измерений.',
    ],
    workKind: 'analytics',
    unit: 'project',
    prices: { EUR: 1500, RUB: 130_000 },
    milestones: [
      ['plan', ['Measurement plan', 'План измерений'], 5],
      ['live', ['Tracking live and dashboards', 'Отслеживание запущено, дашборды готовы'], 15],
    ],
    tasks: [
      [['Measurement plan', 'План измерений'], 'analytics', 6, 'plan'],
      [['Tag manager and events', 'Менеджер тегов и события'], 'developer', 8, 'live'],
      [['Dashboards', 'Дашборды'], 'analytics', 6, 'live'],
    ],
  },
  {
    name: ['PPC management', 'Ведение контекстной рекламы'],
    description: [
      'Search and display campaigns managed every month; the ad budget is billed separately.',
      'Ежемесячное ведение поисковых и медийных кампаний; рекламный бюджет оплачивается отдельно.',
    ],
    workKind: 'context_ads',
    unit: 'month',
    prices: { EUR: 900, USD: 980, RUB: 80_000 },
    milestones: [['month', ['Monthly results', 'Итоги месяца'], 30]],
    tasks: [
      [['Campaign management and bids', 'Управление кампаниями и ставками'], 'context_ads', 14, 'month'],
      [['Ad copy and tests', 'Тексты объявлений и тесты'], 'copywriter', 3, 'month'],
      [['Results report', 'Отчёт о результатах'], 'analytics', 2, 'month'],
    ],
  },
  {
    name: ['Landing page', 'Посадочная страница'],
    description: [
      'A conversion-focused landing page: copy, design, build and analytics, live in four weeks.',
      'Продающая посадочная страница: текст, дизайн, вёрстка и аналитика — запуск за четыре недели.',
    ],
    workKind: 'development',
    unit: 'project',
    prices: { EUR: 4500, USD: 4900, RUB: 390_000 },
    milestones: [
      ['copy', ['Copy approved', 'Текст согласован'], 7],
      ['design', ['Design approved', 'Дизайн согласован'], 14],
      ['launch', ['Launch', 'Запуск'], 28],
    ],
    tasks: [
      [['Write the page copy', 'Написать текст страницы'], 'copywriter', 8, 'copy'],
      [['Design the page', 'Дизайн страницы'], 'designer', 20, 'design'],
      [['Build and publish', 'Вёрстка и публикация'], 'developer', 24, 'launch'],
      [['Goals and events', 'Цели и события'], 'analytics', 3, 'launch'],
    ],
  },
  {
    name: ['Consulting hour', 'Час консультации'],
    description: ['A senior specialist’s hour: strategy, reviews, workshops.', 'Час старшего специалиста: стратегия, разборы, воркшопы.'],
    workKind: 'other',
    unit: 'hour',
    prices: { EUR: 120, USD: 130, RUB: 10_000 },
    milestones: [],
    tasks: [],
  },
  {
    name: ['Link building package', 'Пакет ссылок'],
    description: ['Twenty placements a month; no longer offered.', 'Двадцать размещений в месяц; больше не предлагается.'],
    workKind: 'seo',
    unit: 'month',
    prices: { EUR: 600, RUB: 50_000 },
    milestones: [],
    tasks: [[['Placements', 'Размещения'], 'seo', 10, null]],
    retired: true,
  },
];

const text = ([en, ru]: Text) => ({ en, ru });
/** Major units as minor ones: the demo's currencies all have two decimals. */
const minor = (amount: number) => Math.round(amount * 100);

/** The body the catalog takes for a demo service. */
function demoServiceBody(s: DemoService): ServiceCreate {
  return {
    name: text(s.name),
    description: text(s.description),
    workKind: s.workKind,
    unit: s.unit,
    prices: Object.entries(s.prices).map(([currency, amount]) => ({ currency, amountMinor: minor(amount) })),
    template: {
      milestones: s.milestones.map(([key, title, offsetDays]) => ({ key, title: text(title), offsetDays })),
      tasks: s.tasks.map(([title, role, hours, milestoneKey]) => ({ title: text(title), role, hours, milestoneKey })),
    },
  };
}

/** The demo agency's service catalog, checked by the API's schema and added through the catalog (audited like an admin's entry); a retired offer is deactivated. */
export async function seedCatalog(services: Services, admin: Actor) {
  for (const s of CATALOG) {
    const service = await services.catalog.create(admin, ServiceCreateSchema.parse(demoServiceBody(s)));
    if (s.retired) await services.catalog.setActive(admin, service.id, false);
  }
}
