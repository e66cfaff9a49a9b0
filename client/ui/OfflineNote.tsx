/**
 * Says so when the device has no network: the page itself still opens
 * (the app keeps itself, client/app/appUpdates.ts), but a class needs the
 * server. The note goes when the network is back.
 */
import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";

const subscribe = (changed: () => void) => {
  globalThis.addEventListener("online", changed);
  globalThis.addEventListener("offline", changed);
  return () => {
    globalThis.removeEventListener("online", changed);
    globalThis.removeEventListener("offline", changed);
  };
};

export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, () => globalThis.navigator.onLine);
}

export function OfflineNote() {
  const { t } = useTranslation();
  const online = useOnline();
  if (online) return null;
  return (
    <p className="note offline-note" role="status">
      {t("lobby.offline")}
    </p>
  );
}
