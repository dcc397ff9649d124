/** The service catalog: the list, the editor's defaults, and the writes (admins). */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { CatalogDefaults, Service, ServiceCreate, ServiceUpdate } from '@common/schemas/service';
import { api } from '../../api/client';

/** The agency's language and currency, and the roles template tasks may name. */
export const catalogDefaultsQuery = queryOptions({
  queryKey: ['services', 'defaults'],
  queryFn: () => api.get<CatalogDefaults>('/services/defaults'),
  staleTime: 5 * 60_000,
});

/** Adds a service, or changes one against the version shown (a stale change answers 412 instead of overwriting). */
export function useSaveService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ service, body }: { service?: Service; body: ServiceCreate | ServiceUpdate }) =>
      service ? api.patch<Service>(`/services/${service.id}`, body, service.version) : api.post<Service>('/services', body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['services', 'list'] }),
  });
}

/** Takes a service out of the catalog or puts it back. */
export function useSetServiceActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ service, active }: { service: Service; active: boolean }) =>
      api.post<Service>(`/services/${service.id}/${active ? 'reactivate' : 'deactivate'}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['services', 'list'] }),
  });
}
