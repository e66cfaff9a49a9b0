/** One line on how to look and move on this device: mouse and keys, or touch. */
import type { HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

export function ControlsHint({ touch, ...rest }: { touch: boolean } & HTMLAttributes<HTMLParagraphElement>) {
  const { t } = useTranslation();
  return (
    <p className="hint" {...rest}>
      {touch ? t("classroom.hintTouch") : t("classroom.hintDesktop")}
    </p>
  );
}
