/**
 * "Leave the class?" A wrong tap on Leave costs nothing: the dialog says what
 * leaving means and, for a teacher, how to come back as the teacher.
 */
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Role } from "../../shared/protocol.ts";
import { teacherLink } from "../app/links.ts";
import { useClassView } from "../app/useStores.ts";
import type { ClassroomConnection } from "../net/connection.ts";
import { CopyField } from "./CopyField.tsx";

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
  const dialog = useRef<HTMLDialogElement>(null);
  const firstChoice = useRef<HTMLButtonElement>(null);
  const role = useClassView(connection.view, (v) => v.role);
  const teacherKey = useClassView(connection.view, (v) => v.teacherKey);

  // A modal dialog: focus moves into it, Escape closes it, the page behind is inert.
  useEffect(() => {
    const shown = dialog.current;
    shown?.showModal();
    // showModal focuses the first field (a link to copy); the safe choice is where a key press should land.
    firstChoice.current?.focus();
    return () => shown?.close();
  }, []);

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
              value={teacherLink(globalThis.location.origin, connection.code, teacherKey)}
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
