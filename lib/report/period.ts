import type { Period } from '../engine/types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Throws a RangeError, naming what to enter, when the period is not two valid dates in order. `label`
 * names the date in the message when both ends come from one input (such as a command-line option).
 */
export function assertPeriod({ from, to }: Period, label?: string): void {
  for (const [name, value] of [['From', from], ['To', to]] as const) {
    if (!isIsoDate(value)) {
      throw new RangeError(`${label ?? `${name} date`} "${value}" is not a valid date. Enter it as YYYY-MM-DD.`);
    }
  }
  if (from > to) throw new RangeError(`The period starts (${from}) after it ends (${to}). Choose a From date on or before the To date.`);
}

function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
