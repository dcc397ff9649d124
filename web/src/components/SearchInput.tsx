/** A search box that reports its text after the user pauses typing, not on every key. */
import { useEffect, useState } from 'react';
import { TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';

interface Props {
  label: string;
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
}

export function SearchInput({ label, value, onSearch }: Props) {
  const [text, setText] = useState(value ?? '');
  const [debounced] = useDebouncedValue(text, 300);

  useEffect(() => {
    const q = debounced.trim() || undefined;
    if (q !== value) onSearch(q);
    // Only the user's typing should trigger a search, not a changed callback identity.
  }, [debounced]);

  return (
    <TextInput type="search" label={label} value={text} onChange={(e) => setText(e.currentTarget.value)} w={{ base: '100%', sm: 280 }} />
  );
}
