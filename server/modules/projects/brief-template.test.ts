import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORK_KINDS } from '../../../common/enums.js';
import * as briefLanguages from '../../db/migrations/0008_brief_languages.js';
import { createProject } from '../../test/delivery-fixtures.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';

type Question = { id: string; text: string };
type Template = { kind: string; questions: Question[]; questionsByLanguage: Record<'en' | 'ru', Question[]>; updatedAt: string | null };

let t: TestApp;
let manager: Caller;
beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signIn('account_manager');
});
afterAll(() => t.close());

const templates = async (): Promise<Template[]> => (await manager.get('/api/v1/brief-templates')).json().items;
const templateOf = async (kind: string) => (await templates()).find((x) => x.kind === kind)!;
const briefOf = async (projectId: string): Promise<Question[]> =>
  (await manager.get(`/api/v1/projects/${projectId}/brief`)).json().questions;

describe('brief questionnaires per language', () => {
  it('lists every kind of work with its questions in English and in Russian, English also as before', async () => {
    const items = await templates();
    expect(items.map((x) => x.kind)).toEqual([...WORK_KINDS]);
    for (const item of items) {
      expect(item.questions).toEqual(item.questionsByLanguage.en);
      expect(item.questionsByLanguage.ru.map((q) => q.id)).toEqual(item.questionsByLanguage.en.map((q) => q.id));
      for (const q of item.questionsByLanguage.ru) expect(q.text, `${item.kind}/${q.id}`).toMatch(/^[А-ЯЁ][^a-z]*[а-яё]/);
      expect(item.updatedAt).toBeNull();
    }
    expect((await templateOf('seo')).questionsByLanguage.ru.find((q) => q.id === 'audience')?.text).toBe('Кто ваша целевая аудитория?');
  });

  it('asks a new project in its account’s language', async () => {
    const russian = await t.createAccount(manager, { name: 'Ромашка', language: 'ru' });
    const english = await t.createAccount(manager, { name: 'Acme', language: 'en' });
    const ru = await createProject(manager, russian.id, { kind: 'copywriting' });
    const en = await createProject(manager, english.id, { kind: 'copywriting' });
    const template = await templateOf('copywriting');
    expect((await briefOf(ru.id)).map(({ id, text }) => ({ id, text }))).toEqual(template.questionsByLanguage.ru);
    expect((await briefOf(en.id)).map(({ id, text }) => ({ id, text }))).toEqual(template.questionsByLanguage.en);
  });

  it('edits one language and leaves the other; `questions` alone still edits English', async () => {
    const ru = [{ id: 'offer', text: 'Какое у вас главное предложение?' }];
    const saved = await t.admin.put('/api/v1/brief-templates/design', { questionsByLanguage: { ru } });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = saved.json<Template>();
    expect(after.questionsByLanguage.ru).toEqual(ru);
    expect(after.questionsByLanguage.en.map((q) => q.id)).toContain('brand');
    expect(after.updatedAt).not.toBeNull();

    const en = [{ id: 'offer', text: 'What is the main offer?' }];
    const legacy = (await t.admin.put('/api/v1/brief-templates/design', { questions: en })).json<Template>();
    expect(legacy).toMatchObject({ questions: en, questionsByLanguage: { en, ru } });

    const account = await t.createAccount(manager, { language: 'ru' });
    expect((await briefOf((await createProject(manager, account.id, { kind: 'design' })).id)).map((q) => q.text)).toEqual([
      'Какое у вас главное предложение?',
    ]);
  });

  it('saves both languages at once with one audit entry', async () => {
    const questionsByLanguage = {
      en: [{ id: 'kpi', text: 'Which numbers matter?' }],
      ru: [{ id: 'kpi', text: 'Какие цифры для вас важны?' }],
    };
    const res = await t.admin.put('/api/v1/brief-templates/analytics', { questionsByLanguage });
    expect(res.json()).toMatchObject({ kind: 'analytics', questions: questionsByLanguage.en, questionsByLanguage });
    const audit = (await t.admin.get('/api/v1/audit-log?recordType=brief_template&recordId=analytics')).json().items;
    expect(audit).toHaveLength(1);
    expect(audit[0].changes.questionsByLanguage.after).toEqual(questionsByLanguage);
  });

  it('refuses an empty edit, English given twice, repeated ids, and anyone but an admin', async () => {
    const q = [{ id: 'a', text: 'Вопрос?' }];
    expectProblem(await t.admin.put('/api/v1/brief-templates/seo', {}), 400, 'questionsByLanguage');
    expectProblem(await t.admin.put('/api/v1/brief-templates/seo', { questionsByLanguage: {} }), 400, 'questionsByLanguage');
    expectProblem(await t.admin.put('/api/v1/brief-templates/seo', { questions: q, questionsByLanguage: { en: q } }), 400, 'questions');
    expectProblem(await t.admin.put('/api/v1/brief-templates/seo', { questionsByLanguage: { ru: [] } }), 400, 'questionsByLanguage.ru');
    expectProblem(
      await t.admin.put('/api/v1/brief-templates/seo', { questionsByLanguage: { ru: [...q, ...q] } }),
      400,
      'questionsByLanguage.ru',
    );
    expectProblem(await t.admin.put('/api/v1/brief-templates/seo', { questions: [...q, ...q] }), 400, 'questions');
    expectProblem(await manager.put('/api/v1/brief-templates/seo', { questionsByLanguage: { ru: q } }), 403);
    expect((await templateOf('seo')).updatedAt).toBeNull();
  });
});

describe('migration 0008', () => {
  it('keeps the questionnaires stored before languages as the English ones, and back', async () => {
    const db = t.database.db;
    await briefLanguages.down(db);
    await sql`insert into brief_templates (kind, questions, updated_at) values ('seo', ${'[{"id":"x","text":"Old?"}]'}, ${'2026-01-05T10:00:00.000Z'})`.execute(
      db,
    );
    await briefLanguages.up(db);
    const seo = await templateOf('seo');
    expect(seo.questionsByLanguage.en).toEqual([{ id: 'x', text: 'Old?' }]);
    expect(seo.questionsByLanguage.ru[0].text).toMatch(/[а-яё]/);
    expect(seo.updatedAt).toMatch(/^2026-01-05/);
  });
});
