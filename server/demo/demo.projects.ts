import type { ProjectStage, WorkKind } from '../../common/enums.js';
import type { Actor } from '../modules/access/index.js';
import type { Services } from '../composition.js';
import type { DemoAccount } from './demo.accounts.js';
import type { DemoClock } from './demo.clock.js';
import { PROJECT_NAMES, TASK_TITLES } from './demo.names.js';
import type { DemoPeople } from './demo.people.js';
import type { DemoRandom } from './demo.random.js';

/** How many demo projects end in each stage: 60 in all, every stage present. */
const STAGE_MIX: [ProjectStage, number][] = [
  ['brief', 8],
  ['planning', 8],
  ['in_progress', 20],
  ['review', 8],
  ['delivered', 6],
  ['on_hold', 4],
  ['closed', 6],
];
const PATHS: Record<ProjectStage, ProjectStage[]> = {
  brief: [],
  planning: [],
  in_progress: ['in_progress'],
  review: ['in_progress', 'review'],
  delivered: ['in_progress', 'review', 'delivered'],
  on_hold: ['in_progress', 'on_hold'],
  closed: ['in_progress', 'review', 'delivered', 'closed'],
};
const ROLE_OF: Record<WorkKind, string> = {
  seo: 'seo',
  copywriting: 'copywriter',
  usability: 'usability',
  analytics: 'analytics',
  context_ads: 'context_ads',
  design: 'designer',
  development: 'developer',
  other: 'seo',
};
const KINDS = Object.keys(ROLE_OF).filter((k) => k !== 'other') as WorkKind[];

/** 60 projects at every stage, with plans, requirements, briefs and tasks — some late, some blocked. */
export async function seedProjects(services: Services, people: DemoPeople, accounts: DemoAccount[], clock: DemoClock, rnd: DemoRandom) {
  const working = accounts.filter((a) => a.status !== 'churned');
  let n = 0;
  for (const [stage, count] of STAGE_MIX) {
    for (let k = 0; k < count; k++, n++) {
      const account = working[n % working.length];
      const owner = people.managers[account.ownerIndex];
      await seedProject(services, people, owner, account, stage, clock, rnd);
    }
  }
  clock.daysAgo(null);
}

async function seedProject(
  services: Services,
  people: DemoPeople,
  owner: Actor,
  account: DemoAccount,
  stage: ProjectStage,
  clock: DemoClock,
  rnd: DemoRandom,
) {
  const kind = rnd.pick(KINDS);
  const late = stage === 'delivered' || stage === 'closed';
  const startAgo = late ? rnd.int(120, 300) : stage === 'brief' ? rnd.int(1, 20) : rnd.int(20, 110);
  const length = rnd.int(45, 120);
  clock.daysAgo(startAgo);
  const project = await services.projects.create(owner, {
    accountId: account.id,
    name: rnd.pick(PROJECT_NAMES[kind]),
    kind,
    stage: stage === 'brief' ? 'brief' : 'planning',
    startDate: clock.date(-startAgo),
    dueDate: clock.date(-startAgo + length),
    budgetMinor: rnd.int(20, 150) * 100_000,
    reportSchedule: rnd.pick(['none', 'weekly', 'monthly'] as const),
    actBasis: 'hours',
  });
  await answerBrief(services, owner, project.id, account.language, stage === 'brief' ? 0.4 : 1, rnd);
  if (stage === 'brief') return;

  const milestones = [];
  for (const [i, title] of ['Discovery', 'Main delivery', 'Final review'].entries()) {
    milestones.push(
      await services.milestones.create(owner, {
        projectId: project.id,
        title,
        dueDate: clock.date(-startAgo + Math.round(((i + 1) * length) / 3)),
        status: 'planned',
      }),
    );
  }
  await seedRequirements(services, owner, project.id, stage, rnd);
  if (stage !== 'planning' || rnd.chance(0.5)) await services.plans.submit(owner, project.id);
  if (stage !== 'planning') {
    clock.daysAgo(startAgo - 5);
    await services.plans.approve(owner, project.id, 'Approved by the client by email');
    if (rnd.chance(0.2)) await services.milestones.update(owner, milestones[2].id, { dueDate: clock.date(-startAgo + length + 14) });
  }
  for (const [step, next] of PATHS[stage].entries()) {
    clock.daysAgo(Math.max(0, startAgo - 10 - step * 15));
    await services.projects.update(owner, project.id, { stage: next });
  }
  clock.daysAgo(Math.max(0, startAgo - 7));
  await seedTasks(
    services,
    people,
    owner,
    project.id,
    ROLE_OF[kind],
    stage,
    milestones.map((m) => m.id),
    startAgo,
    length,
    clock,
    rnd,
  );
  // Phases already behind the project are done; a project in progress has finished its first.
  const today = clock.date(0);
  for (const [i, m] of milestones.entries()) {
    const behind =
      stage === 'in_progress' || stage === 'on_hold'
        ? i === 0 && m.dueDate < today
        : stage !== 'planning' && (m.dueDate < today || finishedStages.has(stage));
    if (behind) await services.milestones.update(owner, m.id, { status: 'done' });
  }
}

