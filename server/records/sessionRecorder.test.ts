import { describe, expect, it } from "vitest";
import { REPLAY_SAMPLE_MS, sceneAt, type ReplayFrame } from "../../shared/replay.ts";
import { loadLessonCatalog } from "../lessons/catalog.ts";
import { grab, move, openClassroom, release, seatParticipant, setStep } from "../rules/classroom.ts";
import { SessionRecorder } from "./sessionRecorder.ts";

const lesson = loadLessonCatalog("assets/lessons", "assets/models").get("solar-system")!;

describe("a recorded session", () => {
  it("replays the object poses and the step as they were at chosen times, seeking either way", () => {
    const classroom = openClassroom(lesson);
    seatParticipant(classroom, "t", { nickname: "T", role: "teacher", device: "desktop", language: "en" });
    seatParticipant(classroom, "ana", { nickname: "Ana", role: "student", device: "vr", language: "es" });
    const recorder = new SessionRecorder(0);
    const frames: ReplayFrame[] = [];
    const truth: { t: number; step: number; mars: number[]; earth: number[] }[] = [];
    const poseOf = (id: string) => {
      const p = classroom.state.objects.get(id)?.pose;
      return p ? [p.px, p.py, p.pz, p.qy] : [];
    };
    // 40 seconds of class: Mars carried around, then a step change, then Earth carried.
    grab(classroom, "ana", "mars", 0);
    for (let t = 0; t <= 40_000; t += REPLAY_SAMPLE_MS) {
      const angle = t / 3000;
      if (t < 15_000)
        move(
          classroom,
          "ana",
          "mars",
          {
            p: [Math.cos(angle) * 0.5, 1.1, Math.sin(angle) * 0.5],
            q: [0, Math.sin(angle / 2), 0, Math.cos(angle / 2)],
          },
          t,
        );
      if (t === 15_000) release(classroom, "ana", "mars", undefined);
      if (t === 20_000) {
        setStep(classroom, "t", 4);
        grab(classroom, "ana", "earth", t);
      }
      if (t > 20_000)
        move(classroom, "ana", "earth", { p: [0.3, 1 + (t - 20_000) / 100_000, -0.2], q: [0, 0, 0, 1] }, t);
      const frame = recorder.sample(classroom.state, t);
      if (frame) frames.push(frame);
      truth.push({ t, step: classroom.state.step, mars: poseOf("mars"), earth: poseOf("earth") });
    }
    // Some still moments produce no frame at all.
    expect(frames.length).toBeLessThan(truth.length);

    for (const moment of [truth[7]!, truth[180]!, truth[40]!, truth[120]!, truth[99]!, truth.at(-1)!]) {
      const scene = sceneAt(frames, moment.t);
      expect(scene.step).toBe(moment.step);
      // Every object drawn can be drawn as it looked, from the recording alone.
      expect([...scene.looks.keys()].sort()).toEqual([...scene.objects.keys()].sort());
      for (const id of ["mars", "earth"] as const) {
        const seen = scene.objects.get(id);
        if (moment[id].length === 0) {
          expect(seen).toBeUndefined();
          continue;
        }
        expect(seen!.p[0]).toBeCloseTo(moment[id][0]!, 2);
        expect(seen!.p[1]).toBeCloseTo(moment[id][1]!, 2);
        expect(seen!.p[2]).toBeCloseTo(moment[id][2]!, 2);
        expect(seen!.q[1]).toBeCloseTo(moment[id][3]!, 2);
      }
    }
  });
});
