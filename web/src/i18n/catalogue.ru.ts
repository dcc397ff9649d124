/** The Russian catalogues, fetched when Russian is first used (see index.ts); merged in this order. */
import accessLinks from './access-links.ru.json';
import accountPage from './account-page.ru.json';
import auth from './auth.ru.json';
import billing from './billing.ru.json';
import claims from './claims.ru.json';
import corrective from './corrective.ru.json';
import deals from './deals.ru.json';
import dealBoard from './deal-board.ru.json';
import delivery from './delivery.ru.json';
import documents from './documents.ru.json';
import nextSteps from './next-steps.ru.json';
import notifications from './notifications.ru.json';
import objections from './objections.ru.json';
import people from './people.ru.json';
import reports from './reports.ru.json';
import requests from './requests.ru.json';
import ru from './ru.json';
import salesReport from './sales-report.ru.json';
import satisfactionReport from './satisfaction-report.ru.json';
import surveys from './surveys.ru.json';
import proposals from './proposals.ru.json';
import today from './today.ru.json';
import loyalty from './loyalty.ru.json';
import inbox from './inbox.ru.json';
import health from './health.ru.json';
import webhooks from './webhooks.ru.json';
import dropbox from './dropbox.ru.json';
import exportsRu from './exports.ru.json';
import search from './search.ru.json';
import calendarFeeds from './calendar-feeds.ru.json';
import privacy from './privacy.ru.json';

const catalogues: Record<string, unknown>[] = [
  ru,
  delivery,
  billing,
  auth,
  nextSteps,
  accountPage,
  documents,
  people,
  reports,
  accessLinks,
  requests,
  notifications,
  deals,
  salesReport,
  satisfactionReport,
  claims,
  corrective,
  objections,
  surveys,
  dealBoard,
  proposals,
  today,
  loyalty,
  inbox,
  health,
  webhooks,
  dropbox,
  exportsRu,
  search,
  calendarFeeds,
  privacy,
];
export default catalogues;
