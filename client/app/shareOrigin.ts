/**
 * The origin the links and QR codes a teacher shares should carry. A teacher
 * on the server's own machine sees the page at http://localhost, which no
 * phone or headset can open: the server then says its network addresses
 * (HTTPS first, `/api/share`) and the links use the first. Anywhere else the
 * page's own origin is what students can open too.
 */
import { useEffect, useState } from "react";

const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$/;

let asked: Promise<string> | undefined;

function askServer(own: string): Promise<string> {
  asked ??= fetch("/api/share", { cache: "no-store" })
    .then((response): Promise<{ origins?: unknown }> => (response.ok ? response.json() : Promise.resolve({})))
    .then(({ origins }) => (Array.isArray(origins) && typeof origins[0] === "string" ? origins[0] : own))
    .catch(() => own);
  return asked;
}

/** The page's own origin at first; the network one once the server has said it (on loopback only). */
export function useShareOrigin(): string {
  const own = globalThis.location.origin;
  const [origin, setOrigin] = useState(own);
  useEffect(() => {
    if (!LOOPBACK.test(globalThis.location.hostname)) return;
    let current = true;
    void askServer(own).then((found) => current && setOrigin(found));
    return () => {
      current = false;
    };
  }, [own]);
  return origin;
}
