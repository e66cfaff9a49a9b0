import { describe, expect, it } from "vitest";
import { REPLAY_FORMAT, REPLAY_FORMAT_VERSION, checkReplay, type ReplayRecording } from "../../shared/replay.ts";
import { ReplayPlayer } from "./replayPlayer.ts";

const still = [0, 0, 0, 0, 0, 0, 1];
const look = { shape: "sphere", color: "#ff8800", size: [0.1, 0.1, 0.1] as [number, number, number] };

/** Ten seconds: a ball rests, then is carried 1 m along x between 4 s and 5 s; step 2 at 8 s with the task done. */
function recording(): ReplayRecording {
  return {
    format: REPLAY_FORMAT,
    version: REPLAY_FORMAT_VERSION,
    code: "ABCD2345",
    lessonId: "demo",
    startedAt: 1_700_000_000_000,
    frames: [
      {
        t: 0,
        key: true,
        step: 0,
        task: [0, 1],
        objects: { ball: still, cube: still },
        looks: { ball: look, cube: look },
      },
      { t: 4000, objects: { ball: [0.2, 0, 0, 0, 0, 0, 1] } },
      { t: 4200, objects: { ball: [0.4, 0, 0, 0, 0, 0, 1] } },
      { t: 5000, objects: { ball: [1, 0, 0, 0, 0, 0, 1] } },
      { t: 8000, step: 1, task: [1, 1], removed: ["cube"] },
      { t: 10_000, key: true, step: 1, task: [1, 1], objects: { ball: [1, 0, 0, 0, 0, 0, 1] }, looks: { ball: look } },
    ],
  };
}

function playerWithClock() {
  const clock = { now: 0 };
  const player = new ReplayPlayer(recording(), () => clock.now);
  return { player, clock };
}

describe("the replay player", () => {
  it("plays at the chosen speed, pauses, and stops at the end", () => {
    const { player, clock } = playerWithClock();
    expect(player.duration).toBe(10_000);
    player.play();
    clock.now = 1000;
    player.tick();
    expect(player.playback.getState().position).toBe(1000);
    player.setSpeed(4);
    clock.now = 2000;
    player.tick();
    expect(player.playback.getState().position).toBe(5000);
    player.pause();
    clock.now = 9000;
    player.tick();
    expect(player.playback.getState().position).toBe(5000);
    player.play();
    clock.now = 10_000;
    player.tick();
    expect(player.playback.getState()).toMatchObject({ position: 9000, playing: true });
    clock.now = 20_000;
    player.tick();
    expect(player.playback.getState()).toMatchObject({ position: 10_000, playing: false });
    // Play at the end starts again from the beginning.
    player.play();
    player.tick();
    expect(player.playback.getState().position).toBe(0);
  });

  it("shows the recorded step, task and objects at the sought time, either way", () => {
    const { player } = playerWithClock();
    player.seek(9000);
    expect(player.view.getState()).toMatchObject({ step: 1, task: { done: true, inPlace: 1, total: 1 } });
    expect(player.view.getState().objects.map((o) => o.id)).toEqual(["ball"]);
    expect(player.poseOf("cube")).toBeUndefined();
    player.seek(1000);
    expect(player.view.getState()).toMatchObject({ step: 0, task: { done: false, inPlace: 0, total: 1 } });
    expect(
      player.view
        .getState()
        .objects.map((o) => o.id)
        .sort(),
    ).toEqual(["ball", "cube"]);
    expect(player.view.getState().objects[0]).toMatchObject({ shape: "sphere", color: "#ff8800", grabbable: false });
  });

  it("eases an object between recorded poses instead of jumping five times a second", () => {
    const { player } = playerWithClock();
    player.seek(3000);
    expect(player.poseOf("ball")!.p[0]).toBe(0);
    player.seek(4100);
    expect(player.poseOf("ball")!.p[0]).toBeCloseTo(0.3, 5);
    // A rest before the next frame: the ball stays put until the last sample period before it moves.
    player.seek(4500);
    expect(player.poseOf("ball")!.p[0]).toBeCloseTo(0.4, 5);
    player.seek(4900);
    expect(player.poseOf("ball")!.p[0]).toBeCloseTo(0.7, 5);
    player.seek(5000);
    expect(player.poseOf("ball")!.p[0]).toBe(1);
  });
});

describe("a replay file", () => {
  it("is accepted when well formed and refused, with the reason, when not", () => {
    expect(checkReplay(JSON.parse(JSON.stringify(recording()))).ok).toBe(true);
    const refuse = (change: (raw: Record<string, unknown>) => void) => {
      const raw = JSON.parse(JSON.stringify(recording())) as Record<string, unknown>;
      change(raw);
      const checked = checkReplay(raw);
      expect(checked.ok).toBe(false);
      return checked.ok ? [] : checked.problems;
    };
    expect(refuse((raw) => (raw.format = "something-else"))[0]).toContain("format");
    expect(refuse((raw) => ((raw.frames as unknown[]).length = 0))[0]).toContain("frames");
    // Out of time order, a pose of six numbers, a script for a label, an unknown field.
    refuse((raw) => ((raw.frames as { t: number }[])[2]!.t = 100));
    refuse((raw) => ((raw.frames as { objects: Record<string, number[]> }[])[1]!.objects.ball = [0, 0, 0, 0, 0, 1]));
    refuse(
      (raw) => ((raw.frames as { looks: Record<string, object> }[])[0]!.looks.ball = { ...look, label: "<script>" }),
    );
    refuse((raw) => (raw.extra = true));
    refuse(
      (raw) => ((raw.frames as { objects: Record<string, number[]> }[])[1]!.objects.ball = [NaN, 0, 0, 0, 0, 0, 1]),
    );
  });
});
