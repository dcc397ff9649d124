import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { SCAN_MAX_BYTES, type Document } from '../../../common/schemas/document.js';
import type { Database } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, conflict, conflictIf } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { assertSpeaksForAccount, owningAccount, signatureRefusal, type Actor } from '../access/index.js';
import { updateVersioned } from '../audit/index.js';
import type { ClientNotifier } from '../notifications/index.js';
import type { TimelineLog } from '../timeline/index.js';
import type { DocumentPdfs } from './document.pdf.js';
import { DocumentRepository, type DocumentRow } from './document.repository.js';
import type { DocumentService } from './document.service.js';
import type { PdfModel } from './pdf.model.js';
import { withSignaturePage } from './signature.page.js';

/** Where a signature or a declination came from. */
export interface SignatureOrigin {
  ipAddress: string | null;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString('latin1') === '%PDF-';

/**
 * The client's answer to a sent contract, act or proposal. A client user of the document's
 * company signs it (typed full name and consent) or declines it (a reason); the manager may
 * instead record the signed paper copy by its scan. Signing keeps the sent version as it is
 * and adds a new frozen version: the sent content with a signature page appended (or the
 * scan), with its own SHA-256. Each step is in the document's history, the account's
 * timeline and the audit log, in the transaction that makes it.
 */
export class DocumentSigning {
  private readonly repo: DocumentRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly documents: DocumentService,
    private readonly pdfs: DocumentPdfs,
    private readonly timeline: TimelineLog,
    private readonly notifier: ClientNotifier,
  ) {
    this.repo = new DocumentRepository(db);
  }

  /** The document a client user may answer: 404 when they do not see it, 403 for anyone else, 409 when its state refuses. */
  private async answerable(actor: Actor, id: string, trx: Kysely<DB>): Promise<DocumentRow> {
    const row = await this.documents.readable(actor, id, trx);
    assertSpeaksForAccount(actor, owningAccount(row));
    conflictIf(signatureRefusal(row));
    return row;
  }

  async sign(actor: Actor, id: string, fullName: string, origin: SignatureOrigin): Promise<Document> {
    // The sent copy's bytes first (rendered now if the send's render failed), so the signature page can name them.
    const sent = (await this.repo.latestVersion((await this.answerable(actor, id, this.db)).id))!;
    await this.pdfs.frozen(sent.id);
    const versionId = await this.answering(actor, id, () =>
      this.db.transaction().execute(async (t) => {
        const row = await this.answerable(actor, id, t);
        const now = this.clock.now().toISOString();
        await this.markSigned(t, actor, row, { via: 'portal', name: fullName, ip: origin.ipAddress }, now);
        const latest = (await this.repo.latestVersion(id, t))!;
        const model = withSignaturePage(JSON.parse(latest.content) as PdfModel, {
          signerName: fullName,
          accountName: row.account_name,
          at: now,
          ipAddress: origin.ipAddress,
          number: row.number ?? row.id,
          sentSha256: latest.sha256,
        });
        return this.addVersion(t, actor, row, latest.seq + 1, 'signed', JSON.stringify(model), null, now);
      }),
    );
    await this.pdfs.frozen(versionId).catch(() => undefined);
    return this.documents.get(actor, id);
  }

  async decline(actor: Actor, id: string, reason: string, origin: SignatureOrigin): Promise<Document> {
    await this.answering(actor, id, () =>
      this.db.transaction().execute(async (t) => {
        const row = await this.answerable(actor, id, t);
        const now = this.clock.now().toISOString();
        await updateVersioned(t, {
          table: 'documents',
          id,
          version: row.version,
          set: {
            status: 'declined',
            declined_at: now,
            declined_by: actor.id,
            decliner_ip: origin.ipAddress,
            decline_reason: reason,
            updated_at: now,
          },
          audit: { actorId: actor.id, recordType: 'document', before: { status: row.status }, at: now },
          after: async () => ({ status: 'declined', declineReason: reason }),
        });
        await this.record(t, actor, row, 'declined', now, { reason });
      }),
    );
    return this.documents.get(actor, id);
  }

