/**
 * A headless scripted participant. It joins through the same connection
 * module as the browser client, so tests and load runs exercise the real
 * client code path.
 */
import type { Pose } from "../../shared/math.ts";
import { Device, Limits, type Language } from "../../shared/protocol.ts";
import { type ClassroomConnection, createClass, joinClass } from "../net/connection.ts";

export interface BotIdentity {
  nickname: string;
  language?: Language;
  device?: Device;
}

/** Creates a class as a teacher bot. */
export async function createClassAsBot(endpoint: string, lessonId: string, who: BotIdentity): Promise<Bot> {
  return new Bot(await createClass(endpoint, identity(who), lessonId));
}

/** Joins a class as a student bot (or as its teacher, with the key). */
export async function joinClassAsBot(
  endpoint: string,
  code: string,
  who: BotIdentity,
  teacherKey?: string,
): Promise<Bot> {
  return new Bot(await joinClass(endpoint, code, identity(who), teacherKey));
}

function identity(who: BotIdentity) {
  return { nickname: who.nickname, language: who.language ?? "en", device: who.device ?? Device.Desktop };
}

export class Bot {
  private wanderTimer: ReturnType<typeof setInterval> | undefined;

  constructor(readonly connection: ClassroomConnection) {}

  /** Walks its head (and hands) around a circle, sending poses at `hz`. */
  startWandering(hz: number = Limits.avatarPoseHz, radius = 1.2, phase = Math.random() * Math.PI * 2): void {
    const started = performance.now();
    this.stopWandering();
    this.wanderTimer = setInterval(() => {
      const seconds = (performance.now() - started) / 1000;
      const angle = phase + seconds * 0.6;
      const head = circlePose(angle, radius, 1.6);
      const handsOffset = 0.25;
      // Hands never keep still relative to the head: they sway, as a real user's do.
      const sway = (offset: number) => 0.06 * Math.sin(seconds * 5 + phase + offset);
      this.connection.sendAvatarPose({
        head,
        left: circlePose(angle - 0.2 + sway(0), radius - handsOffset + sway(1), 1.2 + sway(2)),
        right: circlePose(angle + 0.2 + sway(3), radius - handsOffset + sway(4), 1.2 + sway(5)),
      });
    }, 1000 / hz);
  }

  stopWandering(): void {
    if (this.wanderTimer) clearInterval(this.wanderTimer);
    this.wanderTimer = undefined;
  }

  async leave(): Promise<void> {
    this.stopWandering();
    await this.connection.leave();
  }
}

/** A pose on a circle around the lesson table, facing its centre. */
export function circlePose(angle: number, radius: number, height: number): Pose {
  const yaw = angle + Math.PI / 2;
  return {
    p: [Math.cos(angle) * radius, height, Math.sin(angle) * radius],
    q: [0, Math.sin(-yaw / 2), 0, Math.cos(-yaw / 2)],
  };
}
