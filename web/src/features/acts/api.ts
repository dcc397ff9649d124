/** Acts from delivered work, the client's answer to a sent document, the invoice from a signed act, and the account's chain. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActChainLink, ActCreate, ActPreview } from '@common/schemas/act';
import type { Document, DocumentDecline, DocumentSign } from '@common/schemas/document';
import type { Invoice } from '@common/schemas/invoice';
import { api } from '../../api/client';
import { uploadFile, useDocumentsChanged } from '../documents/api';

export type { ActChainLink, ActCreate, ActPreview };

export const actChainQuery = (accountId: string) =>
  queryOptions({
    queryKey: ['acts', accountId],
    queryFn: () => api.get<{ items: ActChainLink[] }>(`/accounts/${accountId}/acts`, { limit: 50 }),
    select: (r) => r.items,
  });

/** The lines an act would have now (nothing is written). */
export const previewAct = (projectId: string, body: ActCreate) => api.post<ActPreview>(`/projects/${projectId}/acts/preview`, body);

export function useCreateAct() {
  const changed = useDocumentsChanged();
  return useMutation({
    mutationFn: ({ projectId, body }: { projectId: string; body: ActCreate }) => api.post<Document>(`/projects/${projectId}/acts`, body),
    onSuccess: (doc) => changed(doc),
  });
}

export function useSignDocument() {
  const changed = useDocumentsChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DocumentSign }) => api.post<Document>(`/documents/${id}/sign`, body),
    onSuccess: (doc) => changed(doc),
  });
}

export function useDeclineDocument() {
  const changed = useDocumentsChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DocumentDecline }) => api.post<Document>(`/documents/${id}/decline`, body),
    onSuccess: (doc) => changed(doc),
  });
}

/** Records the signed paper copy: the scan goes up as the raw body, the signer's name in the address. */
export function useRecordPaperSignature() {
  const changed = useDocumentsChanged();
  return useMutation({
    mutationFn: ({ id, file, signerName }: { id: string; file: File; signerName: string }) =>
      uploadFile<Document>(`/documents/${id}/signed-copy`, file, { signerName }),
    onSuccess: (doc) => changed(doc),
  });
}

export function useInvoiceFromAct() {
  const queryClient = useQueryClient();
  const changed = useDocumentsChanged();
  return useMutation({
    mutationFn: (doc: Document) => api.post<Invoice>(`/documents/${doc.id}/invoice`),
    onSuccess: (_invoice, doc) => {
      changed();
      void queryClient.invalidateQueries({ queryKey: ['invoices'] });
      void queryClient.invalidateQueries({ queryKey: ['acts', doc.accountId] });
    },
  });
}
