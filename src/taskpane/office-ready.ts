/**
 * Whether the page runs inside Office. Office.onReady never settles when office.js could not load
 * (offline, blocked), and outside Office it resolves with host null, so it is raced against a timeout.
 */

/** The one piece of office.js the skeleton touches; read from globalThis so a missing office.js is fine. */
interface OfficeGlobal {
  onReady(): Promise<{ host: unknown; platform: unknown }>;
}

export const OFFICE_READY_TIMEOUT_MS = 3000;

/** The host name (e.g. "Excel") inside Office, or null in a plain browser or after the timeout. */
export function detectOfficeHost(
  scope: { Office?: OfficeGlobal } = globalThis as { Office?: OfficeGlobal },
  timeoutMs = OFFICE_READY_TIMEOUT_MS,
): Promise<string | null> {
  const office = scope.Office;
  if (!office || typeof office.onReady !== 'function') return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    let ready: Promise<{ host: unknown }>;
    try {
      ready = office.onReady();
    } catch {
      ready = Promise.resolve({ host: null });
    }
    ready.then(
      (info) => {
        clearTimeout(timer);
        resolve(info && info.host ? String(info.host) : null);
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
    );
  });
}
