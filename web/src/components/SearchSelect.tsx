/**
 * A select whose options come from a server search as the user types (accounts, contacts,
 * people): the list is searched once opened, the typed text is debounced, and the chosen
 * option stays shown even when the current matches no longer include it.
 */
import { useState, type ReactNode } from 'react';
import { Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

/** Options shown at once: they fit the dropdown without a scroll region a keyboard cannot reach. */
const SHOWN = 6;
/** What a search asks the server for: one more than is shown tells that more match. */
export const SEARCH_LIMIT = SHOWN + 1;
const MORE = '\u2026more';

export interface Option {
  value: string;
  label: string;
  /** A second line that tells options with similar labels apart: a role, a company. */
  hint?: string;
}

interface Props {
  label: string;
  placeholder?: string;
  description?: ReactNode;
  value: string;
  onChange: (id: string) => void;
  error?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  /** The choice may be emptied (an optional field, or a filter whose empty choice means "any"). */
  clearable?: boolean;
  /** Names the cache entries of this search. */
  queryKey: readonly unknown[];
  search: (q: string) => Promise<Option[]>;
  /** The chosen option, so it stays shown even when the search no longer finds it. */
  selected?: Option;
}

export function SearchSelect(props: Props) {
  const { label, placeholder, description, value, onChange, error, required, disabled, clearable, queryKey, search, selected } = props;
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [text, setText] = useState('');
  // Once something is chosen the input shows its label; that text is not a search.
  const typed = selected && text === selected.label ? '' : text.trim();
  const [q] = useDebouncedValue(typed, 250);
  const found = useQuery({ queryKey: [...queryKey, q], queryFn: () => search(q), enabled: opened, placeholderData: keepPreviousData });
  const waiting = found.isFetching || typed !== q;

  const options = new Map<string, Option>();
  for (const o of (found.data ?? []).slice(0, SHOWN)) options.set(o.value, o);
  const matches = new Set(options.keys());
  const more = (found.data?.length ?? 0) > SHOWN;
  if (selected && !options.has(selected.value)) options.set(selected.value, selected);

  return (
    <Select
      label={label}
      placeholder={placeholder}
      description={description}
      searchable
      clearable={clearable}
      required={required}
      disabled={disabled}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      onSearchChange={setText}
      onDropdownOpen={() => setOpened(true)}
      loading={opened && waiting}
      // The options are already the server's matches: show those (and, before any typing, the chosen one).
      filter={({ options: all }) => (typed ? all.filter((o) => 'value' in o && (matches.has(o.value) || o.value === MORE)) : all)}
      data={[
        ...[...options.values()].map(({ value: v, label: l }) => ({ value: v, label: l })),
        ...(more ? [{ value: MORE, label: t('common.moreMatches'), disabled: true }] : []),
      ]}
      maxDropdownHeight={480}
      // Mounted only while open: a hidden dropdown is still positioned as the page lays out, which
      // forces the browser to compute every style of the page in the middle of its first render.
      comboboxProps={{ keepMounted: false }}
      renderOption={({ option }) => {
        const hint = options.get(option.value)?.hint;
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {hint && (
              <Text size="xs" c="dimmed">
                {hint}
              </Text>
            )}
          </Stack>
        );
      }}
      nothingFoundMessage={
        waiting ? t('people.picker.searching') : typed ? t('people.picker.noMatchFor', { text: typed }) : t('common.nothingFound')
      }
      error={error}
    />
  );
}
