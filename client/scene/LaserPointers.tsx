/**
 * The teacher's laser pointer as everyone sees it: a beam from where the
 * teacher points, with a bright dot at its end. The teacher's own client
 * reports the pointer pose while it is on.
 */
import { useFrame, useThree } from "@react-three/fiber";
import { useXR } from "@react-three/xr";
import { useRef } from "react";
import { type Group, Matrix4, Quaternion, Vector3 } from "three";
import type { Pose } from "../../shared/math.ts";
import { useClassView } from "../app/useStores.ts";
import type { ClassroomConnection } from "../net/connection.ts";
import { applyPose, worldPoseOf } from "./poseConversion.ts";

const BEAM_LENGTH = 2.5;

export function LaserPointers({ connection }: { connection: ClassroomConnection }) {
  const pointing = useClassView(connection.view, (v) =>
    v.participants
      .filter((p) => p.pointing)
      .map((p) => p.seat)
      .join(","),
  );
  const mine = pointing.split(",").includes(connection.seat);
  return (
    <>
      {pointing
        .split(",")
        .filter(Boolean)
        .map((seat) => (
          <Beam key={seat} seat={seat} connection={connection} />
        ))}
      {mine && <PointerReporter connection={connection} />}
    </>
  );
}

function Beam({ seat, connection }: { seat: string; connection: ClassroomConnection }) {
  const group = useRef<Group>(null);
  useFrame(() => {
    const state = connection.state.participants.get(seat)?.pointer;
    if (!state || !group.current) return;
    applyPose(group.current, { p: [state.px, state.py, state.pz], q: [state.qx, state.qy, state.qz, state.qw] });
  });
  return (
    <group ref={group} name={`pointer-${seat}`}>
      <mesh position={[0, 0, -BEAM_LENGTH / 2]} rotation={[Math.PI / 2, 0, 0]}>
        <cylinderGeometry args={[0.004, 0.004, BEAM_LENGTH, 8]} />
        <meshBasicMaterial color="#ff2d55" transparent opacity={0.85} />
      </mesh>
      <mesh position={[0, 0, -BEAM_LENGTH]}>
        <sphereGeometry args={[0.025, 16, 8]} />
        <meshBasicMaterial color="#ff2d55" />
      </mesh>
    </group>
  );
}

const matrix = new Matrix4();
const position = new Vector3();
const rotation = new Quaternion();
const scale = new Vector3();

/** Sends the teacher's pointer pose: the right controller's ray in VR, the view's centre on a screen. */
function PointerReporter({ connection }: { connection: ClassroomConnection }) {
  const camera = useThree((three) => three.camera);
  const referenceSpace = useXR((xr) => xr.originReferenceSpace);
  const origin = useXR((xr) => xr.origin);
  useFrame((_state, _delta, frame: XRFrame | undefined) => {
    let pose: Pose | undefined;
    if (frame && referenceSpace) {
      const right = [...frame.session.inputSources].find((source) => source.handedness === "right");
      const rayPose = right && frame.getPose(right.targetRaySpace, referenceSpace);
      if (rayPose) {
        matrix.fromArray(rayPose.transform.matrix);
        if (origin) matrix.premultiply(origin.matrixWorld);
        matrix.decompose(position, rotation, scale);
        pose = { p: [position.x, position.y, position.z], q: [rotation.x, rotation.y, rotation.z, rotation.w] };
      }
    }
    pose ??= worldPoseOf(camera);
    // Start the beam a little below the eyes so it reads as coming from the teacher.
    connection.setPointer(true, { p: [pose.p[0], pose.p[1] - 0.1, pose.p[2]], q: pose.q });
  });
  return null;
}
