// jsdom lacks the browser APIs Mantine reads on mount; stand them in for component tests.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadLanguage, messagesReady } from './i18n';

afterEach(() => cleanup());

if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver ??= NoopResizeObserver as unknown as typeof ResizeObserver;
// jsdom lays nothing out, so it has no scrollIntoView (the DOM types say every element does).
if (typeof Element.prototype.scrollIntoView !== 'function') Element.prototype.scrollIntoView = () => {};

// The app fetches Russian when first used; component tests switch languages at will, so load it
// now, with the shared message catalogue the app's root route waits for.
await Promise.all([loadLanguage('ru'), messagesReady]);
