/** The light or dark choice, kept where both the app and the server can read it. */
import { localStorageColorSchemeManager, type MantineColorSchemeManager } from '@mantine/core';
import { COLOR_SCHEME_COOKIE, parseColorScheme } from '@common/color-scheme';

const ONE_YEAR = 365 * 24 * 3600;

function rememberForServer(value: string) {
  const choice = parseColorScheme(value);
  const secure = window.location.protocol === 'https:' ? '; secure' : '';
  document.cookie = choice
    ? `${COLOR_SCHEME_COOKIE}=${choice}; path=/; max-age=${ONE_YEAR}; samesite=lax${secure}`
    : `${COLOR_SCHEME_COOKIE}=; path=/; max-age=0; samesite=lax${secure}`;
}

/**
 * Mantine's local-storage manager that also writes the choice into a cookie, so the server
 * serves the next page already in that scheme and a dark page never flashes light. A choice
 * made before the cookie existed is copied into it on the first load.
 */
export function cookieColorSchemeManager(key: string): MantineColorSchemeManager {
  const local = localStorageColorSchemeManager({ key });
  return {
    ...local,
    get: (defaultValue) => {
      const value = local.get(defaultValue);
      rememberForServer(value);
      return value;
    },
    set: (value) => {
      local.set(value);
      rememberForServer(value);
    },
  };
}
