import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type Tree = { [key: string]: string | Tree };

/** Plural forms each language needs (CLDR cardinal categories of i18next): English one/other, Russian one/few/many/other. */
const PLURAL_FORMS: Record<string, string[]> = { en: ['one', 'other'], ru: ['one', 'few', 'many', 'other'] };
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** The catalogue files: en.json/ru.json and every feature catalogue beside them (`<feature>.<language>.json`). */
const FILES = readdirSync(__dirname).filter((f) => /^(?:[\w-]+\.)?(?:en|ru)\.json$/.test(f));
const featureOf = (file: string) => file.replace(/(?:^|\.)(?:en|ru)\.json$/, '') || '(base)';
const FEATURES = [...new Set(FILES.map(featureOf))];
const fileOf = (feature: string, language: string) => (feature === '(base)' ? `${language}.json` : `${feature}.${language}.json`);
const read = (file: string) => JSON.parse(readFileSync(path.join(__dirname, file), 'utf8')) as Tree;

/** Every leaf of a nested catalogue as [full key, text]. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v]]));
}

/** A catalogue's keys with plural suffixes folded into their base key, each with its plural forms (empty when not plural). */
function baseKeys(tree: Tree): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const [key] of leaves(tree)) {
    const match = PLURAL_SUFFIX.exec(key);
    const base = match ? key.slice(0, match.index) : key;
    keys.set(base, [...(keys.get(base) ?? []), ...(match ? [match[1]] : [])]);
  }
  return keys;
}

/** The `{{placeholders}}` of a key across all its plural forms. */
function placeholders(tree: Tree, base: string): string[] {
  const texts = leaves(tree)
    .filter(([key]) => key === base || key.replace(PLURAL_SUFFIX, '') === base)
    .map(([, text]) => text);
  return [...new Set(texts.flatMap((t) => [...t.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1])))].sort();
}

/** A language's whole catalogue as the app merges it. */
const merged = (language: string) =>
  new Set(FILES.filter((f) => f.endsWith(`${language}.json`)).flatMap((f) => [...baseKeys(read(f)).keys()]));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !name.includes('.test.') ? [file] : [];
  });
}

