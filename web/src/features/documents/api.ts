/** Paperwork: documents, their history and sending; the agency's details and logo; templates. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { AgencyDetails, AgencyDetailsUpdate } from '@common/schemas/agency';
import type { Document, DocumentCreate, DocumentEvent, DocumentSend, DocumentUpdate } from '@common/schemas/document';
import type { DocumentTemplate, DocumentTemplateUpdate } from '@common/schemas/document-template';
import type { DocumentKind, Language } from '@common/enums';
import { api, buildUrl, request, type Query } from '../../api/client';
import { parseProblem } from '../../api/errors';
import './catalogue';

export type { AgencyDetails, Document, DocumentEvent, DocumentTemplate };

export const documentQuery = (id: string) =>
  queryOptions({ queryKey: ['documents', id], queryFn: () => api.get<Document>(`/documents/${id}`) });

export const documentHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: ['documents', id, 'history'],
    queryFn: () => api.get<{ items: DocumentEvent[] }>(`/documents/${id}/history`),
    select: (r) => r.items,
  });

export const agencyQuery = queryOptions({ queryKey: ['settings', 'agency'], queryFn: () => api.get<AgencyDetails>('/settings/agency') });

export const templatesQuery = queryOptions({
  queryKey: ['settings', 'templates'],
  queryFn: () => api.get<{ items: DocumentTemplate[]; placeholders: string[] }>('/document-templates'),
});

/** Where a file (a PDF, the logo) is read; the browser sends the session cookie with it. */
export const fileUrl = (path: string) => buildUrl(path);

/** Keeps the cached document and the lists, timeline and chain it shows up in current after a change. */
export function useDocumentsChanged() {
  const queryClient = useQueryClient();
  return (doc?: Document) => {
    if (doc) queryClient.setQueryData(documentQuery(doc.id).queryKey, doc);
    void queryClient.invalidateQueries({ queryKey: ['documents'] });
    if (doc) void queryClient.invalidateQueries({ queryKey: ['timeline', doc.accountId] });
    if (doc) void queryClient.invalidateQueries({ queryKey: ['acts', doc.accountId] });
  };
}

/** Creates a draft, or changes one at the version it was read. */
export function useSaveDocument() {
  const changed = useDocumentsChanged();
  return useMutation({
    mutationFn: ({ document, body }: { document?: Document; body: DocumentCreate | DocumentUpdate }) =>
      document ? api.patch<Document>(`/documents/${document.id}`, body, document.version) : api.post<Document>('/documents', body),
    onSuccess: (doc) => changed(doc),
  });
}

export function useSendDocument() {
  const changed = useDocumentsChanged();
  return useMutation({
    mutationFn: ({ doc, body }: { doc: Document; body: DocumentSend }) =>
      request<{ emailId: string; recipients: string[]; document: Document }>(`/documents/${doc.id}/send`, {
        method: 'POST',
        body,
        version: doc.version,
      }),
    onSuccess: (r) => changed(r.document),
  });
}

export function useCancelDocument() {
  const changed = useDocumentsChanged();
  return useMutation({
    mutationFn: ({ doc, reason }: { doc: Document; reason: string }) =>
      request<Document>(`/documents/${doc.id}/cancel`, { method: 'POST', body: { reason }, version: doc.version }),
    onSuccess: (doc) => changed(doc),
  });
}

export function useSendInvoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ invoiceId, body }: { invoiceId: string; body: DocumentSend }) =>
      api.post<{ emailId: string; recipients: string[] }>(`/invoices/${invoiceId}/send`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['timeline'] }),
  });
}

export function useSaveAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, version }: { body: AgencyDetailsUpdate; version: number }) =>
      api.patch<AgencyDetails>('/settings/agency', body, version),
    onSuccess: (d) => queryClient.setQueryData(agencyQuery.queryKey, d),
  });
}

/** PUTs a file as the raw body (the server decides what it is by its bytes) and returns the JSON answer. */
export async function uploadFile<T>(path: string, file: File, query?: Query): Promise<T> {
  const res = await fetch(buildUrl(path, query), {
    method: 'PUT',
    headers: { 'Content-Type': file.type || 'application/octet-stream', Accept: 'application/json' },
    body: file,
    credentials: 'same-origin',
  });
  if (!res.ok) throw await parseProblem(res);
  return (await res.json()) as T;
}

/** Uploads the logo as the raw body; the server decides what it is by its bytes. */
export function useUploadLogo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadFile<AgencyDetails>('/settings/agency/logo', file),
    onSuccess: (d) => queryClient.setQueryData(agencyQuery.queryKey, d),
  });
}

export function useRemoveLogo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/settings/agency/logo'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: agencyQuery.queryKey }),
  });
}

export function useSaveTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, body }: { kind: DocumentKind; body: DocumentTemplateUpdate }) =>
      api.put<DocumentTemplate>(`/document-templates/${kind}`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: templatesQuery.queryKey }),
  });
}

/** A preview PDF of a kind with the given (unsaved) blocks, as an object URL the caller revokes. */
export async function previewTemplate(kind: DocumentKind, language: Language, blocks: Record<string, string>, signal: AbortSignal) {
  const res = await fetch(buildUrl(`/document-templates/${kind}/preview`), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/pdf' },
    body: JSON.stringify({ language, blocks }),
    credentials: 'same-origin',
    signal,
  });
  if (!res.ok) throw await parseProblem(res);
  return URL.createObjectURL(await res.blob());
}
