/**
 * The shared 3D lesson: set, objects, avatars, and the controls for the
 * current mode (screen or headset). Loaded as its own chunk so the lobby
 * appears before three.js has downloaded.
 */
import { lazy, Suspense, useRef } from "react";
import { useStore } from "zustand";
import type { Group } from "three";
import { IfInSessionMode, XR, XROrigin } from "@react-three/xr";
import type { ClassroomConnection } from "../net/connection.ts";
import { ArControls } from "../xr/ArControls.tsx";
import { ArPlacement } from "../xr/ArPlacement.tsx";
import { XrAvatarReporter } from "../xr/XrAvatarReporter.tsx";
import { XrComfort } from "../xr/XrComfort.tsx";
import { XrMenu } from "../xr/XrMenu.tsx";
import { XrViewpoint } from "../xr/XrViewpoint.tsx";
import { xrStore } from "../xr/xrStore.ts";
import { Avatars } from "./Avatars.tsx";
import { ClassroomSet } from "./Classroom3D.tsx";
import { DesktopControls } from "./DesktopControls.tsx";
import { InstructionBoard } from "./InstructionBoard.tsx";
import { LabelLayout } from "./LabelLayout.tsx";
import { LaserPointers } from "./LaserPointers.tsx";
import { LessonObjects } from "./LessonObjects.tsx";
import { LessonCanvas } from "./LessonCanvas.tsx";
import { HEADSET_START } from "./viewpoint.ts";
import { ScreenProjection } from "./ScreenProjection.tsx";
import { VoiceSpace } from "./VoiceSpace.tsx";
import { TargetGhosts } from "./studio/TargetGhosts.tsx";

/** The studio's move/turn/resize handles (drei's TransformControls) load only for authors. */
const StudioHandles = lazy(() =>
  import("./studio/StudioHandles.tsx").then(({ StudioHandles }) => ({ default: StudioHandles })),
);

export default function ClassroomScene({ connection }: { connection: ClassroomConnection }) {
  const xrOrigin = useRef<Group>(null);
  const inStudio = useStore(connection.studio.store, (studio) => studio.draft !== undefined);
  return (
    <LessonCanvas label="3D lesson">
      <XR store={xrStore}>
        <IfInSessionMode deny="immersive-ar">
          <ClassroomSet />
        </IfInSessionMode>
        <IfInSessionMode allow="immersive-ar">
          <ClassroomSet passthrough />
          <ArControls />
        </IfInSessionMode>
        <LessonObjects connection={connection} />
        <InstructionBoard view={connection.view} />
        <Avatars connection={connection} />
        <VoiceSpace connection={connection} />
        {/* A headset user stands just beyond the table's edge, facing it; in AR the origin places the lesson. */}
        <XROrigin ref={xrOrigin} position={HEADSET_START}>
          <IfInSessionMode allow={["immersive-vr", "immersive-ar"]}>
            <XrMenu connection={connection} />
          </IfInSessionMode>
          <IfInSessionMode allow="immersive-ar">
            <ArPlacement origin={xrOrigin} />
          </IfInSessionMode>
          <IfInSessionMode allow="immersive-vr">
            <XrComfort origin={xrOrigin} />
          </IfInSessionMode>
        </XROrigin>
        <LaserPointers connection={connection} />
        <IfInSessionMode deny={["immersive-vr", "immersive-ar"]}>
          <DesktopControls connection={connection} />
          <ScreenProjection />
          {inStudio && (
            <Suspense fallback={null}>
              <StudioHandles connection={connection} />
            </Suspense>
          )}
        </IfInSessionMode>
        <TargetGhosts connection={connection} />
        <LabelLayout />
        <IfInSessionMode allow={["immersive-vr", "immersive-ar"]}>
          <XrAvatarReporter connection={connection} />
        </IfInSessionMode>
        {/* "Come here" and follow-me move a VR play space; an AR student's room stays theirs. */}
        <IfInSessionMode allow="immersive-vr">
          <XrViewpoint connection={connection} origin={xrOrigin} />
        </IfInSessionMode>
      </XR>
    </LessonCanvas>
  );
}
