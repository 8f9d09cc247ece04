/**
 * A 64-bit key of a string, as two unsigned 32-bit halves: two multiplicative hash lanes over its
 * UTF-16 units, mixed at the end (the mixing of cyrb53). For caches keyed by a text without
 * keeping the text: among a million distinct texts, two share a key with a probability of about
 * one in 37 million.
 */
export function textKey(text: string): { hi: number; lo: number } {
  let h1 = 0xdeadbeef ^ text.length;
  let h2 = 0x41c6ce57 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return { hi: h2 >>> 0, lo: h1 >>> 0 };
}
