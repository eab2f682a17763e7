/**
 * Browser origins an account may be used from. An entry is an exact origin, `*`, or an origin with a
 * port wildcard (`http://localhost:*`) for development.
 */
export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  return allowed.some((entry) => {
    if (entry === "*" || entry === origin) return true;
    if (!entry.endsWith(":*")) return false;
    const prefix = entry.slice(0, -1);
    return origin.startsWith(prefix) && /^\d{1,5}$/.test(origin.slice(prefix.length));
  });
}
