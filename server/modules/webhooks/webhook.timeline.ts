import type { TimelineEventInput } from '../timeline/index.js';
import type { WebhookEventInput } from './webhook.outbox.js';

type Data = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));

/**
 * The webhook events a timeline event stands for: most changes already record one in their
 * transaction, so the outbox row is written in that same transaction. Kinds no event type
 * describes answer none.
 */
export function webhookEventsOf(e: TimelineEventInput): WebhookEventInput[] {
  const d: Data = e.data ?? {};
  const on = { accountId: e.accountId, actorId: e.actorId };
  const at = e.occurredAt;
  switch (e.kind) {
    case 'account_created':
      return [{ type: 'account.created', occurredAt: at, data: { ...on, name: str(d.name) } }];
    case 'contact_added':
      return [{ type: 'contact.created', occurredAt: at, data: { ...on, contactId: str(d.contactId), name: str(d.name) } }];
    case 'project_created':
      return [{ type: 'project.created', occurredAt: at, data: { ...on, projectId: str(d.projectId), name: str(d.name) } }];
    case 'stage_changed':
      return [
        {
          type: 'project.stage_changed',
          occurredAt: at,
          data: { ...on, projectId: str(d.projectId), name: str(d.name), from: str(d.from), to: str(d.to) },
        },
      ];
    case 'invoice_issued':
      return [
        {
          type: 'invoice.issued',
          occurredAt: at,
          data: {
            ...on,
            invoiceId: str(d.invoiceId),
            number: str(d.number),
            totalMinor: num(d.totalMinor),
            currency: str(d.currency),
            dueDate: strOrNull(d.dueDate),
          },
        },
      ];
    case 'payment_recorded': {
      const invoice = { invoiceId: str(d.invoiceId), number: str(d.number), currency: str(d.currency), paidOn: str(d.paidOn) };
      const payment: WebhookEventInput = {
        type: 'payment.recorded',
        occurredAt: at,
        data: { ...on, ...invoice, paymentId: str(d.paymentId), amountMinor: num(d.amountMinor), fully: d.fully === true },
      };
      return d.fully === true ? [payment, { type: 'invoice.paid', occurredAt: at, data: { ...on, ...invoice } }] : [payment];
    }
    case 'document_signed':
      return [
        {
          type: 'document.signed',
          occurredAt: at,
          data: {
            ...on,
            documentId: str(d.documentId),
            kind: str(d.kind),
            number: strOrNull(d.number),
            via: d.via === 'paper' ? 'paper' : 'portal',
          },
        },
      ];
    case 'deal_created':
      return [{ type: 'deal.created', occurredAt: at, data: { ...on, dealId: str(d.dealId), title: str(d.title), stage: str(d.to) } }];
    case 'deal_stage_changed': {
      const deal = { ...on, dealId: str(d.dealId), title: str(d.title), from: str(d.from), note: strOrNull(d.note) };
      if (d.to === 'won') return [{ type: 'deal.won', occurredAt: at, data: deal }];
      if (d.to === 'lost') return [{ type: 'deal.lost', occurredAt: at, data: { ...deal, lostReason: strOrNull(d.lostReason) } }];
      return [];
    }
    case 'claim_registered':
      return [
        {
          type: 'claim.opened',
          occurredAt: at,
          data: {
            ...on,
            claimId: str(d.claimId),
            category: str(d.category),
            severity: str(d.severity),
            source: str(d.source),
            projectId: strOrNull(d.projectId),
          },
        },
      ];
    case 'survey_answered':
      return [
        {
          type: 'survey.answered',
          occurredAt: at,
          data: {
            ...on,
            surveyId: str(d.surveyId),
            kind: str(d.kind),
            score: num(d.score),
            comment: strOrNull(d.comment),
            projectId: strOrNull(d.projectId),
          },
        },
      ];
    default:
      return [];
  }
}
