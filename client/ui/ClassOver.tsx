/** When the class is over for this participant (ended, removed, lost): what happened and where to go. */
import { useTranslation } from "react-i18next";
import { backToLobby, rejoin } from "../app/session.ts";
import { ConnectionStatus } from "../net/classView.ts";
import type { ClassroomConnection } from "../net/connection.ts";

export function ClassOver({ connection, status }: { connection: ClassroomConnection; status: ConnectionStatus }) {
  const { t } = useTranslation();
  const lost = status === ConnectionStatus.Lost;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="class-over-title">
      <div className="card">
        <h2 id="class-over-title">{t(`status.${status}`)}</h2>
        {status === ConnectionStatus.Ended && <p>{t("ended.body")}</p>}
        <div className="actions">
          {lost && (
            <button className="primary" onClick={() => void rejoin(connection)}>
              {t("classroom.rejoin")}
            </button>
          )}
          <button className={lost ? "" : "primary"} onClick={() => void backToLobby()}>
            {t("classroom.backToLobby")}
          </button>
        </div>
      </div>
    </div>
  );
}
