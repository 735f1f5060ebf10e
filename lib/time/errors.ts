import { ImportError, type ErrorLocation } from '../errors';
import type { DurationOptions } from './parse-duration';

export function unreadableTimeError(location: ErrorLocation): ImportError {
  return new ImportError(
    location,
    'the time could not be read',
    'Times must look like 2025-03-04T09:14:07Z, 2025-03-04T09:14:07-05:00, 2025-03-04 09:14:07 or ' +
      '3/4/2025 9:14:07 AM, and a weekday written before the date must match it. ' +
      'Re-export the file from its source, or correct this value.',
  );
}

export function unreadableDurationError(location: ErrorLocation, { minutesSeconds }: DurationOptions): ImportError {
  const forms = minutesSeconds
    ? 'seconds (252 or 252.5), H:MM:SS (0:04:12), M:SS (4:12), D:HH:MM:SS (1:02:04:12) or ISO 8601 (PT4M12S)'
    : 'seconds (252 or 252.5), H:MM:SS (0:04:12), D:HH:MM:SS (1:02:04:12) or ISO 8601 (PT4M12S)';
  return new ImportError(
    location,
    'the duration could not be read',
    `Durations must be ${forms}. Re-export the file from its source, or correct this value.`,
  );
}
