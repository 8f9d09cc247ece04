/**
 * Handles are compared without case and without a leading "@": `@Ana@Example.social`,
 * `ana@example.social` and `@ana@example.social` name the same Mastodon identity.
 */
export function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase();
}

/** Splits `platform:handle` (as typed on the command line) into its parts; the platform is optional. */
export function parseHandleArg(arg: string, platforms: readonly string[]): { platform?: string; handle: string } {
  const colon = arg.indexOf(':');
  if (colon > 0) {
    const platform = arg.slice(0, colon).toLowerCase();
    if (platforms.includes(platform)) return { platform, handle: arg.slice(colon + 1) };
  }
  return { handle: arg };
}
