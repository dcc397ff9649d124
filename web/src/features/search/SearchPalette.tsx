/**
 * The Ctrl/⌘+K palette: search as you type across every kind of record the user may read,
 * grouped by kind, arrows to move and Enter to open; before a word is typed, their recent records.
 */
import '@mantine/spotlight/styles.layer.css';
import { Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight } from '@mantine/spotlight';
import { useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchItem } from '@common/schemas/search';
import { describeError } from '../../components/describe-error';
import { pathOf, useSearch } from './api';
import { searchStore } from './palette-store';

/** Kept in the accessibility tree, off the screen. */
const VISUALLY_HIDDEN = { position: 'absolute', width: 1, height: 1, padding: 0, overflow: 'hidden', clipPath: 'inset(50%)' } as const;

/** Typing faster than this asks once, for the last word. */
const DEBOUNCE_MS = 150;

export function SearchPalette() {
  const { t } = useTranslation();
  const router = useRouter();
  const [query, setQuery] = useState('');
  const [opened, setOpened] = useState(true);
  const [debounced] = useDebouncedValue(query, DEBOUNCE_MS);
  const search = useSearch(debounced, opened);
  const result = search.data;

  const open = (item: SearchItem) => void router.navigate({ href: pathOf(item) });
  const action = (item: SearchItem) => (
    <Spotlight.Action
      key={`${item.kind}:${item.id}`}
      label={item.title}
      description={item.subtitle ?? undefined}
      onClick={() => open(item)}
      data-testid="search-result"
    />
  );
  const groups = result?.groups ?? [];
  const recent = result?.recent ?? [];
  const nothing = result && groups.length === 0 && recent.length === 0;

  return (
    <Spotlight.Root
      store={searchStore}
      query={query}
      onQueryChange={setQuery}
      shortcut={null}
      onSpotlightOpen={() => setOpened(true)}
      onSpotlightClose={() => setOpened(false)}
      scrollable
      maxHeight={480}
      // The dialog's name, for screen readers; the search field says the rest on screen.
      title={t('search.title')}
      styles={{ header: VISUALLY_HIDDEN }}
    >
      <Spotlight.Search
        placeholder={t('search.placeholder')}
        aria-label={t('search.title')}
        rightSection={search.isFetching ? <Loader size="xs" aria-label={t('search.searching')} /> : null}
      />
      <Spotlight.ActionsList aria-label={t('search.results')}>
        {search.isError && (
          <Text c="red" p="md" role="alert">
            {describeError(search.error, t)}
          </Text>
        )}
        {!result && search.isPending && <Spotlight.Empty>{t('search.searching')}</Spotlight.Empty>}
        {recent.length > 0 && <Spotlight.ActionsGroup label={t('search.recent')}>{recent.map(action)}</Spotlight.ActionsGroup>}
        {groups.map((g) => (
          <Spotlight.ActionsGroup key={g.kind} label={t(`search.kind.${g.kind}`)}>
            {g.items.map(action)}
          </Spotlight.ActionsGroup>
        ))}
        {nothing && (
          <Spotlight.Empty>{debounced.trim() ? t('search.nothing', { query: debounced.trim() }) : t('search.noRecent')}</Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
      <Text size="xs" c="dimmed" px="md" py={6}>
        {t('search.hint')}
      </Text>
    </Spotlight.Root>
  );
}
