/** Imports: upload with preview, changing how the file is read, the background run and undo. */
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Import, ImportEntity, ImportOptions, ImportPreview } from '@common/schemas/import';
import { api, ApiError } from '../../api/client';
import { parseProblem } from '../../api/errors';

/** Sends the file as multipart (the fields first, then the file, as the server reads them). */
async function upload(entity: ImportEntity, file: File, options: ImportOptions): Promise<ImportPreview> {
  const form = new FormData();
  form.append('entity', entity);
  if (options.duplicatePolicy) form.append('duplicatePolicy', options.duplicatePolicy);
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch('/api/v1/imports', {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch (cause) {
    throw new ApiError({ status: 0, title: 'Network error', detail: String(cause) });
  }
  if (!response.ok) throw await parseProblem(response);
  return (await response.json()) as ImportPreview;
}

export const useUploadImport = () =>
  useMutation({ mutationFn: (v: { entity: ImportEntity; file: File; options: ImportOptions }) => upload(v.entity, v.file, v.options) });

export const useUpdateImport = (id: string) =>
  useMutation({ mutationFn: (options: ImportOptions) => api.patch<ImportPreview>(`/imports/${id}`, options) });

export const useCommitImport = (id: string) => useMutation({ mutationFn: () => api.post<Import>(`/imports/${id}/commit`) });

export const useUndoImport = (id: string) => useMutation({ mutationFn: () => api.post<Import>(`/imports/${id}/undo`) });

/** The import's state, asked again every second while it runs. */
export const useImportProgress = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ['imports', id],
    queryFn: () => api.get<Import>(`/imports/${id}`),
    enabled,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return !status || status === 'queued' || status === 'running' ? 1000 : false;
    },
  });

export const errorReportUrl = (id: string) => `/api/v1/imports/${id}/errors.csv`;
