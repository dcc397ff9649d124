/** The administrator the journeys' server is started with (ADMIN_EMAIL/ADMIN_PASSWORD); defined once. */
export const ADMIN = { email: 'admin@example.test', password: 'Steady-Lantern-Orbit-42' };
