import { defineModule, type ModuleContext } from '../module.js';
import type { SettingsService } from '../settings/index.js';
import { userRoutes } from './user.routes.js';
import { UserService, type ContactLink } from './user.service.js';
import { UserPhotoService } from './user-photo.service.js';

export type { UserService, ContactLink } from './user.service.js';
export type { PhotoFile, UserPhotoService } from './user-photo.service.js';
export type { CredentialsListener, ClientEnrolment } from './user.credentials.js';
export type { UserRow } from './user.presenter.js';
export { hashPassword, verifyPassword } from './password.js';
export { assertPasswordAllowed, parseAdminInput } from './password-policy.js';

/** Staff and client users. */
export function createUsersModule(ctx: ModuleContext, deps: { settings: SettingsService; contactLink: ContactLink }) {
  const users = new UserService(ctx.db, ctx.clock, deps.settings, deps.contactLink);
  const photos = new UserPhotoService(ctx.db, ctx.clock);
  return defineModule({ users, photos, routes: userRoutes(users, photos) });
}
