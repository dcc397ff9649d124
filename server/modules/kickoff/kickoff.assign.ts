import type { Candidate } from './kickoff.repository.js';

/**
 * Gives each task of a role to the specialist of that role with the fewest open tasks (ties by
 * name, then id), counting the tasks given so far, so a plan's work spreads over the team.
 */
export class RoleAssigner {
  private readonly load: Map<string, number>;

  constructor(private readonly candidates: readonly Candidate[]) {
    this.load = new Map(candidates.map((c) => [c.id, c.openTasks]));
  }

  /** The specialist for the next task of `role`, or null when nobody has that role. */
  next(role: string): Candidate | null {
    let best: Candidate | null = null;
    for (const c of this.candidates) {
      if (!c.specialties.includes(role)) continue;
      if (!best || this.before(c, best)) best = c;
    }
    if (best) this.load.set(best.id, this.load.get(best.id)! + 1);
    return best;
  }

  private before(a: Candidate, b: Candidate): boolean {
    const la = this.load.get(a.id)!;
    const lb = this.load.get(b.id)!;
    if (la !== lb) return la < lb;
    const byName = a.name.localeCompare(b.name);
    return byName !== 0 ? byName < 0 : a.id < b.id;
  }
}
