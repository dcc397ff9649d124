import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema, pageOf } from '../../../common/schemas/common.js';
import {
  ClientReminderSchema,
  MilestoneCreateSchema,
  MilestoneSchema,
  MilestoneUpdateSchema,
  ProjectChildQuerySchema,
  RequirementCreateSchema,
  RequirementDecisionSchema,
  RequirementSchema,
  RequirementUpdateSchema,
} from '../../../common/schemas/plan.js';
import { BriefAnswersSchema, BriefSchema } from '../../../common/schemas/task.js';
import { PlanApproveSchema, PlanChangesRequestSchema, ProjectSchema } from '../../../common/schemas/project.js';
import { expectedVersion, withEtag } from '../../lib/http.js';
import type { BriefService } from './brief.service.js';
import type { ClientReminderService } from './client-reminder.js';
import type { MilestoneService } from './milestone.service.js';
import type { PlanService } from './plan.service.js';
import type { RequirementService } from './requirement.service.js';

interface PlanServices {
  plans: PlanService;
  reminders: ClientReminderService;
  milestones: MilestoneService;
  requirements: RequirementService;
  briefs: BriefService;
}

export const planRoutes =
  ({ plans, reminders, milestones, requirements, briefs }: PlanServices): FastifyPluginAsyncZod =>
  async (app) => {
    const deleted = (reply: { code(c: number): { send(): unknown } }) => reply.code(204).send();

    app.get(
      '/milestones',
      {
        schema: {
          tags: ['plans'],
          summary: 'A project’s plan',
          querystring: ProjectChildQuerySchema,
          response: { 200: pageOf(MilestoneSchema) },
        },
      },
      async (req) => milestones.list(req.requireActor(), req.query.projectId),
    );
    app.post(
      '/milestones',
      { schema: { tags: ['plans'], summary: 'Add a milestone', body: MilestoneCreateSchema, response: { 201: MilestoneSchema } } },
      async (req, reply) => reply.code(201).send(await milestones.create(req.requireActor(), req.body)),
    );
    app.get(
      '/milestones/:id',
      { schema: { tags: ['plans'], summary: 'One milestone', params: IdParamsSchema, response: { 200: MilestoneSchema } } },
      async (req, reply) => withEtag(reply, await milestones.get(req.requireActor(), req.params.id)),
    );
    app.patch(
      '/milestones/:id',
      {
        schema: {
          tags: ['plans'],
          summary: 'Change a milestone (reopens an approved plan)',
          params: IdParamsSchema,
          body: MilestoneUpdateSchema,
          response: { 200: MilestoneSchema },
        },
      },
      async (req, reply) => withEtag(reply, await milestones.update(req.requireActor(), req.params.id, req.body, expectedVersion(req))),
    );
    app.delete(
      '/milestones/:id',
      { schema: { tags: ['plans'], summary: 'Delete a milestone (reopens an approved plan)', params: IdParamsSchema } },
      async (req, reply) => {
        await milestones.remove(req.requireActor(), req.params.id);
        return deleted(reply);
      },
    );

    app.get(
      '/requirements',
      {
        schema: {
          tags: ['plans'],
          summary: 'A project’s requirements with history',
          querystring: ProjectChildQuerySchema,
          response: { 200: pageOf(RequirementSchema) },
        },
      },
      async (req) => requirements.list(req.requireActor(), req.query.projectId),
    );
    app.post(
      '/requirements',
      {
        schema: { tags: ['plans'], summary: 'Propose a requirement', body: RequirementCreateSchema, response: { 201: RequirementSchema } },
      },
      async (req, reply) => reply.code(201).send(await requirements.create(req.requireActor(), req.body)),
    );
    app.get(
      '/requirements/:id',
      { schema: { tags: ['plans'], summary: 'One requirement', params: IdParamsSchema, response: { 200: RequirementSchema } } },
      async (req, reply) => withEtag(reply, await requirements.get(req.requireActor(), req.params.id)),
    );
    app.patch(
      '/requirements/:id',
      {
        schema: {
          tags: ['plans'],
          summary: 'Change a requirement; an agreed one becomes a change request',
          params: IdParamsSchema,
          body: RequirementUpdateSchema,
          response: { 200: RequirementSchema },
        },
      },
      async (req, reply) => withEtag(reply, await requirements.update(req.requireActor(), req.params.id, req.body, expectedVersion(req))),
    );
    app.delete(
      '/requirements/:id',
      { schema: { tags: ['plans'], summary: 'Delete a requirement that is not agreed', params: IdParamsSchema } },
      async (req, reply) => {
        await requirements.remove(req.requireActor(), req.params.id);
        return deleted(reply);
      },
    );
    for (const [path, decision] of [
      ['agree', 'agreed'],
      ['reject', 'rejected'],
    ] as const) {
      app.post(
        `/requirements/:id/${path}`,
        {
          schema: {
            tags: ['plans'],
            summary: `Record that the client ${decision} it`,
            params: IdParamsSchema,
            body: RequirementDecisionSchema,
            response: { 200: RequirementSchema },
          },
        },
        async (req) => requirements.decide(req.requireActor(), req.params.id, decision, req.body.note, expectedVersion(req)),
      );
    }

    app.get(
      '/projects/:id/brief',
      {
        schema: {
          tags: ['plans'],
          summary: 'The project brief with answers and what is missing',
          params: IdParamsSchema,
          response: { 200: BriefSchema },
        },
      },
      async (req) => briefs.get(req.requireActor(), req.params.id),
    );
    app.put(
      '/projects/:id/brief/answers',
      {
        schema: {
          tags: ['plans'],
          summary: 'Answer brief questions',
          params: IdParamsSchema,
          body: BriefAnswersSchema,
          response: { 200: BriefSchema },
        },
      },
      async (req) => briefs.answer(req.requireActor(), req.params.id, req.body.answers),
    );
    app.post(
      '/projects/:id/brief/submit',
      {
        schema: {
          tags: ['plans'],
          summary: 'Send the brief as complete: every question answered; once only (409 otherwise)',
          params: IdParamsSchema,
          response: { 200: BriefSchema },
        },
      },
      async (req) => briefs.submit(req.requireActor(), req.params.id),
    );
    app.post(
      '/projects/:id/plan/submit',
      {
        schema: {
          tags: ['projects'],
          summary: 'Send the work plan to the client for approval',
          params: IdParamsSchema,
          response: { 200: ProjectSchema },
        },
      },
      async (req) => plans.submit(req.requireActor(), req.params.id),
    );
    app.post(
      '/projects/:id/remind-client',
      {
        schema: {
          tags: ['projects'],
          summary: 'Email the client’s portal contacts what in the project waits for their approval (once a day)',
          params: IdParamsSchema,
          response: { 200: ClientReminderSchema },
        },
      },
      async (req) => reminders.remind(req.requireActor(), req.params.id),
    );
    app.post(
      '/projects/:id/plan/approve',
      {
        schema: {
          tags: ['projects'],
          summary: 'Approve the plan: a client user, or the manager on the client’s behalf with a note',
          params: IdParamsSchema,
          body: PlanApproveSchema,
          response: { 200: ProjectSchema },
        },
      },
      async (req) => plans.approve(req.requireActor(), req.params.id, req.body.note),
    );
    app.post(
      '/projects/:id/plan/request-changes',
      {
        schema: {
          tags: ['projects'],
          summary: 'Send the submitted plan back with what to change; it waits for the manager to submit it again',
          params: IdParamsSchema,
          body: PlanChangesRequestSchema,
          response: { 200: ProjectSchema },
        },
      },
      async (req) => plans.requestChanges(req.requireActor(), req.params.id, req.body.comment),
    );
  };
