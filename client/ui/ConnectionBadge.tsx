/**
 * Always-visible connection state: a coloured dot, words, and the round trip.
 * Only the state is a live region: the round trip changes every few seconds
 * and a screen reader must not read each change out.
 */
import { useTranslation } from "react-i18next";
import { useClassView } from "../app/useStores.ts";
import { ConnectionStatus } from "../net/classView.ts";
import type { ClassroomConnection } from "../net/connection.ts";

export function ConnectionBadge({ connection }: { connection: ClassroomConnection }) {
  const { t } = useTranslation();
  const status = useClassView(connection.view, (v) => v.status);
  const ping = useClassView(connection.view, (v) => v.pingMs);
  return (
    <div className={`connection connection-${status}`} data-status={status}>
      <span className="dot" aria-hidden="true" />
      <span className="connection-words" role="status">
        {t(`status.${status}`)}
      </span>
      {status === ConnectionStatus.Connected && ping !== undefined && (
        <span className="ping">{t("status.ping", { ms: Math.round(ping) })}</span>
      )}
    </div>
  );
}
