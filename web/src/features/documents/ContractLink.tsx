/** A link to another contract, named by its number and title once loaded. */
import { useQuery } from '@tanstack/react-query';
import { AnchorLink } from '../../components/links';
import { documentQuery } from './api';

export function ContractLink({ id }: { id: string }) {
  const contract = useQuery(documentQuery(id));
  const name = contract.data ? `${contract.data.number ?? ''} ${contract.data.title}`.trim() : '…';
  return (
    <AnchorLink to="/documents/$documentId" params={{ documentId: id }}>
      {name}
    </AnchorLink>
  );
}
