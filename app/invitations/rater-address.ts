/**
 * Mail addresses compare case-insensitively: "A.Jansen@X.nl" and "a.jansen@x.nl" are the
 * same rater, who gets one mail, not two.
 */
export function raterAddressKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Groups items by rater address, keeping the first-seen order of addresses and of items. */
export function groupByRaterAddress<T extends { raterEmail: string }>(items: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = raterAddressKey(item.raterEmail);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.values()];
}
