import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AgencyDetails, AgencyDetailsUpdate } from '../../../common/schemas/agency.js';
import type { Language } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { preconditionFailed } from '../../lib/errors.js';
import { assertAdmin, assertStaff, isAdmin, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { SettingsService } from '../settings/index.js';
import { acceptLogo, type StoredLogo } from './agency.logo.js';

const DETAILS_KEY = 'agency.details';
const LOGO_KEY = 'agency.logo';

const LOCALIZED = ['legalName', 'address', 'bankDetails', 'signatoryName', 'signatoryTitle'] as const;
const PLAIN = ['name', 'taxId', 'registrationId', 'email', 'phone', 'website'] as const;

type Localized = { en: string | null; ru: string | null };
const LocalizedStored = z.object({ en: z.string().nullable(), ru: z.string().nullable() });
const StoredDetails = z.object({
  version: z.number().int(),
  ...Object.fromEntries(PLAIN.map((k) => [k, z.string().nullable()])),
  ...Object.fromEntries(LOCALIZED.map((k) => [k, LocalizedStored])),
}) as unknown as z.ZodType<Omit<AgencyDetails, 'logo' | 'can'>>;
const StoredLogoSchema = z.object({
  contentType: z.enum(['image/png', 'image/jpeg']),
  base64: z.string(),
  sha256: z.string(),
  byteSize: z.number().int(),
  updatedAt: z.string(),
});

const EMPTY: Omit<AgencyDetails, 'logo' | 'can'> = {
  version: 0,
  ...(Object.fromEntries(PLAIN.map((k) => [k, null])) as Record<(typeof PLAIN)[number], null>),
  ...(Object.fromEntries(LOCALIZED.map((k) => [k, { en: null, ru: null }])) as Record<(typeof LOCALIZED)[number], Localized>),
};

/** The agency as one document names it, in the document's language (the other language when one is blank). */
export interface AgencyParty {
  name: string;
  legalName: string;
  address: string | null;
  taxId: string | null;
  registrationId: string | null;
  bankDetails: string | null;
  signatoryName: string | null;
  signatoryTitle: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  logo: { contentType: string; base64: string } | null;
}

const pick = (v: Localized, language: Language) => v[language] ?? v[language === 'ru' ? 'en' : 'ru'];

/**
 * The agency's details that paperwork prints (legal name, address, ids, bank details,
 * signatory, logo), kept in the settings store with a version for If-Match. Staff read them;
 * only admins change them.
 */
export class AgencyService {
  constructor(
    private readonly db: Database,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  private stored(trx: Kysely<DB> = this.db) {
    return this.settings.get(DETAILS_KEY, StoredDetails, EMPTY, trx);
  }

  private storedLogo(trx: Kysely<DB> = this.db): Promise<StoredLogo | null> {
    return this.settings.get(LOGO_KEY, StoredLogoSchema.nullable(), null, trx);
  }

  private async present(actor: Actor, trx: Kysely<DB> = this.db): Promise<AgencyDetails> {
    const logo = await this.storedLogo(trx);
    return {
      ...(await this.stored(trx)),
      logo: logo && { contentType: logo.contentType, byteSize: logo.byteSize, sha256: logo.sha256, updatedAt: logo.updatedAt },
      can: { update: isAdmin(actor) },
    };
  }

  async get(actor: Actor): Promise<AgencyDetails> {
    assertStaff(actor);
    return this.present(actor);
  }

  async update(actor: Actor, changes: z.output<z.ZodType<AgencyDetailsUpdate>>, expected?: number): Promise<AgencyDetails> {
    assertAdmin(actor);
    return this.db.transaction().execute(async (t) => {
      const before = await this.stored(t);
      if (expected !== undefined && expected !== before.version) throw preconditionFailed();
      const after = { ...before, version: before.version + 1 } as Record<string, unknown>;
      for (const key of PLAIN) if (changes[key] !== undefined) after[key] = changes[key] ?? null;
      for (const key of LOCALIZED) {
        const c = changes[key];
        if (c) after[key] = { ...before[key], ...Object.fromEntries(Object.entries(c).map(([l, v]) => [l, v ?? null])) };
      }
      await this.settings.set(DETAILS_KEY, after, t);
      await this.audit(t, actor, before, after);
      return this.present(actor, t);
    });
  }

  /** Replaces the logo after checking it by content; an SVG is stored as a PNG drawn from it. */
  async setLogo(actor: Actor, bytes: Buffer): Promise<AgencyDetails> {
    assertAdmin(actor);
    const now = this.clock.now().toISOString();
    const logo = await acceptLogo(bytes, now);
    return this.db.transaction().execute(async (t) => {
      const before = await this.storedLogo(t);
      await this.settings.set(LOGO_KEY, logo, t);
      await this.audit(t, actor, { logo: before?.sha256 ?? null }, { logo: logo.sha256 });
      return this.present(actor, t);
    });
  }

  async removeLogo(actor: Actor): Promise<void> {
    assertAdmin(actor);
    await this.db.transaction().execute(async (t) => {
      const before = await this.storedLogo(t);
      await this.settings.set(LOGO_KEY, null, t);
      await this.audit(t, actor, { logo: before?.sha256 ?? null }, { logo: null });
    });
  }

  /** The logo's bytes for staff (the details page shows it). */
  async logo(actor: Actor): Promise<{ contentType: string; bytes: Buffer } | null> {
    assertStaff(actor);
    const logo = await this.storedLogo();
    return logo && { contentType: logo.contentType, bytes: Buffer.from(logo.base64, 'base64') };
  }

  /** The agency as a document in `language` names it (no access check: callers already decided the document). */
  async party(language: Language, trx: Kysely<DB> = this.db): Promise<AgencyParty> {
    const d = await this.stored(trx);
    const logo = await this.storedLogo(trx);
    const legalName = pick(d.legalName, language);
    return {
      name: d.name ?? legalName ?? 'Agency',
      legalName: legalName ?? d.name ?? 'Agency',
      address: pick(d.address, language),
      taxId: d.taxId,
      registrationId: d.registrationId,
      bankDetails: pick(d.bankDetails, language),
      signatoryName: pick(d.signatoryName, language),
      signatoryTitle: pick(d.signatoryTitle, language),
      email: d.email,
      phone: d.phone,
      website: d.website,
      logo: logo && { contentType: logo.contentType, base64: logo.base64 },
    };
  }

  /** How clients pay, in `language`: only what the agency filled in (no placeholder name). */
  async payment(language: Language): Promise<{
    payee: string | null;
    bankDetails: string | null;
    taxId: string | null;
    registrationId: string | null;
    address: string | null;
  }> {
    const d = await this.stored();
    return {
      payee: pick(d.legalName, language) ?? d.name,
      bankDetails: pick(d.bankDetails, language),
      taxId: d.taxId,
      registrationId: d.registrationId,
      address: pick(d.address, language),
    };
  }

  private audit(t: Kysely<DB>, actor: Actor, before: object, after: object) {
    return recordAudit(t, {
      actorId: actor.id,
      recordType: 'settings',
      recordId: 'agency',
      action: 'update',
      before: before as Record<string, unknown>,
      after: after as Record<string, unknown>,
      at: this.clock.now().toISOString(),
    });
  }
}
