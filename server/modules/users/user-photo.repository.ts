import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB, UserPhotosTable } from '../../db/schema.js';
import type { StoredImage } from '../../lib/image-upload.js';

export type UserPhotoRow = Selectable<UserPhotosTable>;

/** The `user_photos` table: one photo per user at most. */
export class UserPhotoRepository {
  constructor(private readonly db: Database) {}

  find(userId: string, trx: Kysely<DB> = this.db): Promise<UserPhotoRow | undefined> {
    return trx.selectFrom('user_photos').selectAll().where('user_id', '=', userId).executeTakeFirst();
  }

  /** The hash of each photo these users have, in one query (a page of users, the signed-in one). */
  async versions(userIds: readonly string[], trx: Kysely<DB> = this.db): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows = await trx.selectFrom('user_photos').select(['user_id', 'sha256']).where('user_id', 'in', userIds).execute();
    return new Map(rows.map((r) => [r.user_id, r.sha256]));
  }

  async put(trx: Kysely<DB>, userId: string, photo: StoredImage): Promise<void> {
    await trx.deleteFrom('user_photos').where('user_id', '=', userId).execute();
    await trx
      .insertInto('user_photos')
      .values({ user_id: userId, content_type: photo.contentType, base64: photo.base64, sha256: photo.sha256, updated_at: photo.updatedAt })
      .execute();
  }

  async remove(trx: Kysely<DB>, userId: string): Promise<void> {
    await trx.deleteFrom('user_photos').where('user_id', '=', userId).execute();
  }
}
