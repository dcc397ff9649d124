/**
 * The shell's way into search: a button in the header and Ctrl/⌘+K anywhere. The palette's
 * code loads the first time either is used.
 */
import { Button, Kbd } from '@mantine/core';
import { useHotkeys, useOs } from '@mantine/hooks';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyNamed } from '../../lib/lazy-named';

const SearchPalette = lazyNamed(() => import('./SearchPalette'), 'SearchPalette');

export function SearchButton() {
  const { t } = useTranslation();
  const [wanted, setWanted] = useState(false);
  const mac = useOs() === 'macos';
  const openPalette = () => {
    setWanted(true);
    void import('./palette-store').then((m) => m.searchPalette.open());
  };
  // Also from a text field: the shortcut is the palette's, and the browser's own (Ctrl+K) would leave the app.
  useHotkeys([['mod+K', openPalette]], []);

  return (
    <>
      <Button
        variant="default"
        size="sm"
        onClick={openPalette}
        aria-keyshortcuts={mac ? 'Meta+K' : 'Control+K'}
        rightSection={<Kbd size="xs">{mac ? '⌘K' : 'Ctrl+K'}</Kbd>}
        data-testid="search-button"
      >
        {t('search.open')}
      </Button>
      {wanted && (
        <Suspense fallback={null}>
          <SearchPalette />
        </Suspense>
      )}
    </>
  );
}
