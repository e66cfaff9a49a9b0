/**
 * The avatar stream's wire format. Avatars are most of a class's traffic, so
 * they travel outside the replicated state, packed by hand, and the server
 * sends each participant only the avatars due for them (see
 * `server/rules/avatarInterest.ts`).
 *
 * One frame is a run of entries, one per avatar:
 *   slot      uint8    the participant's `slot` in the state
 *   flags     uint8    bits 0–1: head rotation's dropped component; bit 2: hands follow;
 *                      bits 3–4 and 5–6: the left and right hands' dropped components
 *   head      6 × int16 position over ±worldBound (1.5 mm), rotation as its smallest three components
 *   each hand 6 × int8  position from the head in centimetres (±1.27 m), rotation as its smallest three
 * 14 bytes for a head, 26 with hands: about 60% of the same poses in the replicated state.
 */
import type { Pose, Quat } from "./math.ts";
import { Limits } from "./protocolNames.ts";

export interface AvatarPose {
  head: Pose;
  left?: Pose | undefined;
  right?: Pose | undefined;
}

export interface AvatarEntry {
  slot: number;
  pose: AvatarPose;
}

const HEAD_BYTES = 2 + 12;
const HAND_BYTES = 6;
const HANDS_FLAG = 1 << 2;
/** The three smallest components of a unit quaternion lie within ±1/√2. */
const SMALLEST_THREE_RANGE = Math.SQRT1_2;
const HAND_REACH_CM = 127;

export function avatarEntryBytes(pose: AvatarPose): number {
  return HEAD_BYTES + (pose.left || pose.right ? 2 * HAND_BYTES : 0);
}

/** A frame of several entries. */
export function encodeAvatarFrame(entries: AvatarEntry[]): Uint8Array {
  return joinAvatarEntries(entries.map(encodeAvatarEntry));
}

/** Entries encoded once (a server sends the same avatar to many receivers) joined into one frame. */
export function joinAvatarEntries(encoded: Uint8Array[]): Uint8Array {
  if (encoded.length === 1) return encoded[0]!;
  const frame = new Uint8Array(encoded.reduce((sum, bytes) => sum + bytes.byteLength, 0));
  let at = 0;
  for (const bytes of encoded) {
    frame.set(bytes, at);
    at += bytes.byteLength;
  }
  return frame;
}

export function encodeAvatarEntry({ slot, pose }: AvatarEntry): Uint8Array {
  const bytes = new Uint8Array(avatarEntryBytes(pose));
  const view = new DataView(bytes.buffer);
  let at = 0;
  const head = smallestThree(pose.head.q);
  const hands = pose.left || pose.right ? [pose.left ?? pose.head, pose.right ?? pose.head] : [];
  const handRotations = hands.map((hand) => smallestThree(hand.q));
  view.setUint8(at, slot);
  view.setUint8(
    at + 1,
    head.dropped |
      (hands.length ? HANDS_FLAG : 0) |
      ((handRotations[0]?.dropped ?? 0) << 3) |
      ((handRotations[1]?.dropped ?? 0) << 5),
  );
  at += 2;
  // Hands are placed from the head as the receiver will decode it, so the two roundings do not add up.
  const headAsDecoded = pose.head.p.map((value) => {
    const quantized = quantize(value / Limits.worldBound, 32767);
    view.setInt16(at, quantized, true);
    at += 2;
    return (quantized / 32767) * Limits.worldBound;
  });
  for (const value of head.kept) {
    view.setInt16(at, quantize(value / SMALLEST_THREE_RANGE, 32767), true);
    at += 2;
  }
  hands.forEach((hand, index) => {
    for (let axis = 0; axis < 3; axis++)
      view.setInt8(at++, quantize((hand.p[axis]! - headAsDecoded[axis]!) / (HAND_REACH_CM / 100), HAND_REACH_CM));
    for (const value of handRotations[index]!.kept) view.setInt8(at++, quantize(value / SMALLEST_THREE_RANGE, 127));
  });
  return bytes;
}

/** Reads a frame; a truncated last entry is ignored (a frame is never trusted to be whole). */
export function decodeAvatarFrame(bytes: Uint8Array): AvatarEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: AvatarEntry[] = [];
  let at = 0;
  while (at + HEAD_BYTES <= bytes.byteLength) {
    const slot = view.getUint8(at);
    const flags = view.getUint8(at + 1);
    const hasHands = (flags & HANDS_FLAG) !== 0;
    if (hasHands && at + HEAD_BYTES + 2 * HAND_BYTES > bytes.byteLength) break;
    at += 2;
    const p = [0, 1, 2].map((i) => (view.getInt16(at + 2 * i, true) / 32767) * Limits.worldBound) as Pose["p"];
    const kept = [3, 4, 5].map((i) => (view.getInt16(at + 2 * i, true) / 32767) * SMALLEST_THREE_RANGE);
    at += 12;
    const head: Pose = { p, q: fromSmallestThree(flags & 3, kept) };
    const pose: AvatarPose = { head };
    if (hasHands) {
      const readHand = (dropped: number): Pose => {
        const offset = [0, 1, 2].map((i) => (view.getInt8(at + i) / HAND_REACH_CM) * (HAND_REACH_CM / 100));
        const handKept = [3, 4, 5].map((i) => (view.getInt8(at + i) / 127) * SMALLEST_THREE_RANGE);
        at += HAND_BYTES;
        return {
          p: [p[0] + offset[0]!, p[1] + offset[1]!, p[2] + offset[2]!],
          q: fromSmallestThree(dropped, handKept),
        };
      };
      pose.left = readHand((flags >> 3) & 3);
      pose.right = readHand((flags >> 5) & 3);
    }
    entries.push({ slot, pose });
  }
  return entries;
}

function quantize(unit: number, scale: number): number {
  return Math.round(Math.max(-1, Math.min(1, unit)) * scale);
}

/** Drops the largest component (made positive; q and -q are one rotation); the other three are kept. */
function smallestThree(q: Quat): { dropped: number; kept: number[] } {
  let dropped = 0;
  for (let i = 1; i < 4; i++) if (Math.abs(q[i]!) > Math.abs(q[dropped]!)) dropped = i;
  const sign = q[dropped]! < 0 ? -1 : 1;
  return { dropped, kept: q.filter((_, i) => i !== dropped).map((value) => value * sign) };
}

function fromSmallestThree(dropped: number, kept: number[]): Quat {
  const largest = Math.sqrt(Math.max(0, 1 - kept.reduce((sum, value) => sum + value * value, 0)));
  const q = [...kept];
  q.splice(dropped, 0, largest);
  const length = Math.hypot(...q);
  return q.map((value) => value / length) as Quat;
}
