/** Column types of the two-factor sign-in tables (migration 0004_two_factor). */

export interface TwoFactorCredentialsTable {
  user_id: string;
  secret: string; // base32 TOTP secret; never logged, never sent after enrolment
  created_at: string;
  confirmed_at: string | null; // null while enrolment waits for the first code
  last_time_step: number | null; // replay protection: the last accepted TOTP step
}

export interface TwoFactorRecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string; // sha-256 of the normalised code
  created_at: string;
  used_at: string | null;
}

export interface LoginChallengesTable {
  id: string; // sha-256 of the challenge cookie
  user_id: string;
  created_at: string;
  expires_at: string;
  attempts: number;
}

export interface AuthTables {
  two_factor_credentials: TwoFactorCredentialsTable;
  two_factor_recovery_codes: TwoFactorRecoveryCodesTable;
  login_challenges: LoginChallengesTable;
}
