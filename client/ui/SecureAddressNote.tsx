/**
 * On an address that is not a secure origin (a school network's
 * http://192.168.x.y), browsers refuse VR, AR and the microphone. The
 * classroom serves HTTPS on the same port, so the note links to the same
 * address with https.
 */
import { useTranslation } from "react-i18next";

export function SecureAddressNote() {
  const { t } = useTranslation();
  if (globalThis.isSecureContext) return null;
  const { host, pathname, search, hash } = globalThis.location;
  return (
    <p className="note secure-note" role="note">
      {t("lobby.notSecure")} <a href={`https://${host}${pathname}${search}${hash}`}>{t("lobby.openSecure")}</a>
    </p>
  );
}
