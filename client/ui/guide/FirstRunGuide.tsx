/**
 * The first time on a device, a short guide for the role: a teacher learns
 * how students get in (the code, the link, its QR code), what the private
 * teacher link is for and where voice is; a student learns how to look,
 * move and grab on this device. Shown once per role on a device, again from
 * the class bar's "?" button.
 */
import { useTranslation } from "react-i18next";
import { formatJoinCode } from "../../../shared/joinCode.ts";
import { Role } from "../../../shared/protocolNames.ts";
import type { DeviceAbilities } from "../../app/device.ts";
import { studentLink } from "../../app/links.ts";
import { useShareOrigin } from "../../app/shareOrigin.ts";
import { useClassView } from "../../app/useStores.ts";
import type { ClassroomConnection } from "../../net/connection.ts";
import { CopyField } from "../CopyField.tsx";
import { readChoice, writeChoice } from "../layout/rememberedChoice.ts";
import { QrCode } from "./QrCode.tsx";
import { useModalDialog } from "../useModalDialog.ts";

const SEEN = ["seen"] as const;
const choiceName = (role: Role) => `guide.${role === Role.Teacher ? "teacher" : "student"}`;

/** Whether this device has not yet shown the guide for this role. */
export function guideUnseen(role: Role): boolean {
  return readChoice(choiceName(role), [...SEEN, "unseen"], "unseen") === "unseen";
}

export function FirstRunGuide({
  connection,
  abilities,
  onClose,
}: {
  connection: ClassroomConnection;
  abilities: DeviceAbilities | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { dialog, firstChoice } = useModalDialog();
  const role = useClassView(connection.view, (v) => v.role);
  const close = () => {
    writeChoice(choiceName(role), "seen");
    onClose();
  };

  return (
    <dialog
      ref={dialog}
      className="card guide-dialog"
      aria-labelledby="guide-title"
      data-guide={role === Role.Teacher ? "teacher" : "student"}
      onCancel={close}
    >
      <h2 id="guide-title">{t(role === Role.Teacher ? "guide.teacherTitle" : "guide.studentTitle")}</h2>
      {role === Role.Teacher ? <TeacherGuide code={connection.code} /> : <StudentGuide abilities={abilities} />}
      <div className="actions">
        <button className="primary" ref={firstChoice} name="guide-done" onClick={close}>
          {t("guide.done")}
        </button>
      </div>
    </dialog>
  );
}

function TeacherGuide({ code }: { code: string }) {
  const { t } = useTranslation();
  const link = studentLink(useShareOrigin(), code);
  return (
    <ol className="guide-points">
      <li>
        <p>{t("guide.teacherJoin", { code: formatJoinCode(code) })}</p>
        <div className="guide-join">
          <QrCode text={link} label={t("guide.qr")} />
          <CopyField label={t("teacher.studentLink")} value={link} />
        </div>
      </li>
      <li>{t("guide.teacherKey")}</li>
      <li>{t("guide.teacherVoice")}</li>
      <li>{t("guide.teacherLead")}</li>
    </ol>
  );
}

function StudentGuide({ abilities }: { abilities: DeviceAbilities | undefined }) {
  const { t } = useTranslation();
  const points = abilities?.vr
    ? ["guide.studentHeadset", "guide.studentScreen"]
    : abilities?.touch
      ? ["guide.studentTouch", "guide.studentTouchGrab"]
      : ["guide.studentDesktop", "guide.studentDesktopGrab", "guide.studentKeyboard"];
  return (
    <ol className="guide-points">
      {[...points, "guide.studentSpeak"].map((key) => (
        <li key={key}>{t(key)}</li>
      ))}
    </ol>
  );
}
