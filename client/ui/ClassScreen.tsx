/**
 * Being in a class: the 3D lesson fills the screen; the class bar, the
 * lesson step, speaking up and the teacher's tools sit around it — docked at
 * the sides on a wide screen, one bottom sheet on a phone.
 */
import { lazy, Suspense, useEffect, useState } from "react";
import { Role } from "../../shared/protocolNames.ts";
import type { DeviceAbilities } from "../app/device.ts";
import { backToLobby } from "../app/session.ts";
import { useClassView } from "../app/useStores.ts";
import { ConnectionStatus } from "../net/classView.ts";
import type { ClassroomConnection } from "../net/connection.ts";
import { startVoice } from "../voice/voiceSession.ts";
import { ClassAnnouncer } from "./access/ClassAnnouncer.tsx";
import { SceneObjects } from "./access/SceneObjects.tsx";
import { ClassBar } from "./ClassBar.tsx";
import { ClassOver } from "./ClassOver.tsx";
import { FirstRunGuide, guideUnseen } from "./guide/FirstRunGuide.tsx";
import { LeaveDialog } from "./LeaveDialog.tsx";
import { ClassDocks } from "./layout/ClassDocks.tsx";
import { ClassSheet, type SheetTab } from "./layout/ClassSheet.tsx";
import { useRememberedChoice } from "./layout/rememberedChoice.ts";
import { useScreenLayout } from "./layout/screenLayout.ts";
import { RefusalToast } from "./RefusalToast.tsx";
import { SceneLoading } from "./SceneLoading.tsx";
import { TalkKey } from "./VoiceControls.tsx";
import { useStore } from "zustand";

const ClassroomScene = lazy(() => import("../scene/ClassroomScene.tsx"));
/** The studio's panels (and the lesson format's checks they use) load only for authors. */
const StudioDocks = lazy(() =>
  import("./studio/StudioDocks.tsx").then(({ StudioDocks }) => ({ default: StudioDocks })),
);

/** Wide enough that the teacher's drawer leaves most of the lesson in view: it starts open there. */
const DRAWER_OPEN_FROM_PX = 1200;
const DRAWER = ["open", "closed"] as const;

export default function ClassScreen({
  connection,
  abilities,
}: {
  connection: ClassroomConnection;
  abilities: DeviceAbilities | undefined;
}) {
  const layout = useScreenLayout();
  const status = useClassView(connection.view, (v) => v.status);
  const teacher = useClassView(connection.view, (v) => v.role === Role.Teacher);
  const [drawer, setDrawer] = useRememberedChoice("teacherDrawer", DRAWER, () =>
    globalThis.innerWidth >= DRAWER_OPEN_FROM_PX ? "open" : "closed",
  );
  const [sheetTab, setSheetTab] = useState<SheetTab | undefined>();
  const [leaving, setLeaving] = useState(false);
  // The first time in this role on this device, the guide opens by itself.
  const [guideOpen, setGuideOpen] = useState(() => guideUnseen(connection.view.getState().role));
  // Voice runs while the class screen is open.
  useEffect(() => startVoice(connection), [connection]);
  const over =
    status === ConnectionStatus.Ended || status === ConnectionStatus.Removed || status === ConnectionStatus.Lost;
  const touch = abilities?.touch ?? false;
  // A lesson studio is a class room opened on a draft: the same table, with the studio's panels.
  const inStudio = useStore(connection.studio.store, (studio) => studio.draft !== undefined);

  return (
    <div className="class-screen" data-layout={layout}>
      <Suspense fallback={null}>
        <ClassroomScene connection={connection} />
      </Suspense>
      <TalkKey />

      <div className="class-overlay">
        <ClassBar
          connection={connection}
          abilities={abilities}
          toolsOpen={layout === "wide" ? drawer === "open" : undefined}
          onTools={() => setDrawer(drawer === "open" ? "closed" : "open")}
          onLeave={() => setLeaving(true)}
          onGuide={() => setGuideOpen(true)}
        />
        {!over && <SceneObjects connection={connection} />}
        {!over && inStudio && (
          <Suspense fallback={null}>
            <StudioDocks connection={connection} layout={layout} drawerOpen={drawer === "open"} />
          </Suspense>
        )}
        {!over &&
          !inStudio &&
          (layout === "wide" ? (
            <ClassDocks connection={connection} touch={touch} drawerOpen={teacher && drawer === "open"} />
          ) : (
            <ClassSheet connection={connection} touch={touch} tab={sheetTab} onTab={setSheetTab} />
          ))}
      </div>

      <ClassAnnouncer connection={connection} />
      <RefusalToast connection={connection} />
      <SceneLoading />
      {leaving && !over && (
        <LeaveDialog connection={connection} onStay={() => setLeaving(false)} onLeave={() => void backToLobby()} />
      )}
      {guideOpen && !leaving && !over && !inStudio && (
        <FirstRunGuide connection={connection} abilities={abilities} onClose={() => setGuideOpen(false)} />
      )}
      {over && <ClassOver connection={connection} status={status} />}
    </div>
  );
}
