/** Says briefly why a request was refused ("Someone else is holding that."). */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useClassView } from "../app/useStores.ts";
import type { ClassroomConnection } from "../net/connection.ts";

const SHOW_MS = 4000;

export function RefusalToast({ connection }: { connection: ClassroomConnection }) {
  const { t } = useTranslation();
  const refusal = useClassView(connection.view, (v) => v.lastRefusal);
  const [hiddenSerial, setHiddenSerial] = useState(0);

  useEffect(() => {
    if (!refusal) return;
    const timer = setTimeout(() => setHiddenSerial(refusal.serial), SHOW_MS);
    return () => clearTimeout(timer);
  }, [refusal]);

  if (!refusal || refusal.serial === hiddenSerial) return null;
  return (
    <div className="toast" role="alert" data-reason={refusal.reason}>
      {t(`refusal.${refusal.reason}`)}
    </div>
  );
}
