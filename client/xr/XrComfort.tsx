/**
 * Getting around in VR comfortably, with the right controller's stick: push
 * it forward to throw an arc to the floor, let go to be there (with a short
 * fade); push it sideways to turn by 30° or 45° steps, or smoothly with a
 * vignette, as chosen in the VR menu. Seated users get their play space
 * lifted to a standing eye height. Teleports and turns move the play space
 * (the XR origin) around the head, so the head lands where it was aimed.
 */
import { createPortal, useFrame, useThree } from "@react-three/fiber";
import { XRSpace, useXRInputSourceState } from "@react-three/xr";
import { useEffect, useMemo, useRef, type RefObject } from "react";
import {
  BackSide,
  type InterleavedBufferAttribute,
  Mesh,
  MeshBasicMaterial,
  RingGeometry,
  SphereGeometry,
  Vector3,
  type Group,
} from "three";
import { Line2 } from "three/examples/jsm/lines/Line2.js";
import { LineGeometry } from "three/examples/jsm/lines/LineGeometry.js";
import { LineMaterial } from "three/examples/jsm/lines/LineMaterial.js";
import { useStore } from "zustand";
import type { Vec3 } from "../../shared/math.ts";
import { xrOriginPlace } from "../scene/sceneRegistry.ts";
import {
  PUSHED,
  RELEASED,
  SEATED_LIFT_M,
  SMOOTH_TURN_RAD_S,
  originForHeadAt,
  snapDegrees,
  teleportArc,
  turnAroundHead,
} from "./comfort.ts";
import { comfortChoices } from "./comfortChoices.ts";
import { comfortFade } from "./comfortFade.ts";

const THUMBSTICK = "xr-standard-thumbstick";
const ARC_POINTS = 42;
const head = new Vector3();
const rayAt = new Vector3();
const rayDirection = new Vector3();

export function XrComfort({ origin }: { origin: RefObject<Group | null> }) {
  const right = useXRInputSourceState("controller", "right");
  const ray = useRef<Group>(null);
  const camera = useThree((three) => three.camera);
  const scene = useThree((three) => three.scene);
  const posture = useStore(comfortChoices, (choices) => choices.posture);
  const stick = useRef({
    turned: false,
    aiming: false,
    landing: undefined as Vec3 | undefined,
    /** Where to jump once the fade has darkened the view, and when. */
    jump: undefined as { to: Vec3; at: number } | undefined,
  });

  const { arc, marker, veil } = useMemo(() => {
    // A thick line (1.5 cm, in the world's units): a one-pixel line is hard to see in a headset.
    const geometry = new LineGeometry();
    geometry.setPositions(new Float32Array(ARC_POINTS * 3));
    const arc = new Line2(geometry, new LineMaterial({ color: 0x1fa3ff, linewidth: 0.02, worldUnits: true }));
    const marker = new Mesh(
      new RingGeometry(0.18, 0.24, 40).rotateX(-Math.PI / 2),
      new MeshBasicMaterial({ color: "#1fa3ff" }),
    );
    // A dark shell around the head: fades in and out over a teleport, half in while turning smoothly.
    const veil = new Mesh(
      new SphereGeometry(0.25, 16, 12),
      new MeshBasicMaterial({ color: "#000000", side: BackSide, transparent: true, opacity: 0, depthTest: false }),
    );
    veil.renderOrder = 999;
    arc.visible = marker.visible = false;
    arc.frustumCulled = false;
    return { arc, marker, veil };
  }, []);
  useEffect(
    () => () => {
      for (const mesh of [arc, marker, veil]) {
        mesh.geometry.dispose();
        (mesh.material as MeshBasicMaterial).dispose();
      }
    },
    [arc, marker, veil],
  );

  // Seated: the play space rises so the table meets the eyes as it would standing.
  useEffect(() => {
    if (origin.current) origin.current.position.y = posture === "seated" ? SEATED_LIFT_M : 0;
  }, [posture, origin]);

  useFrame((_, delta) => {
    const space = origin.current;
    if (!space) return;
    xrOriginPlace.current = { position: [space.position.x, space.position.y, space.position.z], yaw: space.rotation.y };
    const { turn } = comfortChoices.getState();
    const axes = right?.gamepad[THUMBSTICK];
    const x = axes?.xAxis ?? 0;
    const y = axes?.yAxis ?? 0;
    camera.getWorldPosition(head);
    const turnBy = (angle: number) => {
      const turned = turnAroundHead(space.position.toArray() as Vec3, space.rotation.y, head.toArray() as Vec3, angle);
      space.position.set(...turned.origin);
      space.rotation.y = turned.yaw;
    };

    // Turning: pushing right turns the view right (a negative angle about y).
    let vignette = 0;
    if (turn === "smooth") {
      if (Math.abs(x) > PUSHED) {
        turnBy(-Math.sign(x) * SMOOTH_TURN_RAD_S * delta);
        vignette = 0.55;
      }
    } else if (Math.abs(x) > PUSHED && !stick.current.turned) {
      stick.current.turned = true;
      turnBy((-Math.sign(x) * snapDegrees(turn) * Math.PI) / 180);
    } else if (Math.abs(x) < RELEASED) stick.current.turned = false;

    // Teleport: forward (negative y on a thumbstick) aims; letting go goes.
    const source = ray.current;
    if (y < -PUSHED && source) {
      source.getWorldPosition(rayAt);
      rayDirection.set(0, 0, -1).applyQuaternion(source.getWorldQuaternion(source.quaternion.clone()));
      const { points, landing } = teleportArc(rayAt.toArray() as Vec3, rayDirection.toArray() as Vec3);
      stick.current.aiming = true;
      stick.current.landing = landing;
      drawArc(arc, points);
      arc.visible = true;
      marker.visible = landing !== undefined;
      if (landing) marker.position.set(landing[0], 0.01, landing[2]);
    } else if (stick.current.aiming && y > -RELEASED) {
      const { landing } = stick.current;
      stick.current.aiming = false;
      stick.current.landing = undefined;
      arc.visible = marker.visible = false;
      if (landing) stick.current.jump = { to: landing, at: comfortFade.flash() };
    }
    const { jump } = stick.current;
    if (jump && performance.now() >= jump.at) {
      stick.current.jump = undefined;
      space.position.set(...originForHeadAt(space.position.toArray() as Vec3, head.toArray() as Vec3, jump.to));
    }

    veil.position.copy(head);
    (veil.material as MeshBasicMaterial).opacity = Math.max(vignette, comfortFade.opacity(performance.now()));
    veil.visible = (veil.material as MeshBasicMaterial).opacity > 0.01;
  });

  return (
    <>
      {right && <XRSpace ref={ray} space={right.inputSource.targetRaySpace} />}
      {createPortal(
        <>
          <primitive object={arc} />
          <primitive object={marker} />
          <primitive object={veil} />
        </>,
        scene,
      )}
    </>
  );
}

/** Writes the arc's points into the line's segments in place (no new buffers each frame). */
function drawArc(line: Line2, points: Vec3[]): void {
  const segments = (line.geometry.getAttribute("instanceStart") as InterleavedBufferAttribute).data;
  const array = segments.array as Float32Array;
  for (let i = 0; i < ARC_POINTS - 1; i++) {
    const from = points[Math.min(i, points.length - 1)]!;
    const to = points[Math.min(i + 1, points.length - 1)]!;
    array.set(from, i * 6);
    array.set(to, i * 6 + 3);
  }
  segments.needsUpdate = true;
}
