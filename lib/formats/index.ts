import type { Format } from './format';

/**
 * Every input format, in the order they are tried. Put more specific formats first: the first one
 * whose `recognise` returns true loads the file.
 */
export const FORMATS: readonly Format[] = [];
