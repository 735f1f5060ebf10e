/**
 * Puts a plural unit word in agreement with the amount written before it: `call` for 1, `calls`
 * otherwise. Report units are plural English words (`calls`, `active users`), so the singular drops
 * the last word's final "s". Pass the amount as it is shown: 1.04 shown as "1" takes the singular.
 */
export function unitWord(amount: number, pluralUnit: string): string {
  return amount === 1 && pluralUnit.endsWith('s') ? pluralUnit.slice(0, -1) : pluralUnit;
}