  /** The manager records that the client signed on paper: the scan (a PDF up to 10 MB) becomes the signed version. */
  async recordPaper(actor: Actor, id: string, signerName: string, scan: Buffer): Promise<Document> {
    if (scan.length > SCAN_MAX_BYTES) throw new AppError(413, 'document.scan_too_large', { maxMb: SCAN_MAX_BYTES / 1024 / 1024 });
    if (!isPdf(scan)) throw new AppError(415, 'document.scan_type');
    await this.answering(actor, id, () =>
      this.db.transaction().execute(async (t) => {
        const row = await this.documents.manageable(actor, id, t);
        conflictIf(signatureRefusal(row));
        const now = this.clock.now().toISOString();
        await this.markSigned(t, actor, row, { via: 'paper', name: signerName, ip: null }, now);
        const latest = (await this.repo.latestVersion(id, t))!;
        await this.addVersion(t, actor, row, latest.seq + 1, 'paper', JSON.stringify({ scan: true, signerName }), scan, now);
      }),
    );
    return this.documents.get(actor, id);
  }

  /**
   * Two answers at once: the one that lost finds the document changed under it (412). It is
   * told why it cannot answer now instead (409: already signed or declined).
   */
  private async answering<T>(actor: Actor, id: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (err instanceof AppError && err.status === 412) conflictIf(signatureRefusal(await this.documents.readable(actor, id)));
      throw err;
    }
  }

  private async markSigned(
    t: Kysely<DB>,
    actor: Actor,
    row: DocumentRow,
    s: { via: 'portal' | 'paper'; name: string; ip: string | null },
    now: string,
  ): Promise<void> {
    await updateVersioned(t, {
      table: 'documents',
      id: row.id,
      version: row.version,
      set: {
        status: 'signed',
        signed_at: now,
        signed_by: actor.id,
        signer_name: s.name,
        signer_ip: s.ip,
        signed_via: s.via,
        updated_at: now,
      },
      audit: { actorId: actor.id, recordType: 'document', before: { status: row.status }, at: now },
      after: async () => ({ status: 'signed', signerName: s.name, signedVia: s.via, signerIp: s.ip }),
    });
    await this.record(t, actor, row, s.via === 'portal' ? 'signed' : 'paper_signed', now, { signer: s.name });
  }

  /** Appends a frozen version; a scan comes with its bytes, a signed copy is rendered from its model after the commit. */
  private async addVersion(
    t: Kysely<DB>,
    actor: Actor,
    row: DocumentRow,
    seq: number,
    purpose: 'signed' | 'paper',
    content: string,
    pdf: Buffer | null,
    now: string,
  ): Promise<string> {
    const id = newId();
    await this.repo
      .insertVersion(t, {
        id,
        document_id: row.id,
        seq,
        purpose,
        content,
        pdf,
        sha256: pdf ? sha256(pdf) : null,
        byte_size: pdf?.length ?? null,
        created_by: actor.id,
        created_at: now,
      })
      .catch((err) => {
        // another answer took this place in the versions first
        if (isUniqueViolation(err)) throw conflict('document.changed_meanwhile');
        throw err;
      });
    return id;
  }

  /** The step in the document's history and on the account's timeline. */
  private async record(
    t: Kysely<DB>,
    actor: Actor,
    row: DocumentRow,
    kind: 'signed' | 'paper_signed' | 'declined',
    now: string,
    data: { signer?: string; reason?: string },
  ): Promise<void> {
    await this.repo.insertEvent(t, {
      id: newId(),
      document_id: row.id,
      kind,
      at: now,
      actor_id: actor.id,
      email_id: null,
      data: JSON.stringify(data),
    });
    await this.timeline.recordEvent(t, {
      accountId: row.account_id,
      kind: kind === 'declined' ? 'document_declined' : 'document_signed',
      actorId: actor.id,
      occurredAt: now,
      data: { documentId: row.id, kind: row.kind, number: row.number, ...data, via: kind === 'paper_signed' ? 'paper' : 'portal' },
    });
    await this.notifier.withdraw(t, { accountId: row.account_id, subjectId: row.id, kinds: ['document_signature'] });
  }
}
