/**
 * What a channel sends, whatever carries it: a talk press made while the
 * browser is still asking for the microphone, a press let go at once, a
 * dropped link that switched the microphone off in the room. No browser:
 * a fake microphone and a fake room, and a channel that only records.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Role } from "../../shared/protocol.ts";
import { createClassViewStore, type ParticipantView } from "../net/classView.ts";
import type { ClassroomConnection } from "../net/connection.ts";
import type { SpatialAudio } from "./spatialAudio.ts";
import { VoiceChannel, type VoicePeerStats } from "./voiceChannel.ts";

const SEAT = "ana";
const track = { kind: "audio", stop: vi.fn() } as unknown as MediaStreamTrack;
const microphone = { getAudioTracks: () => [track], getTracks: () => [track] } as unknown as MediaStream;

/** Records what it was asked to put on the wire; each change takes as long as `wire` says. */
class RecordingChannel extends VoiceChannel {
  readonly sent: (MediaStreamTrack | undefined)[] = [];
  wire: () => Promise<void> = () => Promise.resolve();

  stats(): Promise<VoicePeerStats[]> {
    return Promise.resolve([]);
  }

  protected async send(track: MediaStreamTrack | undefined): Promise<void> {
    await this.wire();
    this.sent.push(track);
  }

  /** What a subclass does when the class changes. */
  changed(): void {
    this.classChanged();
  }
}

function classWith(me: Partial<ParticipantView>) {
  const view = createClassViewStore({ code: "ABC123", seat: SEAT, role: Role.Student });
  const participant = { seat: SEAT, role: Role.Student, connected: true, muted: false, floor: false, micOn: false };
  view.setState({ participants: [{ ...participant, ...me } as ParticipantView] });
  const setMic = vi.fn<(on: boolean) => void>();
  const connection = { view, seat: SEAT, setMic } as unknown as ClassroomConnection;
  const update = (change: Partial<ParticipantView>) =>
    view.setState({ participants: view.getState().participants.map((p) => ({ ...p, ...change })) });
  return { connection, setMic, update };
}

const audio = { resume: () => undefined, analyse: () => () => false } as unknown as SpatialAudio;

describe("a voice channel sends what the participant wants and may", () => {
  let answerMicrophone: (() => void) | undefined;

  beforeEach(() => {
    vi.stubGlobal("navigator", {
      mediaDevices: {
        getUserMedia: () => new Promise<MediaStream>((resolve) => (answerMicrophone = () => resolve(microphone))),
      },
    });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    answerMicrophone = undefined;
  });

  it("sends a talk press made while the browser is still asking for the microphone, once it answers", async () => {
    const { connection, setMic } = classWith({ floor: true });
    const channel = new RecordingChannel(connection, audio);
    channel.start();
    // Given the floor: the microphone is asked for at once; the student presses before the browser answers.
    channel.changed();
    expect(channel.state.getState().mic).toBe("asking");
    channel.holdToTalk(true);
    await vi.waitFor(() => expect(answerMicrophone).toBeDefined());
    answerMicrophone!();
    await vi.waitFor(() => expect(channel.state.getState().sending).toBe(true));
    expect(channel.sent.at(-1)).toBe(track);
    expect(setMic).toHaveBeenLastCalledWith(true);
  });

  it("ends sending nothing after a press let go before the wire took it", async () => {
    const { connection, setMic } = classWith({ floor: true });
    const channel = new RecordingChannel(connection, audio);
    channel.start();
    channel.changed();
    answerMicrophone!();
    await vi.waitFor(() => expect(channel.state.getState().mic).toBe("ready"));
    const pending: (() => void)[] = [];
    channel.wire = () => new Promise((resolve) => pending.push(resolve));
    channel.holdToTalk(true);
    channel.holdToTalk(false);
    while (channel.state.getState().talkHeld || pending.length > 0) {
      await vi.waitFor(() => expect(pending.length).toBeGreaterThan(0));
      pending.shift()!();
      await Promise.resolve();
    }
    await vi.waitFor(() => expect(channel.sent.at(-1)).toBeUndefined());
    expect(channel.state.getState().sending).toBe(false);
    expect(setMic.mock.calls.at(-1)?.[0] ?? false).toBe(false);
  });

  it("says again that it sends when a dropped link switched its microphone off in the room", async () => {
    const { connection, setMic, update } = classWith({ floor: true });
    const channel = new RecordingChannel(connection, audio);
    channel.start();
    channel.changed();
    answerMicrophone!();
    channel.setMicOpen(true);
    await vi.waitFor(() => expect(setMic).toHaveBeenLastCalledWith(true));
    update({ micOn: true });
    channel.changed();
    setMic.mockClear();
    // The room marks a dropped participant's microphone off; the page, still sending, comes back.
    update({ micOn: false, connected: false });
    channel.changed();
    update({ connected: true });
    channel.changed();
    expect(setMic).toHaveBeenCalledWith(true);
  });

  it("stops, and does not claim the microphone again, when the floor is taken away", async () => {
    const { connection, setMic, update } = classWith({ floor: true });
    const channel = new RecordingChannel(connection, audio);
    channel.start();
    channel.changed();
    answerMicrophone!();
    channel.setMicOpen(true);
    await vi.waitFor(() => expect(channel.state.getState().sending).toBe(true));
    update({ micOn: true });
    channel.changed();
    setMic.mockClear();
    update({ floor: false, micOn: false });
    channel.changed();
    await vi.waitFor(() => expect(channel.state.getState().sending).toBe(false));
    expect(setMic.mock.calls).toEqual([[false]]);
    expect(channel.sent.at(-1)).toBeUndefined();
  });
});
