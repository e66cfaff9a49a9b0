/**
 * Voice signalling through the room, over real sockets: a signal reaches
 * only the participant it is for, from whom it came, even if their page was
 * not listening yet; bad signals are refused and reach nobody; a student's
 * microphone needs the floor.
 */
import { describe, expect, it, vi } from "vitest";
import { createClassAsBot, joinClassAsBot } from "../../client/bot/bot.ts";
import { ClientMessage, Limits, Refusal, type SignalMessage } from "../../shared/protocol.ts";
import { classServerForThisFile } from "../support/classServer.ts";

const classes = classServerForThisFile();

async function classOfThree() {
  const teacher = await createClassAsBot(classes.endpoint, "solar-system", { nickname: "Teacher" });
  const ana = await joinClassAsBot(classes.endpoint, teacher.connection.code, { nickname: "Ana" });
  const bo = await joinClassAsBot(classes.endpoint, teacher.connection.code, { nickname: "Bo" });
  classes.track([teacher, ana, bo]);
  for (const bot of [teacher, ana, bo]) await vi.waitFor(() => expect(bot.connection.state.participants.size).toBe(3));
  return { teacher, ana, bo };
}

describe("voice signalling", () => {
  it("reaches only its addressee, who hears it even if they start listening later", async () => {
    const { teacher, ana, bo } = await classOfThree();
    const heardByTeacher: SignalMessage[] = [];
    teacher.connection.onSignal((signal) => heardByTeacher.push(signal));
    ana.connection.sendSignal({ to: bo.connection.seat, description: { type: "offer", sdp: "v=0\r\n" } });
    ana.connection.sendSignal({
      to: bo.connection.seat,
      candidate: { candidate: "candidate:1 1 udp 1 127.0.0.1 9 typ host" },
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const heardByBo: SignalMessage[] = [];
    bo.connection.onSignal((signal) => heardByBo.push(signal));
    await vi.waitFor(() => expect(heardByBo).toHaveLength(2));
    expect(heardByBo[0]).toEqual({ from: ana.connection.seat, description: { type: "offer", sdp: "v=0\r\n" } });
    expect(heardByBo[1]!.candidate?.candidate).toContain("typ host");
    expect(heardByTeacher).toEqual([]);
  });

  it("refuses signals to nobody, to oneself, oversized or malformed, and delivers none of them", async () => {
    const { ana, bo } = await classOfThree();
    const heardByBo: SignalMessage[] = [];
    bo.connection.onSignal((signal) => heardByBo.push(signal));
    const attempts: [unknown, Refusal][] = [
      [{ to: "nobody", description: { type: "offer", sdp: "v=0" } }, Refusal.UnknownParticipant],
      [{ to: ana.connection.seat, description: { type: "offer", sdp: "v=0" } }, Refusal.UnknownParticipant],
      [
        { to: bo.connection.seat, description: { type: "offer", sdp: "x".repeat(Limits.sdpMaxLength + 1) } },
        Refusal.InvalidMessage,
      ],
      [{ to: bo.connection.seat }, Refusal.InvalidMessage],
      [{ to: bo.connection.seat, description: { type: "pranswer", sdp: "v=0" } }, Refusal.InvalidMessage],
    ];
    for (const [index, [payload, reason]] of attempts.entries()) {
      ana.connection.room.send(ClientMessage.Signal, payload as never);
      await vi.waitFor(() => {
        const refusal = ana.connection.view.getState().lastRefusal;
        expect(refusal?.serial).toBe(index + 1);
        expect(refusal?.reason).toBe(reason);
      });
    }
    expect(heardByBo).toEqual([]);
  });

  it("a student's microphone needs the floor; the teacher's does not", async () => {
    const { teacher, ana } = await classOfThree();
    ana.connection.setMic(true);
    await vi.waitFor(() => expect(ana.connection.view.getState().lastRefusal?.reason).toBe(Refusal.NoFloor));
    teacher.connection.setMic(true);
    await vi.waitFor(() => expect(ana.connection.state.participants.get(teacher.connection.seat)?.micOn).toBe(true));
    teacher.connection.setFloor(ana.connection.seat, true);
    await vi.waitFor(() => expect(ana.connection.state.participants.get(ana.connection.seat)?.floor).toBe(true));
    ana.connection.setMic(true);
    await vi.waitFor(() => expect(teacher.connection.state.participants.get(ana.connection.seat)?.micOn).toBe(true));
  });
});
