import type { Readable } from 'node:stream';
import { ZipArchive } from 'archiver';
import type { ContactErased } from '../../../common/schemas/privacy.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { assertAdmin, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { collectPersonalData, contactSubject, type DataSubject, type PersonalData } from './privacy.collect.js';
import { eraseContact } from './privacy.erase.js';

/** A personal-data archive ready to stream: its file name and the zip as it is written. */
export interface PersonalDataArchive {
  fileName: string;
  stream: Readable;
}

/** Export and erasure of what the agency holds about a person (admins only, every request audited). */
export class PrivacyService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async exportContact(actor: Actor, contactId: string): Promise<PersonalDataArchive> {
    assertAdmin(actor);
    const contact = await this.db.selectFrom('contacts').select(['id', 'email']).where('id', '=', contactId).executeTakeFirst();
    if (!contact) throw notFound('contact');
    return this.archive(actor, 'contact', contactId, await contactSubject(this.db, contact));
  }

  /** A client (portal) user's own data: what they wrote, signed and did; staff are not data subjects here. */
  async exportUser(actor: Actor, userId: string): Promise<PersonalDataArchive> {
    assertAdmin(actor);
    const user = await this.db.selectFrom('users').select(['id', 'email', 'role']).where('id', '=', userId).executeTakeFirst();
    if (!user) throw notFound('user');
    if (user.role !== 'client') throw badRequest('privacy.not_client_user');
    return this.archive(actor, 'user', userId, { contactIds: [], userIds: [user.id], emails: [user.email.toLowerCase()] });
  }

  async erase(actor: Actor, contactId: string, confirm: string): Promise<ContactErased> {
    assertAdmin(actor);
    return this.db.transaction().execute(async (t) => {
      const contact = await t
        .selectFrom('contacts')
        .select(['id', 'first_name', 'last_name', 'email', 'phone'])
        .where('id', '=', contactId)
        .executeTakeFirst();
      if (!contact) throw notFound('contact');
      const erased = await t.selectFrom('contact_erasures').select('contact_id').where('contact_id', '=', contactId).executeTakeFirst();
      if (erased) throw conflict('privacy.already_erased');
      const who = await contactSubject(t, contact);
      return eraseContact(t, contact, who, confirm, actor.id, this.clock.now().toISOString());
    });
  }

  private async archive(actor: Actor, kind: 'contact' | 'user', id: string, who: DataSubject): Promise<PersonalDataArchive> {
    const data = await collectPersonalData(this.db, who);
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute((t) =>
      recordAudit(t, {
        actorId: actor.id,
        recordType: 'personal_data_export',
        recordId: id,
        action: 'create',
        after: { subject: kind, files: data.files.length },
        at,
      }),
    );
    return { fileName: `personal-data-${kind}-${id}.zip`, stream: this.zip(data, { subject: kind, id, exportedAt: at }) };
  }

  /** The zip, written as it is read: the JSON first, then each stored file loaded only when its turn comes. */
  private zip(data: PersonalData, about: Record<string, string>): Readable {
    const zip = new ZipArchive({ zlib: { level: 6 } });
    zip.append(JSON.stringify({ ...about, ...data.records }, null, 2), { name: 'personal-data.json' });
    void (async () => {
      try {
        for (const file of data.files) zip.append(await file.load(this.db), { name: file.name });
        await zip.finalize();
      } catch (error) {
        zip.destroy(error as Error);
      }
    })();
    return zip;
  }
}
