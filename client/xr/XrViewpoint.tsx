/**
 * In a headset, the teacher's "come here" and follow-me move this
 * participant's play space (the XR origin) rather than a camera: with a
 * short fade, so the head lands at its spot, at the chosen seated or standing
 * height. Follow-me moves it only when the leader has gone a few steps away,
 * never every frame.
 */
import { useFrame, useThree } from "@react-three/fiber";
import { useEffect, useRef, type RefObject } from "react";
import { Vector3, type Group } from "three";
import type { Vec3 } from "../../shared/math.ts";
import { useClassView } from "../app/useStores.ts";
import type { ClassroomConnection } from "../net/connection.ts";
import { spotNear } from "../scene/viewpoint.ts";
import { originForHeadAt } from "./comfort.ts";
import { comfortFade } from "./comfortFade.ts";

/** Following lets the leader walk this far from one's spot before it moves one along. */
const FOLLOW_SLACK_M = 1.2;
const head = new Vector3();

export function XrViewpoint({
  connection,
  origin,
}: {
  connection: ClassroomConnection;
  origin: RefObject<Group | null>;
}) {
  const camera = useThree((three) => three.camera);
  const jump = useRef<{ to: Vec3; at: number } | undefined>(undefined);
  const gatherSerial = useClassView(connection.view, (v) => v.gather?.serial);
  useEffect(() => {
    const { gather, participants } = connection.view.getState();
    if (!gather) return;
    const me = participants.find((p) => p.seat === connection.seat);
    jump.current = { to: spotNear(gather.point, me?.color ?? 0), at: comfortFade.flash() };
  }, [gatherSerial, connection]);

  useFrame(() => {
    const space = origin.current;
    if (!space) return;
    camera.getWorldPosition(head);
    const { followSeat, participants } = connection.view.getState();
    if (followSeat && followSeat !== connection.seat && !jump.current) {
      const leader = connection.poses.sample(`head:${followSeat}`, performance.now());
      const me = participants.find((p) => p.seat === connection.seat);
      if (leader) {
        const spot = spotNear(leader.p, me?.color ?? 0);
        if (Math.hypot(spot[0] - head.x, spot[2] - head.z) > FOLLOW_SLACK_M)
          jump.current = { to: spot, at: comfortFade.flash() };
      }
    }
    if (jump.current && performance.now() >= jump.current.at) {
      space.position.set(...originForHeadAt(space.position.toArray() as Vec3, head.toArray() as Vec3, jump.current.to));
      jump.current = undefined;
    }
  });
  return null;
}
