import { ImportError, type ErrorLocation } from '../errors';

/**
 * Call directions as the canonical `events.direction` stores them. RingCentral's API writes
 * Inbound/Outbound and its Admin Portal CSV Incoming/Outgoing, in any case.
 */
export type Direction = 'Inbound' | 'Outbound';

const DIRECTIONS: Record<string, Direction> = {
  inbound: 'Inbound',
  incoming: 'Inbound',
  outbound: 'Outbound',
  outgoing: 'Outbound',
};

/** Returns the canonical direction, or null when the text is not one of the accepted words. */
export function normaliseDirection(text: string): Direction | null {
  return DIRECTIONS[text.trim().toLowerCase()] ?? null;
}

/** SQL giving the canonical direction of `textSql`, or NULL for blank text and any other word. */
export function directionSql(textSql: string): string {
  const cases = Object.entries(DIRECTIONS)
    .map(([word, direction]) => `WHEN '${word}' THEN '${direction}'`)
    .join(' ');
  return `CASE lower(trim(${textSql})) ${cases} END`;
}

export function invalidDirectionError(location: ErrorLocation): ImportError {
  return new ImportError(
    location,
    'the call direction is not Inbound, Outbound, Incoming or Outgoing',
    'Correct the value to Inbound or Outbound, or export the file again from its source.',
  );
}
