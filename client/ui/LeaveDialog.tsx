/**
 * "Leave the class?" A wrong tap on Leave costs nothing: the dialog says what
 * leaving means and, for a teacher, how to come back as the teacher.
 */
import { useTranslation } from "react-i18next";
import { Role } from "../../shared/protocolNames.ts";
import { teacherLink } from "../app/links.ts";
import { useShareOrigin } from "../app/shareOrigin.ts";
import { useClassView } from "../app/useStores.ts";
import type { ClassroomConnection } from "../net/connection.ts";
import { CopyField } from "./CopyField.tsx";
import { useModalDialog } from "./useModalDialog.ts";

export function LeaveDialog({
  connection,
  onStay,
  onLeave,
}: {
  connection: ClassroomConnection;
  onStay: () => void;
  onLeave: () => void;
}) {
  const { t } = useTranslation();
  const origin = useShareOrigin();
  const { dialog, firstChoice } = useModalDialog();
  const role = useClassView(connection.view, (v) => v.role);
  const teacherKey = useClassView(connection.view, (v) => v.teacherKey);

  return (
    <dialog ref={dialog} className="card leave-dialog" aria-labelledby="leave-title" onCancel={onStay}>
      <h2 id="leave-title">{t("leave.title")}</h2>
      {role === Role.Teacher ? (
        <>
          <p>{t("leave.teacherBody")}</p>
          {teacherKey && (
            <CopyField
              label={t("teacher.teacherLink")}
              hint={t("leave.teacherLink")}
              value={teacherLink(origin, connection.code, teacherKey)}
              secret
            />
          )}
        </>
      ) : (
        <p>{t("leave.studentBody")}</p>
      )}
      <div className="actions">
        <button className="primary" ref={firstChoice} onClick={onStay}>
          {t("leave.stay")}
        </button>
        <button name="confirm-leave" onClick={onLeave}>
          {t("classroom.leave")}
        </button>
      </div>
    </dialog>
  );
}
