/** Lists the browser's IANA zone names, adding `current` when the list leaves it out (such as `UTC`). */
export function timeZoneNames(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones].sort();
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
