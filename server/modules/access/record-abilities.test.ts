import { describe, expect, it } from 'vitest';
import { VIEWERS } from '../../test/world.js';
import { ALL, readByUrl, useAbilityWorld } from './record-abilities.world.js';
import { abilityResources } from './record-abilities.resources.js';

/*
 * Every record carries `can`: what the caller may do with it. For each kind of record and
 * each point of view of the access world, the flags must be what the rules say, and the API
 * must agree with them: an action flagged true succeeds, one flagged false is refused.
 */

const ctx = useAbilityWorld();
const RESOURCES = abilityResources(ctx);

describe.each(RESOURCES)('$name', (r) => {
  const cases = VIEWERS.flatMap((viewer) =>
    ALL(r).map((action) => ({ viewer, action, allowed: r.allowed[viewer]?.includes(action) ?? false })),
  );

  it.each(cases)('$viewer: can.$action is $allowed, and the API agrees', async ({ viewer, action, allowed }) => {
    const target = await r.fresh(action);
    const can = await (r.read ?? readByUrl)(ctx.w.as[viewer], target);
    if (can) expect(Object.keys(can).sort()).toEqual(ALL(r).sort());
    expect(can?.[action] ?? false).toBe(allowed);
    const res = await r.actions[action](ctx.w.as[viewer], target);
    if (allowed) {
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(200);
      expect(res.statusCode, res.body).toBeLessThan(300);
    } else {
      // Refused for who they are (never for the record's state, which allows the action here).
      expect([400, 403, 404], res.body).toContain(res.statusCode);
    }
  });

  it.each([...VIEWERS])('%s: a list shows the same abilities as the single read', async (viewer) => {
    const target = await r.fresh(ALL(r)[0]);
    const single = await (r.read ?? readByUrl)(ctx.w.as[viewer], target);
    expect(await r.listed(ctx.w.as[viewer], target)).toEqual(single);
  });
});
