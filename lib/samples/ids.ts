import type { Random } from './random';

/** Identifiers shaped like the platform's: numeric session ids, `s-` telephony ids, 15-character call ids. */
export interface IdSource {
  sessionId(): string;
  telephonySessionId(): string;
  recordId(): string;
}

const RECORD_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Creates an id source whose ids never repeat within one generator run. */
export function createIdSource(random: Random): IdSource {
  // Session ids grow with time on the platform, so they increase here too.
  let nextSession = 48_210_530_004;
  const usedRecordIds = new Set<string>();

  return {
    sessionId() {
      nextSession += random.int(1, 60) * 1000;
      return String(nextSession);
    },
    telephonySessionId() {
      return `s-${random.characters('0123456789abcdef', 32)}`;
    },
    recordId() {
      for (;;) {
        const id = random.characters(RECORD_ID_ALPHABET, 15);
        if (!usedRecordIds.has(id)) {
          usedRecordIds.add(id);
          return id;
        }
      }
    },
  };
}
