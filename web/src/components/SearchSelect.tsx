/** A select whose options come from a server search as the user types (accounts, contacts). */
import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

export interface Option {
  value: string;
  label: string;
}

interface Props {
  label: string;
  placeholder?: string;
  value: string;
  onChange: (id: string) => void;
  error?: string;
  required?: boolean;
  /** Names the cache entries of this search. */
  queryKey: readonly unknown[];
  search: (q: string) => Promise<Option[]>;
  /** The chosen option, so it stays shown even when the search no longer finds it. */
  selected?: Option;
}

export function SearchSelect({ label, placeholder, value, onChange, error, required, queryKey, search, selected }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, 250);
  const found = useQuery({ queryKey: [...queryKey, q], queryFn: () => search(q) });
  const options = new Map<string, string>();
  if (selected) options.set(selected.value, selected.label);
  for (const o of found.data ?? []) options.set(o.value, o.label);

  return (
    <Select
      label={label}
      placeholder={placeholder}
      searchable
      required={required}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      onSearchChange={setText}
      // The options are already the server's matches for the typed text; do not filter again.
      filter={({ options: all }) => all}
      data={[...options].map(([v, l]) => ({ value: v, label: l }))}
      nothingFoundMessage={t('common.nothingFound')}
      error={error}
    />
  );
}
