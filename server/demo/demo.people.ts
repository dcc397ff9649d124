import type { Role } from '../../common/enums.js';
import type { Actor } from '../modules/access/index.js';
import type { Services } from '../composition.js';

/** Every demo user signs in with this password (shown by the seed command and the README). */
export const DEMO_PASSWORD = 'Liaison-Demo-2026';

const STAFF: { email: string; name: string; role: Role; specialties?: string[]; capacity?: number }[] = [
  { email: 'admin@demo.liaison.test', name: 'Alex Admin', role: 'admin' },
  { email: 'anna@demo.liaison.test', name: 'Anna Petrova', role: 'account_manager' },
  { email: 'ben@demo.liaison.test', name: 'Ben Carter', role: 'account_manager' },
  { email: 'maria@demo.liaison.test', name: 'Мария Соколова', role: 'account_manager' },
  { email: 'fiona@demo.liaison.test', name: 'Fiona Finance', role: 'finance' },
  { email: 'sam.seo@demo.liaison.test', name: 'Sam Ortiz', role: 'specialist', specialties: ['seo'] },
  { email: 'olga.seo@demo.liaison.test', name: 'Ольга Лебедева', role: 'specialist', specialties: ['seo', 'analytics'], capacity: 30 },
  { email: 'chloe.copy@demo.liaison.test', name: 'Chloe Wright', role: 'specialist', specialties: ['copywriter'] },
  { email: 'ivan.ux@demo.liaison.test', name: 'Иван Морозов', role: 'specialist', specialties: ['usability'] },
  { email: 'priya.data@demo.liaison.test', name: 'Priya Nair', role: 'specialist', specialties: ['analytics'], capacity: 32 },
  { email: 'tom.ads@demo.liaison.test', name: 'Tom Becker', role: 'specialist', specialties: ['context_ads'] },
  { email: 'lena.design@demo.liaison.test', name: 'Елена Кузнецова', role: 'specialist', specialties: ['designer'] },
  { email: 'dev@demo.liaison.test', name: 'Diego Alvarez', role: 'specialist', specialties: ['developer'] },
];

export interface DemoPeople {
  admin: Actor;
  managers: Actor[];
  finance: Actor;
  specialists: { actor: Actor; role: string }[];
}

/** Creates the agency's staff through the user service (hashed passwords, audit entries). */
export async function createStaff(services: Services): Promise<DemoPeople> {
  const people: DemoPeople = { admin: undefined!, managers: [], finance: undefined!, specialists: [] };
  for (const s of STAFF) {
    const user = await services.users.create(null, {
      email: s.email,
      name: s.name,
      role: s.role,
      password: DEMO_PASSWORD,
      specialties: s.specialties ?? [],
      language: /[а-я]/i.test(s.name) ? 'ru' : 'en',
    });
    const actor: Actor = { id: user.id, role: s.role, accountId: null };
    if (s.capacity)
      await services.users.update(actor.role === 'admin' ? actor : people.admin, user.id, { capacityHoursPerWeek: s.capacity });
    if (s.role === 'admin') people.admin = actor;
    if (s.role === 'account_manager') people.managers.push(actor);
    if (s.role === 'finance') people.finance = actor;
    if (s.role === 'specialist') people.specialists.push({ actor, role: s.specialties![0] });
  }
  return people;
}

/** A portal login for a client contact. */
export async function createClientUser(services: Services, admin: Actor, contactId: string, email: string, name: string) {
  return services.users.create(admin, { email, name, role: 'client', password: DEMO_PASSWORD, contactId });
}
