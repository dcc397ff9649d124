import { USER_PHOTO_MAX_BYTES } from '../../../common/schemas/user.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { notFound } from '../../lib/errors.js';
import { acceptImage } from '../../lib/image-upload.js';
import { assertMayChangePhoto, isStaff, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { UserPhotoRepository } from './user-photo.repository.js';
import { UserRepository } from './user.repository.js';

/** A photo's bytes as served. */
export interface PhotoFile {
  contentType: string;
  bytes: Buffer;
  sha256: string;
}

/**
 * Users' photos: a user sets or removes their own, an admin anyone's; staff see every photo,
 * anyone their own. A client sees only their manager's, through the portal, which asks with `photoOf`.
 */
export class UserPhotoService {
  private readonly repo: UserPhotoRepository;
  private readonly users: UserRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {
    this.repo = new UserPhotoRepository(db);
    this.users = new UserRepository(db);
  }

  /** Replaces the photo after checking it by content (PNG or JPEG only). */
  async set(actor: Actor, userId: string, bytes: Buffer): Promise<void> {
    await this.assertMayChange(actor, userId);
    const now = this.clock.now().toISOString();
    const photo = await acceptImage(bytes, now, {
      maxBytes: USER_PHOTO_MAX_BYTES,
      tooLarge: 'user.photo_too_large',
      wrongType: 'user.photo_type',
      unreadable: 'user.photo_unreadable',
    });
    await this.db.transaction().execute(async (t) => {
      const before = await this.repo.find(userId, t);
      await this.repo.put(t, userId, photo);
      await this.audit(t, actor, userId, before?.sha256 ?? null, photo.sha256, now);
    });
  }

  async remove(actor: Actor, userId: string): Promise<void> {
    await this.assertMayChange(actor, userId);
    const now = this.clock.now().toISOString();
    await this.db.transaction().execute(async (t) => {
      const before = await this.repo.find(userId, t);
      if (!before) return;
      await this.repo.remove(t, userId);
      await this.audit(t, actor, userId, before.sha256, null, now);
    });
  }

  /** A user's photo for staff and for the user themself; anyone else is told there is none, so no photo gives a user away. */
  async photo(actor: Actor, userId: string): Promise<PhotoFile> {
    if (!isStaff(actor) && actor.id !== userId) throw notFound('record');
    const file = await this.photoOf(userId);
    if (!file) throw notFound('record');
    return file;
  }

  /** The hash of each photo these users have (no access check, no bytes): what makes a photo's address change. */
  versionsOf(userIds: readonly string[]): Promise<Map<string, string>> {
    return this.repo.versions(userIds);
  }

  /** A photo without an access check: the caller (the portal) has decided who may see it. */
  async photoOf(userId: string): Promise<PhotoFile | null> {
    const row = await this.repo.find(userId);
    return row ? { contentType: row.content_type, bytes: Buffer.from(row.base64, 'base64'), sha256: row.sha256 } : null;
  }

  private async assertMayChange(actor: Actor, userId: string): Promise<void> {
    assertMayChangePhoto(actor, userId);
    if (!(await this.users.findById(userId))) throw notFound('user');
  }

  private audit(
    t: Parameters<typeof recordAudit>[0],
    actor: Actor,
    userId: string,
    before: string | null,
    after: string | null,
    at: string,
  ) {
    return recordAudit(t, {
      actorId: actor.id,
      recordType: 'user',
      recordId: userId,
      action: 'update',
      before: { photo: before },
      after: { photo: after },
      at,
    });
  }
}
