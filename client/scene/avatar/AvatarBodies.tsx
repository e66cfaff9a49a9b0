/**
 * The bodies of everyone else in the class, drawn as instances: all heads
 * in one draw call, all visors, torsos and hands in one each, however many
 * people there are. Each frame places every instance from the interpolation
 * buffers and moves each person's marks (name tag, hand, reaction) to their
 * head, sampling each pose once.
 */
import { useFrame, useThree } from "@react-three/fiber";
import { useLayoutEffect, useMemo, useRef } from "react";
import { Color, type Group, type InstancedMesh, Matrix4, Vector3 } from "three";
import type { ParticipantView } from "../../net/classView.ts";
import type { PoseBook } from "../../net/poseBook.ts";
import { avatarColor } from "../palette.ts";
import {
  HIDDEN,
  handGeometry,
  headGeometry,
  poseMatrix,
  torsoGeometry,
  torsoMatrix,
  visorGeometry,
} from "./avatarShapes.ts";

/** Closer than this to the viewer's eyes, an avatar is not drawn: it would fill the view. */
const TOO_CLOSE_M = 0.7;
/** Someone whose link dropped is drawn faded towards the walls' colour until they are back. */
const AWAY = new Color("#d5d9de");
const VISOR = new Color("#1d3557");

interface AvatarBodiesProps {
  others: ParticipantView[];
  poses: PoseBook;
  /** Each person's marks, by seat, placed at their head every frame. */
  anchors: Map<string, Group>;
}

export function AvatarBodies({ others, poses, anchors }: AvatarBodiesProps) {
  // Room for the class as it is, grown in steps so a join rarely rebuilds the meshes.
  const capacity = Math.max(16, 2 ** Math.ceil(Math.log2(Math.max(1, others.length))));
  const shapes = useMemo(
    () => ({ head: headGeometry(), visor: visorGeometry(), torso: torsoGeometry(), hand: handGeometry() }),
    [],
  );
  useLayoutEffect(() => () => Object.values(shapes).forEach((shape) => shape.dispose()), [shapes]);
  const heads = useRef<InstancedMesh>(null);
  const visors = useRef<InstancedMesh>(null);
  const torsos = useRef<InstancedMesh>(null);
  const hands = useRef<InstancedMesh>(null);
  const colors = useMemo(
    () =>
      others.map((p) =>
        p.connected ? new Color(avatarColor(p.color)) : new Color(avatarColor(p.color)).lerp(AWAY, 0.7),
      ),
    [others],
  );
  useLayoutEffect(() => {
    colors.forEach((color, i) => {
      heads.current?.setColorAt(i, color);
      torsos.current?.setColorAt(i, color);
      visors.current?.setColorAt(i, VISOR);
    });
    for (const mesh of [heads.current, torsos.current, visors.current])
      if (mesh?.instanceColor) mesh.instanceColor.needsUpdate = true;
  }, [colors, capacity]);

  const camera = useThree((three) => three.camera);
  const viewer = useMemo(() => new Vector3(), []);
  const headAt = useMemo(() => new Vector3(), []);
  const matrix = useMemo(() => new Matrix4(), []);
  useFrame(() => {
    const [head, visor, torso, hand] = [heads.current, visors.current, torsos.current, hands.current];
    if (!head || !visor || !torso || !hand) return;
    const now = performance.now();
    camera.getWorldPosition(viewer);
    let handsDrawn = 0;
    others.forEach((participant, i) => {
      const { seat } = participant;
      const headPose = poses.sample(`head:${seat}`, now);
      const anchor = anchors.get(seat);
      const shown = headPose !== undefined && viewer.distanceTo(headAt.fromArray(headPose.p)) > TOO_CLOSE_M;
      if (anchor) anchor.visible = shown;
      if (!shown) {
        for (const mesh of [head, visor, torso]) mesh.setMatrixAt(i, HIDDEN);
        return;
      }
      poseMatrix(headPose, matrix);
      head.setMatrixAt(i, matrix);
      visor.setMatrixAt(i, matrix);
      torso.setMatrixAt(i, torsoMatrix(headPose, matrix));
      anchor?.position.copy(headAt);
      if (!participant.hasHands) return;
      for (const side of ["left", "right"] as const) {
        const handPose = poses.sample(`${side}:${seat}`, now);
        if (!handPose || handsDrawn >= capacity * 2) continue;
        hand.setMatrixAt(handsDrawn, poseMatrix(handPose, matrix));
        hand.setColorAt(handsDrawn, colors[i]!);
        handsDrawn++;
      }
    });
    for (const mesh of [head, visor, torso]) {
      mesh.count = others.length;
      mesh.instanceMatrix.needsUpdate = true;
    }
    hand.count = handsDrawn;
    hand.instanceMatrix.needsUpdate = true;
    if (hand.instanceColor) hand.instanceColor.needsUpdate = true;
  });

  // Avatars take no pointer (a grab through someone's head reaches the object) and cast no shadow.
  const common = { frustumCulled: false, raycast: ignoreRaycast } as const;
  return (
    <group name="avatars">
      <instancedMesh key={`head${capacity}`} ref={heads} args={[shapes.head, undefined, capacity]} {...common}>
        <meshStandardMaterial roughness={0.55} />
      </instancedMesh>
      <instancedMesh key={`visor${capacity}`} ref={visors} args={[shapes.visor, undefined, capacity]} {...common}>
        <meshStandardMaterial roughness={0.25} metalness={0.2} />
      </instancedMesh>
      <instancedMesh key={`torso${capacity}`} ref={torsos} args={[shapes.torso, undefined, capacity]} {...common}>
        <meshStandardMaterial roughness={0.7} />
      </instancedMesh>
      <instancedMesh key={`hand${capacity}`} ref={hands} args={[shapes.hand, undefined, capacity * 2]} {...common}>
        <meshStandardMaterial roughness={0.6} />
      </instancedMesh>
    </group>
  );
}

function ignoreRaycast(): void {}
