import { escapeLike } from "~/utils/like";

/**
 * The key that says which mailbox an address reaches, for one voice per rater: two addresses
 * with the same key are the same rater, who gets one invitation per participant and one
 * mail, not two.
 *
 * - Case and surrounding spaces do not matter: "A.Jansen@X.nl" is "a.jansen@x.nl".
 * - A "+tag" after the local part is dropped: "piet+2@org.nl" is "piet@org.nl". Mail servers
 *   deliver such a sub-address to the mailbox before the "+" (Gmail, Microsoft 365,
 *   Fastmail, Postfix and Exim by default), so without this anyone could give themselves a
 *   second voice (or be given one by HR) with an address nobody recognises as theirs.
 *   Where a server does not do sub-addressing, a "+" address is most likely a made-up one;
 *   treating it as the same rater then refuses a second invitation at worst, which is the
 *   safe side.
 * - Nothing provider-specific: dots in the local part stay ("p.devries" is not "pdevries"),
 *   since only some providers ignore them and many organisations give different people
 *   such addresses.
 *
 * The database's one-voice indexes (migration 0006) compare lower(trim(address)) only: they
 * catch two requests that race with the very same address. The rule itself is this key,
 * applied by the app (one-voice.ts) before anything is written.
 */
export function raterAddressKey(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf("@");
  if (at <= 0) return address;
  const plus = address.indexOf("+");
  // Only a tag after a non-empty local part: "+tag@x" has no mailbox before it.
  if (plus <= 0 || plus > at) return address;
  return address.slice(0, plus) + address.slice(at);
}

/** Whether two addresses reach the same mailbox (see raterAddressKey). */
export function sameRaterAddress(a: string, b: string): boolean {
  return raterAddressKey(a) === raterAddressKey(b);
}

/**
 * A LIKE pattern (escape character "\") that lower(trim(address)) matches for every stored
 * address with this address's key, and for few others: the key's local part, anything (a
 * "+tag"), then "@" and the domain. Queries narrow with it in SQL and then compare keys, so
 * they need no function of their own in the database.
 */
export function raterAddressPattern(email: string): string {
  const key = raterAddressKey(email);
  const at = key.lastIndexOf("@");
  if (at <= 0) return escapeLike(key);
  return `${escapeLike(key.slice(0, at))}%@${escapeLike(key.slice(at + 1))}`;
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
