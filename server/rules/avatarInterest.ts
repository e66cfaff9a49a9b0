/**
 * Which avatars each receiver is sent in an avatar frame. Only avatars that
 * moved since the receiver last got them, and of those, the ones in front of
 * the receiver's eyes, close to them, or followed by the class go at the full
 * rate; the rest (behind, or far off) every few frames. In a circle of 30
 * around a lesson table that is about a third less traffic, with nothing
 * visible lost: an avatar coming into view is sent from the next frame.
 */
import type { AvatarEntry } from "../../shared/avatarFrame.ts";
import type { Pose } from "../../shared/math.ts";
import { Limits } from "../../shared/protocol.ts";
import type { AvatarSent, Classroom } from "./classroom.ts";

/** An avatar due for a receiver, with its seat (a sender encodes each seat's entry once per frame). */
export interface AvatarDue extends AvatarEntry {
  seat: string;
}

const VIEW_COS = Math.cos((Limits.avatarViewHalfAngleDegrees * Math.PI) / 180);

/**
 * The entries due for one receiver in avatar frame number `frame`, and
 * records them as sent. A receiver with nothing recorded (new, or just back)
 * gets every avatar, its own included, so its scene starts complete.
 * `serverStride` above 1 (a server short of time) thins every receiver's frames.
 */
export function avatarsDueFor(classroom: Classroom, receiver: string, frame: number, serverStride = 1): AvatarDue[] {
  const me = classroom.state.participants.get(receiver);
  if (!me) return [];
  let sent = classroom.avatarsSent.get(receiver);
  const keyframe = sent === undefined;
  if (!sent) {
    sent = new Map<string, AvatarSent>();
    classroom.avatarsSent.set(receiver, sent);
  }
  const stride = frameStride(me.rttMs, serverStride);
  // Receivers on the same stride take turns (by slot), so frames do not all go out at once.
  if (!keyframe && (frame + me.slot) % stride !== 0) return [];
  const eyes = classroom.avatars.get(receiver)?.pose.head;
  const entries: AvatarDue[] = [];
  for (const [seat, avatar] of classroom.avatars) {
    if (seat === receiver && !keyframe) continue;
    const participant = classroom.state.participants.get(seat);
    if (!participant) continue;
    const last = sent.get(seat);
    if (last && last.version === avatar.version) continue;
    const fullRate = !last || seat === classroom.state.followSeat || !eyes || inViewOrNear(eyes, avatar.pose.head.p);
    if (!fullRate && frame - last.frame < Limits.avatarOutOfViewEvery * stride) continue;
    entries.push({ seat, slot: participant.slot, pose: avatar.pose });
    if (last) {
      last.version = avatar.version;
      last.frame = frame;
    } else sent.set(seat, { version: avatar.version, frame });
  }
  return entries;
}

/** Avatar frames a receiver waits between two of theirs: more on a backed-up link or a busy server. */
export function frameStride(rttMs: number, serverStride: number): number {
  const [slow, verySlow] = Limits.backedUpLinkRttMs;
  const linkStride = rttMs >= verySlow ? 3 : rttMs >= slow ? 2 : 1;
  return Math.max(linkStride, serverStride);
}

/** True when a point is close to the eyes or within the cone they look along (-z). */
export function inViewOrNear(eyes: Pose, point: readonly number[]): boolean {
  const dx = point[0]! - eyes.p[0];
  const dy = point[1]! - eyes.p[1];
  const dz = point[2]! - eyes.p[2];
  const distance = Math.hypot(dx, dy, dz);
  if (distance <= Limits.avatarNearMetres) return true;
  const [x, y, z, w] = eyes.q;
  // The eyes look along (0, 0, -1) turned by their rotation.
  const fx = -2 * (x * z + w * y);
  const fy = -2 * (y * z - w * x);
  const fz = -(1 - 2 * (x * x + y * y));
  return (fx * dx + fy * dy + fz * dz) / distance >= VIEW_COS;
}
