/** Contacts: queries and the cache updates after a write. */
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { Contact } from '@common/schemas/contact';
import { api } from '../../api/client';

export const contactQuery = (id: string) =>
  queryOptions({ queryKey: ['contacts', id], queryFn: () => api.get<Contact>(`/contacts/${id}`) });

export const contactName = (c: Pick<Contact, 'firstName' | 'lastName'>) => [c.firstName, c.lastName].filter(Boolean).join(' ');

/** After a write: the saved contact replaces the cached one; lists and the account timeline refresh. */
export function useContactSaved() {
  const queryClient = useQueryClient();
  return (contact: Contact) => {
    queryClient.setQueryData(contactQuery(contact.id).queryKey, contact);
    void queryClient.invalidateQueries({ queryKey: ['contacts', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['timeline', contact.accountId] });
  };
}
