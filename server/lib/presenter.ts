/** The fields every versioned record shows, from its row. */
export const recordMeta = (r: { id: string; version: number; created_at: string; updated_at: string }) => ({
  id: r.id,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
