/** The signed-in user's two-factor sign-in and the agency's sign-in policy. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { RecoveryCodes, SecuritySettings, TwoFactorEnrolment, TwoFactorProof, TwoFactorStatus } from '@common/schemas/two-factor';
import { api } from '../../api/client';
import { meQuery } from '../auth/session';

export const twoFactorQuery = queryOptions({
  queryKey: ['two-factor'],
  queryFn: () => api.get<TwoFactorStatus>('/auth/two-factor'),
});

export const securitySettingsQuery = queryOptions({
  queryKey: ['settings', 'security'],
  queryFn: () => api.get<SecuritySettings>('/settings/security'),
});

/** After two-factor changes, the status and the signed-in user (who may now use every page) are stale. */
function useRefreshStatus() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries(twoFactorQuery), queryClient.invalidateQueries(meQuery)]);
}

export const useStartEnrolment = () => useMutation({ mutationFn: () => api.post<TwoFactorEnrolment>('/auth/two-factor/enrolment') });

export function useConfirmEnrolment() {
  const refresh = useRefreshStatus();
  return useMutation({
    mutationFn: (code: string) => api.post<RecoveryCodes>('/auth/two-factor/enrolment/confirm', { code }),
    onSuccess: refresh,
  });
}

export function useRegenerateCodes() {
  const refresh = useRefreshStatus();
  return useMutation({
    mutationFn: (proof: TwoFactorProof) => api.post<RecoveryCodes>('/auth/two-factor/recovery-codes', proof),
    onSuccess: refresh,
  });
}

export function useDisableTwoFactor() {
  const refresh = useRefreshStatus();
  return useMutation({
    mutationFn: (proof: TwoFactorProof) => api.post<void>('/auth/two-factor/disable', proof),
    onSuccess: refresh,
  });
}

export function useUpdateSecuritySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: SecuritySettings) => api.patch<SecuritySettings>('/settings/security', settings),
    onSuccess: (settings) => queryClient.setQueryData(securitySettingsQuery.queryKey, settings),
  });
}
