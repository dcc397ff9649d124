import { useUserNames } from './api';

/**
 * A person's name by id, or a dash for none. It looks the name up itself, so when the names of a
 * page of records arrive only these cells render again, not every row of the list.
 */
export function UserName({ id }: { id: string | null | undefined }) {
  const nameOf = useUserNames([id]);
  return <>{nameOf(id) ?? '—'}</>;
}
