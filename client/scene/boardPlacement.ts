/**
 * Where the lesson board stands for this participant: across the table from
 * them, facing them, so it is readable from any seat (students start all
 * around the table) and never stands between anyone and the lesson. It
 * moves only when the viewer has gone a good way round the table, and then
 * glides there, so it does not follow every small step or turn.
 */

/** From the table's centre to the board, in metres. */
export const BOARD_DISTANCE_M = 1.45;
/** How far round the table (radians) the viewer may go before the board moves. */
const MOVE_AFTER_RAD = (30 * Math.PI) / 180;
/** How fast the board glides round, radians per second. */
const GLIDE_RAD_S = 2.5;

/** The viewer's angle round the table: 0 on the +z side, growing towards +x. */
export function azimuthOf(x: number, z: number): number {
  return Math.atan2(x, z);
}

/** The shortest signed turn from one angle to another, in (-π, π]. */
export function angleBetween(from: number, to: number): number {
  let delta = (to - from) % (2 * Math.PI);
  if (delta > Math.PI) delta -= 2 * Math.PI;
  if (delta <= -Math.PI) delta += 2 * Math.PI;
  return delta;
}

/** The side the board aims for: the viewer's, once they have moved far enough from the current one. */
export function boardAim(currentAim: number, viewerAzimuth: number): number {
  return Math.abs(angleBetween(currentAim, viewerAzimuth)) > MOVE_AFTER_RAD ? viewerAzimuth : currentAim;
}

/** One frame's glide of the board's angle towards its aim (at once with reduced motion). */
export function glide(angle: number, aim: number, seconds: number, reducedMotion: boolean): number {
  const delta = angleBetween(angle, aim);
  if (reducedMotion || Math.abs(delta) <= GLIDE_RAD_S * seconds) return aim;
  return angle + Math.sign(delta) * GLIDE_RAD_S * seconds;
}

/**
 * The board's place and turn for a viewer at `angle` round the table: on
 * the far side of the table, its face towards them.
 */
export function boardPlace(angle: number): { x: number; z: number; yaw: number } {
  return { x: -Math.sin(angle) * BOARD_DISTANCE_M, z: -Math.cos(angle) * BOARD_DISTANCE_M, yaw: angle };
}