const finishedStages = new Set<ProjectStage>(['delivered', 'closed']);

/** The brief is in the account's language (the project copied its questions so), and so are the answers. */
async function answerBrief(services: Services, owner: Actor, projectId: string, language: 'en' | 'ru', share: number, rnd: DemoRandom) {
  const brief = await services.briefs.get(owner, projectId);
  const asked = (text: string) => text.charAt(0).toLowerCase() + text.slice(1).replace(/\?$/, '');
  const answer = (text: string) =>
    language === 'ru'
      ? 'Обсудили на установочной встрече, подробности — в протоколе.'
      : `Answered in the kick-off meeting: ${asked(text)} — see notes.`;
  const answers = brief.questions.filter(() => rnd.chance(share)).map((q) => ({ questionId: q.id, answer: answer(q.text) }));
  if (answers.length) await services.briefs.answer(owner, projectId, answers);
}

async function seedRequirements(services: Services, owner: Actor, projectId: string, stage: ProjectStage, rnd: DemoRandom) {
  const texts: ['client' | 'company', string][] = [
    ['client', 'Give access to the site admin panel and analytics'],
    ['client', 'Approve texts within three working days'],
    ['company', 'Weekly progress report every Friday'],
    ['company', 'All work delivered by the agreed milestone dates'],
  ];
  for (const [party, text] of texts) {
    const r = await services.requirements.create(owner, { projectId, party, text });
    if (stage !== 'planning' || rnd.chance(0.5))
      await services.requirements.decide(owner, r.id, 'agreed', 'Agreed in the kick-off meeting');
    if (stage === 'in_progress' && party === 'client' && rnd.chance(0.3)) {
      await services.requirements.update(owner, r.id, {
        text: `${text}, including the staging server`,
        note: 'Client asked to add staging access',
      });
    }
  }
}

async function seedTasks(
  services: Services,
  people: DemoPeople,
  owner: Actor,
  projectId: string,
  role: string,
  stage: ProjectStage,
  milestoneIds: string[],
  startAgo: number,
  length: number,
  clock: DemoClock,
  rnd: DemoRandom,
) {
  const matching = people.specialists.filter((s) => s.role === role);
  const pool = matching.length ? matching : people.specialists;
  const helper = rnd.pick(people.specialists.filter((s) => s.role !== role));
  const finished = stage === 'delivered' || stage === 'closed';
  for (let i = 0; i < rnd.int(4, 8); i++) {
    const who = i === 0 ? helper : rnd.pick(pool);
    const estimate = rnd.int(2, 24);
    const dueIn = -startAgo + Math.round(((i + 1) * length) / 9);
    const overdue = dueIn < 0;
    let status: 'todo' | 'in_progress' | 'blocked' | 'review' | 'done' =
      finished || (overdue && rnd.chance(0.75)) ? 'done' : rnd.pick(['todo', 'in_progress', 'in_progress', 'review'] as const);
    if (stage === 'on_hold' && i === 1) status = 'blocked';
    if (stage === 'in_progress' && rnd.chance(0.12)) status = 'blocked';
    const title = rnd.pick(TASK_TITLES[who.role] ?? TASK_TITLES.seo);
    const spent = status === 'done' ? Math.max(1, estimate + rnd.int(-2, 4)) : status === 'todo' ? 0 : rnd.int(0, estimate);
    await services.tasks.create(owner, {
      projectId,
      title,
      assigneeId: who.actor.id,
      role: who.role,
      status,
      blockedReason:
        status === 'blocked'
          ? rnd.pick(['Waiting for the client’s access', 'Texts not approved yet', 'Waiting for the design files'])
          : undefined,
      dueDate: clock.date(dueIn),
      estimateHours: estimate,
      spentHours: spent,
      milestoneId: milestoneIds[Math.min(2, Math.floor((i * 3) / 8))],
    });
  }
}
