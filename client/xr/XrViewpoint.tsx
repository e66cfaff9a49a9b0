/**
 * In a headset, the teacher's "come here" and follow-me move this
 * participant's XR origin (their play space) rather than a camera.
 */
import { useFrame } from "@react-three/fiber";
import { useEffect, type RefObject } from "react";
import type { Group } from "three";
import { useClassView } from "../app/useStores.ts";
import type { ClassroomConnection } from "../net/connection.ts";
import { spotNear } from "../scene/viewpoint.ts";

export function XrViewpoint({
  connection,
  origin,
}: {
  connection: ClassroomConnection;
  origin: RefObject<Group | null>;
}) {
  const gatherSerial = useClassView(connection.view, (v) => v.gather?.serial);
  useEffect(() => {
    const { gather, participants } = connection.view.getState();
    if (!gather || !origin.current) return;
    const me = participants.find((p) => p.seat === connection.seat);
    origin.current.position.set(...spotNear(gather.point, me?.color ?? 0));
  }, [gatherSerial, connection, origin]);

  useFrame(() => {
    const { followSeat, participants } = connection.view.getState();
    if (!followSeat || followSeat === connection.seat || !origin.current) return;
    const leader = connection.poses.sample(`head:${followSeat}`, performance.now());
    const me = participants.find((p) => p.seat === connection.seat);
    if (leader) origin.current.position.set(...spotNear(leader.p, me?.color ?? 0));
  });
  return null;
}
