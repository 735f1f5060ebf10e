/**
 * Picks round axis ticks from 0 to at least `max`: steps of 1, 2 or 5 times a power of ten, at most
 * `maxTicks` intervals. A max of 0 still gets the axis [0, 1], so an empty chart has a scale.
 */
export function niceTicks(max: number, maxTicks = 4): number[] {
  const top = Math.max(max, 1);
  const rough = top / maxTicks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power;
  const wholeStep = Math.max(1, step);
  const ticks: number[] = [];
  for (let value = 0; value < top + wholeStep; value += wholeStep) {
    ticks.push(value);
    if (value >= top) break;
  }
  return ticks;
}

/**
 * Picks at most `count` indexes of `length` items, one every `step` items from the first, so the axis
 * labels are evenly spaced (days 0, 2, 4, 6 of 8, not 0, 1, 3, 4, 6, 7). The last item is labelled
 * only when it falls on a step.
 */
export function evenlySpacedIndexes(length: number, count: number): number[] {
  if (length <= count) return Array.from({ length }, (_, index) => index);
  if (count <= 1) return [0];
  const step = Math.ceil((length - 1) / (count - 1));
  const indexes: number[] = [];
  for (let index = 0; index < length; index += step) indexes.push(index);
  return indexes;
}

/** Shortens a label to `maxLength` characters, ending it with an ellipsis. */
export function truncateLabel(label: string, maxLength: number): string {
  return label.length <= maxLength ? label : `${label.slice(0, maxLength - 1)}…`;
}
