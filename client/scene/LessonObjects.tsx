/**
 * The lesson's objects. One grab path serves every input: @react-three/handle
 * turns mouse, touch, controller ray, controller grip and hand pinch into the
 * same drag, and the drag becomes grab / move / release intents.
 */
import { useFrame, useThree } from "@react-three/fiber";
import { Handle, defaultApply, type HandleState } from "@react-three/handle";
import { useXR } from "@react-three/xr";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { Vector3, type Group, type Object3D, type PerspectiveCamera } from "three";
import type { LessonObject as LessonObjectContent } from "../../shared/lesson.ts";
import { useLocalize } from "../app/useLocalize.ts";
import { useClassView } from "../app/useStores.ts";
import type { ObjectView, ParticipantView } from "../net/classView.ts";
import type { ClassroomConnection } from "../net/connection.ts";
import { pixelsPerMetre } from "./framing.ts";
import { LABEL_PRIORITY } from "./labelPlacement.ts";
import { NameTag } from "./NameTag.tsx";
import { ObjectBody } from "./ObjectBody.tsx";
import { avatarColor } from "./palette.ts";
import { applyPose, worldPoseOf } from "./poseConversion.ts";
import { takeSpin } from "./spinInput.ts";
import { useRenderedObject } from "./useRenderedObject.ts";

export function LessonObjects({ connection }: { connection: ClassroomConnection }) {
  const objects = useClassView(connection.view, (v) => v.objects);
  const participants = useClassView(connection.view, (v) => v.participants);
  const lesson = useClassView(connection.view, (v) => v.lesson);
  return (
    <>
      {objects.map((object) => (
        <LessonObject
          key={object.id}
          object={object}
          content={lesson?.objects.find((o) => o.id === object.id)}
          holder={participants.find((p) => p.seat === object.heldBy)}
          connection={connection}
        />
      ))}
    </>
  );
}

interface LessonObjectProps {
  object: ObjectView;
  /** The lesson's description of the object (label in every language, glow, model). */
  content: LessonObjectContent | undefined;
  holder: ParticipantView | undefined;
  connection: ClassroomConnection;
}

function LessonObject({ object, content, holder, connection }: LessonObjectProps) {
  const localize = useLocalize();
  const label = object.label || localize(content?.label).text;
  const model = object.model || content?.model;
  const glow = content?.glow ?? false;
  const groupRef = useRef<Group>(null);
  const spin = useRef<Object3D["quaternion"] | undefined>(undefined);
  /** A pointer or hand is dragging it now (else a held object follows its pose from the keyboard). */
  const dragging = useRef(false);
  const { t } = useTranslation();
  const inXR = useXR((xr) => xr.mode === "immersive-vr" || xr.mode === "immersive-ar");
  const key = `object:${object.id}` as const;

  const bodyRef = useRef<Group>(null);
  const camera = useThree((three) => three.camera) as PerspectiveCamera;
  const screenHeight = useThree((three) => three.size.height);
  const across = Math.max(...object.size);
  useRenderedObject(object.id, groupRef, () => across * (bodyRef.current?.scale.x ?? 1));

  useFrame(() => {
    const group = groupRef.current;
    if (!group) return;
    // On a screen, a small object far off is drawn at least MIN_ACROSS_PX across, so it can be seen and grabbed.
    const body = bodyRef.current;
    if (body) body.scale.setScalar(inXR ? 1 : boostToSee(group, across, camera, screenHeight));
    if (connection.holds(object.id)) {
      // Turning from the keyboard or wheel while held on a desktop.
      const turn = takeSpin();
      if (turn) {
        spin.current = (spin.current ?? turn.clone().identity()).premultiply(turn);
        group.quaternion.premultiply(turn);
        connection.move(object.id, worldPoseOf(group));
      }
      const held = connection.localHolds.get(object.id);
      if (!dragging.current && held) applyPose(group, held);
      return;
    }
    const pose = connection.poses.sample(key, performance.now());
    if (pose) applyPose(group, pose);
  });

  const apply = (state: HandleState<unknown>, target: Object3D) => {
    dragging.current = !state.last;
    if (state.first) {
      spin.current = undefined;
      connection.grab(object.id, worldPoseOf(target));
    }
    // Refused by the server (someone else has it, or it is locked): stop the drag.
    if (!connection.holds(object.id)) {
      dragging.current = false;
      state.cancel();
      return;
    }
    defaultApply(state, target);
    if (spin.current) target.quaternion.premultiply(spin.current);
    const pose = worldPoseOf(target);
    if (state.last) connection.release(object.id, pose);
    else connection.move(object.id, pose);
  };

  const mine = object.heldBy === connection.seat;
  const heldByOther = object.heldBy !== "" && !mine;
  const highlight = holder ? avatarColor(holder.color) : undefined;
  const sy = object.size[1];

  return (
    <group ref={groupRef} name={`object-${object.id}`}>
      <Handle targetRef={groupRef} scale={false} rotate={inXR} multitouch={false} bind={object.grabbable} apply={apply}>
        <group ref={bodyRef}>
          <ObjectBody
            shape={object.shape}
            model={model}
            color={object.color}
            size={object.size}
            glow={glow}
            highlight={highlight}
            dimmed={heldByOther}
          />
        </group>
      </Handle>
      <NameTag
        text={
          holder
            ? `${label} · ${t("classroom.heldBy", { name: holder.nickname })}`
            : object.locked && object.grabbable
              ? `🔒 ${label}`
              : `${object.inPlace ? "✓ " : ""}${label}${object.group ? ` · ${t("classroom.groupTag", { group: object.group })}` : ""}`
        }
        color={highlight ?? "#1d3557"}
        height={0.045}
        declutter={holder ? LABEL_PRIORITY.heldObject : LABEL_PRIORITY.object}
        position={[0, sy / 2 + 0.05, 0]}
      />
    </group>
  );
}

/** The least an object of the lesson is drawn across on a screen, and the most it is enlarged for that. */
const MIN_ACROSS_PX = 20;
const MOST_BOOST = 5;
const objectAt = new Vector3();
const cameraAt = new Vector3();

/** How much to enlarge an object `across` metres wide for it to be drawn MIN_ACROSS_PX wide on this screen. */
function boostToSee(object: Object3D, across: number, camera: PerspectiveCamera, screenHeight: number): number {
  const distance = object.getWorldPosition(objectAt).distanceTo(camera.getWorldPosition(cameraAt));
  const pixels = across * pixelsPerMetre(distance, camera.fov, screenHeight);
  return Math.min(MOST_BOOST, Math.max(1, MIN_ACROSS_PX / Math.max(0.01, pixels)));
}
