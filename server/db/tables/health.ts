import type { HealthGrade } from '../../../common/schemas/health.js';

/** One account's health on one agency day (migration 0038_health). */
export interface HealthSnapshotsTable {
  account_id: string;
  day: string;
  score: number | null;
  grade: HealthGrade | null;
  components: string; // JSON: StoredComponent[]
  created_at: string;
}

export interface HealthTables {
  health_snapshots: HealthSnapshotsTable;
}
