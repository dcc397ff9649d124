/** The palette's open state, shared by the shell's shortcut and button and the palette itself. */
import { createSpotlight } from '@mantine/spotlight';

export const [searchStore, searchPalette] = createSpotlight();
