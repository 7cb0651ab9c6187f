// Plain JavaScript so that server.js's body limits (body-limit.js) and the sign-in limits
// count a client the same way.
import { isIPv4, isIPv6 } from "node:net";

/**
 * The key a client is rate-limited under. An IPv4 address is one client. With IPv6 a single
 * subscriber (a home line, a phone, a rented server) gets a whole /64 or more and can use a
 * fresh address of it for every request, so an IPv6 client is its /64: the first four groups,
 * written out in full (`2001:0db8:0000:0000::/64`), the same for every spelling of an address
 * in it. An IPv4-mapped IPv6 address (`::ffff:192.0.2.1`, how a dual-stack server sees IPv4
 * clients) is the IPv4 address it maps. Anything else (no address known) is kept as it is,
 * lower-cased.
 * @param {string} address
 * @returns {string}
 */
export function clientKey(address) {
  let value = address.trim();
  if (value.startsWith("[") && value.endsWith("]")) value = value.slice(1, -1);
  const zone = value.indexOf("%");
  if (zone >= 0) value = value.slice(0, zone);
  if (isIPv4(value)) return value;
  if (!isIPv6(value)) return address.trim().toLowerCase();
  const groups = ipv6Groups(value.toLowerCase());
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16).padStart(4, "0"))
    .join(":")}::/64`;
}

/**
 * The eight 16-bit groups of a valid IPv6 address (checked by the caller).
 * @param {string} address
 * @returns {number[]}
 */
function ipv6Groups(address) {
  let text = address;
  /** @type {number[]} */
  const tail = [];
  // A dotted IPv4 tail (`::ffff:192.0.2.1`) stands for the last two groups.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted.slice(1).map(Number);
    tail.push((a << 8) | b, (c << 8) | d);
    text = text.slice(0, dotted.index);
    if (text.endsWith(":") && !text.endsWith("::")) text = text.slice(0, -1);
  }
  /** @param {string} part */
  const parse = (part) => (part === "" ? [] : part.split(":").map((g) => parseInt(g, 16)));
  const gap = text.indexOf("::");
  const head = gap >= 0 ? parse(text.slice(0, gap)) : parse(text);
  const rest = gap >= 0 ? parse(text.slice(gap + 2)) : [];
  const missing = 8 - head.length - rest.length - tail.length;
  return [...head, ...new Array(Math.max(0, missing)).fill(0), ...rest, ...tail];
}
