/** The Mantine theme: colours chosen so text and controls pass WCAG AA contrast. */
import { createTheme, darken, type CSSVariablesResolver, type MantineTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Mantine's default shade 6 on white is below 4.5:1; shade 8 passes in both schemes.
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  defaultRadius: 'sm',
  focusRing: 'auto',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  components: {
    // A status is never cut to "ОТПРАВЛЕ…": its column makes room instead (Russian labels run longer).
    Badge: { defaultProps: { variant: 'outline' }, styles: { root: { minWidth: 'max-content' } } },
    // Wide tables scroll sideways in a plain overflowing box: the custom scroll area measured
    // itself after mounting and rendered again, costing phones a second layout of every table.
    TableScrollContainer: { defaultProps: { type: 'native' } },
  },
});

/**
 * Dimmed text and placeholders use gray 6 (light) and dark 2 (dark) by default, which are
 * too faint to read for many people; these darker/lighter shades keep them readable.
 */
const ACCENTS = ['indigo', 'red', 'orange', 'green', 'gray'];

/**
 * In the light scheme, coloured text (alert titles, outline badges) uses shade 9 at most,
 * and for orange and green even that is under 4.5:1 on their tinted backgrounds: darken it.
 */
const accentText = (theme: MantineTheme) =>
  Object.fromEntries(
    ACCENTS.flatMap((c) => {
      const text = darken(theme.colors[c][9], 0.3);
      return [
        [`--mantine-color-${c}-light-color`, text],
        [`--mantine-color-${c}-outline`, text],
      ];
    }),
  );

export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-indigo-8)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    ...accentText(resolved),
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-placeholder': 'var(--mantine-color-dark-1)',
    '--mantine-color-anchor': 'var(--mantine-color-indigo-3)',
    '--mantine-color-error': 'var(--mantine-color-red-4)',
  },
});
