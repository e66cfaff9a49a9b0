/**
 * A recorded class in 3D: the same room, board and objects as a live class,
 * driven by the replay player's clock instead of a connection. Nothing here
 * can be grabbed; the viewer looks around as on a screen in class.
 */
import { useFrame } from "@react-three/fiber";
import { OrbitHandles, createScreenCameraStore } from "@react-three/handle";
import { useMemo, useRef } from "react";
import type { Group } from "three";
import { useLocalize } from "../app/useLocalize.ts";
import { useClassView } from "../app/useStores.ts";
import type { ObjectView } from "../net/classView.ts";
import { ClassroomSet, TABLE_HEIGHT } from "../scene/Classroom3D.tsx";
import { InstructionBoard } from "../scene/InstructionBoard.tsx";
import { NameTag } from "../scene/NameTag.tsx";
import { ObjectBody } from "../scene/ObjectBody.tsx";
import { LessonCanvas } from "../scene/LessonCanvas.tsx";
import { applyPose } from "../scene/poseConversion.ts";
import { ScreenProjection } from "../scene/ScreenProjection.tsx";
import { useRenderedObject } from "../scene/useRenderedObject.ts";
import type { ReplayPlayer } from "./replayPlayer.ts";

export default function ReplayScene({ player }: { player: ReplayPlayer }) {
  // A little further back and higher than a seat at the table, so the board is in view too.
  const cameraStore = useMemo(
    () => createScreenCameraStore({ origin: [0, TABLE_HEIGHT + 0.3, -0.3], distance: 2.4, yaw: 0, pitch: -0.3 }),
    [],
  );
  return (
    <LessonCanvas label="3D lesson (recorded)">
      <ReplayClock player={player} />
      <ClassroomSet />
      <InstructionBoard view={player.view} />
      <ReplayObjects player={player} />
      <OrbitHandles store={cameraStore} damping />
      <ScreenProjection />
    </LessonCanvas>
  );
}

/** Moves the recording on once per drawn frame. */
function ReplayClock({ player }: { player: ReplayPlayer }) {
  useFrame(() => player.tick());
  return null;
}

function ReplayObjects({ player }: { player: ReplayPlayer }) {
  const objects = useClassView(player.view, (v) => v.objects);
  return (
    <>
      {objects.map((object) => (
        <ReplayObject key={object.id} object={object} player={player} />
      ))}
    </>
  );
}

function ReplayObject({ object, player }: { object: ObjectView; player: ReplayPlayer }) {
  const localize = useLocalize();
  const content = useClassView(player.view, (v) => v.lesson?.objects.find((o) => o.id === object.id));
  const label = object.label || localize(content?.label).text;
  const groupRef = useRef<Group>(null);

  useRenderedObject(object.id, groupRef);

  useFrame(() => {
    const pose = player.poseOf(object.id);
    if (pose && groupRef.current) applyPose(groupRef.current, pose);
  });

  return (
    <group ref={groupRef} name={`object-${object.id}`}>
      <ObjectBody
        shape={object.shape}
        model={object.model || undefined}
        color={object.color}
        size={object.size}
        glow={content?.glow ?? false}
        highlight={undefined}
        dimmed={false}
      />
      {label && <NameTag text={label} height={0.045} position={[0, object.size[1] / 2 + 0.05, 0]} />}
    </group>
  );
}
