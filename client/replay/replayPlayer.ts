/**
 * Plays a recorded class (shared/replay.ts): a clock that can play, pause,
 * seek and change speed, and the scene at the clock's time — the structural
 * part as a class view (so the board and step panel read it as they read a
 * live class) and object poses eased between recorded frames.
 */
import { createStore } from "zustand/vanilla";
import { restsInPlace, type Lesson } from "../../shared/lesson.ts";
import type { Pose } from "../../shared/math.ts";
import { Role } from "../../shared/protocolNames.ts";
import {
  REPLAY_SAMPLE_MS,
  framesUpTo,
  poseOf,
  sceneAt,
  type ReplayRecording,
  type ReplayScene,
} from "../../shared/replay.ts";
import { createClassViewStore, ConnectionStatus, type ObjectView } from "../net/classView.ts";
import { interpolatePose } from "../net/interpolation.ts";

export const REPLAY_SPEEDS = [0.5, 1, 2, 4, 8] as const;

export interface PlaybackState {
  playing: boolean;
  speed: number;
  /** Milliseconds into the recording, to the nearest tenth of a second (for the time line). */
  position: number;
}

export class ReplayPlayer {
  readonly duration: number;
  /** What the board and step panel read: the replay's step, objects and task. */
  readonly view = createClassViewStore({ code: "", seat: "", role: Role.Student });
  readonly playback = createStore<PlaybackState>(() => ({ playing: false, speed: 1, position: 0 }));
  private anchorPosition = 0;
  private anchorClock = 0;
  private time = 0;
  private shownFrames = -1;
  private scene: ReplayScene | undefined;

  constructor(
    readonly recording: ReplayRecording,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.duration = recording.frames.at(-1)!.t;
    this.view.setState({
      code: recording.code,
      lessonId: recording.lessonId,
      lesson: recording.lesson,
      status: ConnectionStatus.Connected,
    });
    this.update(0);
  }

  play(): void {
    if (this.playback.getState().playing) return;
    // Playing from the end starts again from the beginning.
    if (this.time >= this.duration) this.update(0);
    this.anchor(this.time);
    this.playback.setState({ playing: true });
  }

  pause(): void {
    this.update(this.now());
    this.playback.setState({ playing: false });
  }

  seek(position: number): void {
    const clamped = Math.min(this.duration, Math.max(0, position));
    this.anchor(clamped);
    this.update(clamped);
  }

  setSpeed(speed: number): void {
    this.anchor(this.now());
    this.playback.setState({ speed });
  }

  /** Moves the scene to the clock's time; called once per drawn frame. */
  tick(): void {
    const position = this.now();
    this.update(position);
    if (position >= this.duration && this.playback.getState().playing) this.playback.setState({ playing: false });
  }

  /** Where an object is drawn at the current time, eased towards its next recorded pose. */
  poseOf(objectId: string): Pose | undefined {
    const pose = this.scene?.objects.get(objectId);
    if (!pose) return undefined;
    const next = this.recording.frames[this.shownFrames];
    const nextPose = next?.objects?.[objectId];
    if (!next || !nextPose || next.key) return pose;
    // Frames come at most every REPLAY_SAMPLE_MS: the move to the next pose happened within that time before it.
    const progress = 1 - (next.t - this.time) / REPLAY_SAMPLE_MS;
    return progress <= 0 ? pose : interpolatePose(pose, poseOf(nextPose), Math.min(1, progress));
  }

  private now(): number {
    const { playing, speed } = this.playback.getState();
    if (!playing) return this.time;
    return Math.min(this.duration, this.anchorPosition + (this.clock() - this.anchorClock) * speed);
  }

  private anchor(position: number): void {
    this.anchorPosition = position;
    this.anchorClock = this.clock();
  }

  private update(position: number): void {
    this.time = position;
    const shown = Math.round(position / 100) * 100;
    if (shown !== this.playback.getState().position) this.playback.setState({ position: shown });
    const frames = framesUpTo(this.recording.frames, position);
    if (frames === this.shownFrames) return;
    this.shownFrames = frames;
    this.scene = sceneAt(this.recording.frames, position);
    const objects = objectViews(this.scene, this.recording.lesson);
    const current = this.view.getState();
    const sameObjects =
      current.objects.length === objects.length &&
      current.objects.every((o, i) => o.id === objects[i]!.id && o.inPlace === objects[i]!.inPlace);
    const task = {
      done: this.scene.task.total > 0 && this.scene.task.inPlace === this.scene.task.total,
      ...this.scene.task,
    };
    this.view.setState({
      step: this.scene.step,
      task,
      ...(sameObjects ? {} : { objects }),
    });
  }
}

/** The objects to draw, looked up in the recording's looks, else in the lesson, else a grey box. */
function objectViews(scene: ReplayScene, lesson: Lesson | undefined): ObjectView[] {
  const goal = new Set(lesson?.steps[scene.step]?.goal?.snapped ?? []);
  return [...scene.objects].map(([id, pose]) => {
    const look = scene.looks.get(id);
    const content = lesson?.objects.find((o) => o.id === id);
    return {
      id,
      shape: look?.shape ?? content?.shape ?? "box",
      model: look?.model ?? content?.model ?? "",
      label: look?.label ?? "",
      color: look?.color ?? content?.color ?? "#9aa5b1",
      size: look?.size ?? content?.size ?? [0.1, 0.1, 0.1],
      heldBy: "",
      locked: false,
      grabbable: false,
      placedBy: "",
      // Judged as the server judges it, so the viewer sees which parts were still to place.
      inPlace: goal.has(id) && restsInPlace(content, pose.p),
      group: 0,
    };
  });
}