describe('the English and Russian catalogues', () => {
  it('come in pairs, one file per language for the base and each feature', () => {
    expect(FEATURES.length).toBeGreaterThan(4);
    const missing = FEATURES.flatMap((f) => ['en', 'ru'].map((l) => fileOf(f, l))).filter((file) => !FILES.includes(file));
    expect(missing).toEqual([]);
  });

  it.each(FEATURES)('have the same keys in %s', (feature) => {
    const en = baseKeys(read(fileOf(feature, 'en')));
    const ru = baseKeys(read(fileOf(feature, 'ru')));
    expect(
      [...en.keys()].filter((k) => !ru.has(k)),
      'missing in Russian',
    ).toEqual([]);
    expect(
      [...ru.keys()].filter((k) => !en.has(k)),
      'missing in English',
    ).toEqual([]);
  });

  it.each(FEATURES)('give every counted text all its plural forms in %s', (feature) => {
    const problems: string[] = [];
    const trees = { en: read(fileOf(feature, 'en')), ru: read(fileOf(feature, 'ru')) };
    const keys = { en: baseKeys(trees.en), ru: baseKeys(trees.ru) };
    for (const language of ['en', 'ru'] as const) {
      const other = language === 'en' ? 'ru' : 'en';
      for (const [base, forms] of keys[language]) {
        const plural = forms.length > 0 || (keys[other].get(base)?.length ?? 0) > 0;
        if (!plural) continue;
        const absent = PLURAL_FORMS[language].filter((form) => !forms.includes(form));
        if (absent.length) problems.push(`${language}: ${base} lacks _${absent.join(', _')}`);
        if (leaves(trees[language]).some(([key]) => key === base)) problems.push(`${language}: ${base} is both plain and plural`);
      }
      // A count shown in a plain text reads wrongly for some numbers ("1 задач"): it needs plural forms.
      for (const [key, text] of leaves(trees[language])) {
        if (!PLURAL_SUFFIX.test(key) && /\{\{\s*count\b/.test(text))
          problems.push(`${language}: ${key} shows {{count}} without plural forms`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(FEATURES)('fill the same placeholders in both languages in %s', (feature) => {
    const en = read(fileOf(feature, 'en'));
    const ru = read(fileOf(feature, 'ru'));
    const differ = [...baseKeys(en).keys()]
      .filter((base) => JSON.stringify(placeholders(en, base)) !== JSON.stringify(placeholders(ru, base)))
      .map((base) => `${base}: ${placeholders(en, base).join(',')} / ${placeholders(ru, base).join(',')}`);
    expect(differ).toEqual([]);
  });

  it('write Russian in Russian', () => {
    // Texts that are the same in both languages by design: names of things, not words to translate,
    // or only placeholders and signs («{{kind}} № {{number}}»).
    const sameInBothLanguages = new Set(['workKind.seo', 'documents.numbered']);
    const untranslated = FILES.filter((f) => f.endsWith('ru.json'))
      .flatMap((f) => leaves(read(f)))
      .filter(([key, text]) => !/[а-яё]/i.test(text) && !sameInBothLanguages.has(key))
      .map(([key, text]) => `${key}: ${text}`);
    expect(untranslated).toEqual([]);
  });

  it('name each menu item as the page it opens is titled', () => {
    // nav.<item> opens the page whose title is <title key>.
    const titles: Record<string, string> = {
      accounts: 'accounts.title',
      contacts: 'contacts.title',
      nextSteps: 'nextSteps.title',
      today: 'today.title',
      myWork: 'myWork.title',
      projects: 'projects.title',
      portfolio: 'portfolio.title',
      delivery: 'delivery.title',
      workload: 'workload.title',
      invoices: 'invoices.title',
      receivables: 'receivables.title',
      followUps: 'followUps.pageTitle',
      users: 'users.title',
      services: 'services.title',
      deliverySettings: 'deliverySettings.title',
      audit: 'audit.title',
      tokens: 'tokens.title',
      security: 'security.title',
      documents: 'documents.title',
      agency: 'agency.title',
      templates: 'templates.title',
      deals: 'deals.title',
      dealSettings: 'deals.settings.title',
      salesReport: 'salesReport.title',
      satisfactionReport: 'satisfaction.title',
      claims: 'claims.title',
      claimSettings: 'claims.settings.title',
      correctiveActions: 'correctiveActions.title',
      objections: 'objections.title',
      surveySettings: 'surveys.settings.title',
      loyaltySettings: 'loyalty.settingsTitle',
      todaySettings: 'today.settings.title',
      webhookSettings: 'webhooks.title',
      unmatchedMail: 'dropbox.unmatched.title',
      privacySettings: 'privacy.settings.title',
    };
    for (const language of ['en', 'ru']) {
      const texts = new Map(FILES.filter((f) => f.endsWith(`${language}.json`)).flatMap((f) => leaves(read(f))));
      const items = [...texts.keys()].filter((k) => k.startsWith('nav.')).map((k) => k.slice(4));
      expect(items.sort(), 'every menu item has its page').toEqual(Object.keys(titles).sort());
      const plain = (s: string | undefined) => s?.replace(/\u00a0/g, ' ');
      const differ = items.filter((item) => plain(texts.get(`nav.${item}`)) !== plain(texts.get(titles[item])));
      expect(
        differ.map((item) => `${texts.get(`nav.${item}`)} ≠ ${texts.get(titles[item])}`),
        language,
      ).toEqual([]);
    }
  });

  it('contain every literal key the code asks for', () => {
    const enKeys = merged('en');
    const root = path.resolve(__dirname, '..');
    const used = sourceFiles(root).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[\w.]+)'/g)].map((m) => m[1]),
    );
    expect(used.length).toBeGreaterThan(100);
    expect([...new Set(used)].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('name every value of the enums the UI translates, in both languages', async () => {
    const enums = await import('@common/enums');
    const groups: [string, readonly string[]][] = [
      ['roles', enums.ROLES],
      ['accountStatus', enums.ACCOUNT_STATUSES],
      ['decisionRole', enums.DECISION_ROLES],
      ['interactionType', enums.INTERACTION_TYPES],
      ['languages', enums.LANGUAGES],
      ['timeline.event', enums.TIMELINE_EVENT_KINDS],
      ['timeline.log', enums.INTERACTION_TYPES],
      ['timelineKinds', enums.TIMELINE_CATEGORIES],
      ['projectStage', enums.PROJECT_STAGES],
      ['planStatus', enums.PLAN_STATUSES],
      ['milestoneStatus', enums.MILESTONE_STATUSES],
      ['requirementStatus', enums.REQUIREMENT_STATUSES],
      ['party', enums.REQUIREMENT_PARTIES],
      ['taskStatus', enums.TASK_STATUSES],
      ['reportSchedule', enums.REPORT_SCHEDULES],
      ['workKind', enums.WORK_KINDS],
      ['specialistRole', enums.DEFAULT_SPECIALIST_ROLES],
      ['invoiceStatus', enums.INVOICE_STATUSES],
      ['invoiceKind', enums.INVOICE_KINDS],
      ['paymentStatus', enums.PAYMENT_STATUSES],
      ['agingBucket', enums.AGING_BUCKETS],
      ['billingAction', enums.BILLING_ACTION_KINDS],
      ['emailStatus', enums.EMAIL_STATUSES],
      ['nextSteps.state', enums.NEXT_STEP_STATES],
      ['nextSteps.filter', enums.NEXT_STEP_STATES],
      ['documentKind', enums.DOCUMENT_KINDS],
      ['documentStatus', enums.DOCUMENT_STATUSES],
    ];
    const wanted = groups.flatMap(([group, values]) => values.map((v) => `${group}.${v}`));
    for (const language of ['en', 'ru']) {
      const keys = merged(language);
      expect(
        wanted.filter((k) => !keys.has(k)),
        language,
      ).toEqual([]);
    }
  });
});
