/**
 * The one module that talks to the classroom server. It owns the SDK room,
 * keeps the class view and pose book up to date, and turns intents (grab,
 * move, release, teacher actions) into protocol messages. It has no React in
 * it, so headless bots and tests use it too.
 */
import { Client, CloseCode as SdkCloseCode } from "@colyseus/sdk";
import type { Room } from "@colyseus/sdk";
import { type Pose, posesClose } from "../../shared/math.ts";
import {
  ClientMessage,
  CloseCode,
  JoinError,
  Limits,
  PROTOCOL_VERSION,
  ROOM_NAME,
  Refusal,
  Role,
  ServerMessage,
} from "../../shared/protocolNames.ts";
import type {
  ClientPayloads,
  CreateOptions,
  JoinOptions,
  ClassEventMessage,
  GatherMessage,
  RefusedMessage,
  SignalMessage,
  SignalPayload,
  TeacherKeyMessage,
  VoiceServerMessage,
} from "../../shared/protocol.ts";
import type { Phrase, Reaction } from "../../shared/phrasebook.ts";
import { decodeAvatarFrame } from "../../shared/avatarFrame.ts";
import type { Lesson } from "../../shared/lesson.ts";
import { LESSON_FORMAT } from "../../shared/lessonBasics.ts";
import { ClassroomState } from "../../shared/state.ts";
import { isStudioLesson } from "../../shared/studioIds.ts";
import { ConnectionStatus, createClassViewStore, syncClassView, type ClassViewStore } from "./classView.ts";
import { LinkVerdict, LinkWatchdog } from "./linkWatchdog.ts";
import { PoseBook } from "./poseBook.ts";
import { ThrottledSender } from "./throttledSender.ts";
import { StudioSession } from "./studio.ts";

/** Reactions, phrases and chat lines a client keeps for its feed. */
/** Enough for every peer's offer and candidates while the voice starts. */
const UNHEARD_SIGNALS_KEPT = 400;
const EVENTS_KEPT = 50;
/** The round trip goes to the teacher's roster every third ping (about every 6 s). */
const PINGS_PER_LINK_REPORT = 3;
/** How long leaving waits for the server to confirm before letting go anyway. */
const LEAVE_CONFIRM_MS = 3000;
/** The room sends the voice relays right after joining; on a slow link give it a while. */
const ICE_SERVERS_WAIT_MS = 10_000;

import { JoinFailedError, JoinFailure } from "./joinFailure.ts";

export { JoinFailedError, JoinFailure };

/** Matchmaking's own "no such room" code (MATCHMAKE_INVALID_ROOM_ID), for a race with a closing class. */
const NO_SUCH_ROOM = 522;

/** What each refusal code from matchmaking means for the lobby; anything else is "can't reach". */
const FAILURE_BY_CODE = new Map<unknown, JoinFailure>([
  [NO_SUCH_ROOM, JoinFailure.WrongCode],
  [JoinError.NoSuchClass, JoinFailure.WrongCode],
  [JoinError.ClassFull, JoinFailure.ClassFull],
  [JoinError.ClassEnded, JoinFailure.ClassEnded],
  [JoinError.ClassLocked, JoinFailure.ClassLocked],
  [JoinError.WrongTeacherKey, JoinFailure.WrongTeacherKey],
  [JoinError.WrongVersion, JoinFailure.OutdatedApp],
  [JoinError.TooManyAttempts, JoinFailure.TooManyAttempts],
  [JoinError.BadOptions, JoinFailure.BadDetails],
  [JoinError.UnknownLesson, JoinFailure.BadDetails],
  [JoinError.NicknameNotAllowed, JoinFailure.NicknameNotAllowed],
  [JoinError.AuthorsOnly, JoinFailure.AuthorsOnly],
]);

export function joinFailureOf(error: unknown): JoinFailedError {
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return new JoinFailedError(FAILURE_BY_CODE.get(code) ?? JoinFailure.Unreachable, message);
}

export type Participation = Omit<JoinOptions, "protocolVersion" | "teacherKey" | "code">;

/** A live connection to one class. */
export class ClassroomConnection {
  readonly view: ClassViewStore;
  readonly poses = new PoseBook();
  /** Objects this participant holds, with the pose it sees them at (ahead of the server). */
  readonly localHolds = new Map<string, Pose>();
  private readonly poseSender: ThrottledSender<ClientPayloads["pose"]>;
  private readonly pointerSender: ThrottledSender<ClientPayloads["setPointer"]>;
  private lastAvatarPose: ClientPayloads["pose"] | undefined;
  private readonly moveSenders = new Map<string, ThrottledSender<Pose>>();
  private linkTimer: ReturnType<typeof setInterval> | undefined;
  private readonly watchdog: LinkWatchdog;
  private pingsSinceReport = 0;
  private readonly signalListeners = new Set<(signal: SignalMessage) => void>();
  /** Signals that came before the voice started listening (the class screen was still opening). */
  private readonly unheardSignals: SignalMessage[] = [];
  /** Receiver clock for pose samples; injectable for tests. */
  private readonly now: () => number;
  /** The lesson studio's draft and intents, when this room is a studio (client/net/studio.ts). */
  readonly studio: StudioSession;

  constructor(
    readonly room: Room<unknown, ClassroomState>,
    role: Role,
    private readonly endpoint: string,
    now: () => number = () => performance.now(),
  ) {
    this.now = now;
    this.view = createClassViewStore({ code: room.roomId, seat: room.sessionId, role });
    this.poseSender = new ThrottledSender(1000 / Limits.avatarPoseHz, (pose) =>
      this.room.send(ClientMessage.Pose, pose),
    );
    this.pointerSender = new ThrottledSender(1000 / Limits.poseSendHz, (pointer) =>
      this.room.send(ClientMessage.SetPointer, pointer),
    );

    // Reconnect even right after joining, and keep trying through the seat's grace period.
    room.reconnection.minUptime = 0;
    room.reconnection.maxDelay = Limits.reconnectRetryMaxDelayMs;
    room.reconnection.maxRetries =
      Math.ceil((Limits.reconnectGraceSeconds * 1000) / Limits.reconnectRetryMaxDelayMs) + 2;
    this.watchdog = new LinkWatchdog(this.now());
    this.listenForAnythingHeard();
    this.studio = new StudioSession(
      room,
      (lesson) => this.view.setState({ lesson }),
      endpoint,
      () => this.view.getState().teacherKey,
    );

    room.onStateChange((state) => {
      this.poses.ingest(state, this.now());
      const lessonBefore = this.view.getState().lessonId;
      syncClassView(this.view, state);
      // A studio's lesson is its draft, which comes over the room (client/net/studio.ts).
      if (state.lessonId && state.lessonId !== lessonBefore && !isStudioLesson(state.lessonId))
        void this.loadLesson(state.lessonId);
      if (this.view.getState().status === ConnectionStatus.Connecting) this.setStatus(ConnectionStatus.Connected);
    });
    room.onMessage(ServerMessage.TeacherKey, (message: TeacherKeyMessage) => {
      this.view.setState({ teacherKey: message.teacherKey });
    });
    room.onMessage(ServerMessage.Refused, (message: RefusedMessage) => this.onRefused(message));
    room.onMessage(ServerMessage.Avatars, (frame: Uint8Array) => this.onAvatarFrame(frame));
    room.onMessage(ServerMessage.VoiceServer, (voiceServer: VoiceServerMessage) => this.view.setState({ voiceServer }));
    room.onMessage(ServerMessage.IceServers, (iceServers: RTCIceServer[]) =>
      this.view.setState({ iceServers: Array.isArray(iceServers) ? iceServers : [] }),
    );
    room.onMessage(ServerMessage.Signal, (signal: SignalMessage) => {
      if (this.signalListeners.size === 0) {
        this.unheardSignals.push(signal);
        this.unheardSignals.splice(0, this.unheardSignals.length - UNHEARD_SIGNALS_KEPT);
      } else this.signalListeners.forEach((listen) => listen(signal));
    });
    room.onMessage(ServerMessage.ClassEvent, (event: ClassEventMessage) => {
      this.view.setState({ events: [...this.view.getState().events, event].slice(-EVENTS_KEPT) });
    });
    room.onMessage(ServerMessage.Gather, ({ point }: GatherMessage) => {
      this.view.setState({ gather: { point, serial: (this.view.getState().gather?.serial ?? 0) + 1 } });
    });
    room.onDrop(() => {
      // The server lets go of everything a dropped participant held.
      this.localHolds.clear();
      this.publishHolding();
      this.watchdog.dropped(this.now());
      this.setStatus(ConnectionStatus.Reconnecting);
    });
    room.onReconnect(() => {
      this.watchdog.reconnected(this.now());
      this.setStatus(ConnectionStatus.Connected);
    });
    room.onLeave((code) => this.onLeave(code));
    this.linkTimer = setInterval(() => this.checkLink(), Limits.linkPingMs);
  }

  /**
   * Pings the server (the round trip shows in this participant's status and,
   * reported, in the teacher's roster) and starts a fresh connection when the
   * link has gone silent or an attempt to reopen it hangs.
   */
  private checkLink(): void {
    const { status } = this.view.getState();
    const verdict = this.watchdog.check(this.now(), {
      connected: status === ConnectionStatus.Connected,
      reconnecting: status === ConnectionStatus.Reconnecting,
      socketOpen: this.room.connection.isOpen,
    });
    if (verdict !== LinkVerdict.Fine) {
      // The SDK's own "went offline" path: it reports a drop at once and reconnects.
      this.room.connection.close(SdkCloseCode.MAY_TRY_RECONNECT, verdict);
      return;
    }
    this.room.ping((ms) => {
      this.view.setState({ pingMs: ms });
      if (++this.pingsSinceReport >= PINGS_PER_LINK_REPORT) {
        this.pingsSinceReport = 0;
        this.room.send(ClientMessage.ReportLink, { rttMs: ms });
      }
    });
  }

  /** Avatars name their seat by slot; the state says which slot is whose. */
  private onAvatarFrame(frame: Uint8Array): void {
    const seatBySlot = new Map<number, string>();
    this.room.state.participants.forEach((participant, seat) => seatBySlot.set(participant.slot, seat));
    const now = this.now();
    for (const { slot, pose } of decodeAvatarFrame(frame)) {
      const seat = seatBySlot.get(slot);
      if (seat !== undefined) this.poses.recordAvatar(seat, pose, now);
    }
  }

  /** Every frame from the server, whatever it carries, shows the link is alive. */
  private listenForAnythingHeard(): void {
    const events = this.room.connection.events;
    const deliver = events.onmessage;
    events.onmessage = (event) => {
      this.watchdog.heard(this.now());
      deliver?.(event);
    };
  }

  get seat(): string {
    return this.room.sessionId;
  }

  get code(): string {
    return this.room.roomId;
  }

  get state(): ClassroomState {
    return this.room.state;
  }

  /**
   * Sends where this participant's head and hands are (at most 10 times a
   * second), and nothing while they keep still: an idle participant costs
   * the class nothing.
   */
  sendAvatarPose(pose: ClientPayloads["pose"]): void {
    const last = this.lastAvatarPose;
    const still =
      last !== undefined &&
      posesClose(last.head, pose.head) &&
      sameOptionalPose(last.left, pose.left) &&
      sameOptionalPose(last.right, pose.right);
    if (still) return;
    this.lastAvatarPose = pose;
    // The server does not echo a participant's own avatar back; the scene reads it from here.
    this.poses.recordAvatar(this.seat, pose, this.now());
    this.poseSender.offer(pose);
  }

  /** Asks to hold an object; the local view treats it as held until the server refuses. */
  grab(objectId: string, pose: Pose): void {
    this.localHolds.set(objectId, pose);
    this.publishHolding();
    this.room.send(ClientMessage.Grab, { objectId });
  }

  /** Moves a held object: seen locally at once, sent to the server throttled. */
  move(objectId: string, pose: Pose): void {
    if (!this.localHolds.has(objectId)) return;
    this.localHolds.set(objectId, pose);
    let sender = this.moveSenders.get(objectId);
    if (!sender) {
      sender = new ThrottledSender(1000 / Limits.poseSendHz, (p) =>
        this.room.send(ClientMessage.Move, { objectId, pose: p }),
      );
      this.moveSenders.set(objectId, sender);
    }
    sender.offer(pose);
  }

  /** Lets go of an object where it is now. */
  release(objectId: string, pose?: Pose): void {
    const finalPose = pose ?? this.localHolds.get(objectId);
    this.moveSenders.get(objectId)?.cancel();
    this.moveSenders.delete(objectId);
    if (!this.localHolds.delete(objectId)) return;
    this.publishHolding();
    this.room.send(ClientMessage.Release, finalPose ? { objectId, pose: finalPose } : { objectId });
    // Until the server's echo arrives, show it where it was let go.
    if (finalPose) this.poses.reset(`object:${objectId}`, finalPose, this.now());
  }

  /** True while this participant holds (or has asked to hold) the object. */
  holds(objectId: string): boolean {
    return this.localHolds.has(objectId);
  }

  setLock(objectId: string, locked: boolean): void {
    this.room.send(ClientMessage.SetLock, { objectId, locked });
  }

  /** Teacher: locks or unlocks every object at once. */
  setSceneLock(locked: boolean): void {
    this.room.send(ClientMessage.SetSceneLock, { locked });
  }

  resetScene(): void {
    this.room.send(ClientMessage.ResetScene, {});
  }

  removeParticipant(seat: string): void {
    this.room.send(ClientMessage.RemoveParticipant, { seat });
  }

  endClass(): void {
    this.room.send(ClientMessage.EndClass, {});
  }

  /** Leaves the class on purpose (the seat is given up at once). */
  async leave(): Promise<void> {
    this.stopTimers();
    const { status } = this.view.getState();
    this.setStatus(ConnectionStatus.Left);
    const stillOpen = status === ConnectionStatus.Connected || status === ConnectionStatus.Connecting;
    // Whatever happens to the socket from now on, it must not come back.
    this.room.reconnection.enabled = false;
    if (stillOpen) {
      // A link that died a moment ago looks open until noticed, and would never confirm the leave.
      await Promise.race([
        this.room.leave(true).catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, LEAVE_CONFIRM_MS)),
      ]);
    }
    this.room.removeAllListeners();
  }

  /** Fetches the lesson's content (every language) from the classroom server. */
  private async loadLesson(lessonId: string): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const response = await fetch(`${this.endpoint}/api/lessons/${encodeURIComponent(lessonId)}`);
        // From this server, which checked the lesson with the lesson schema when it was shipped, imported or
        // published; the client does not carry that schema (it is most of zod, a fifth of a student's download).
        const lesson = (await response.json()) as Lesson;
        if (lesson?.format === LESSON_FORMAT && this.view.getState().lessonId === lessonId)
          this.view.setState({ lesson });
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
      }
    }
  }

  /**
   * Teacher: uploads a .glb file for this class and, once the server has
   * checked it, puts it in the scene for everyone. Resolves to the problem
   * the server found, if any.
   */
  async addModel(bytes: Uint8Array, label: string): Promise<string | undefined> {
    const teacherKey = this.view.getState().teacherKey;
    if (!teacherKey) return "only the class's teacher can add models";
    try {
      const response = await fetch(`${this.endpoint}/api/classes/${this.code}/models`, {
        method: "POST",
        headers: { "content-type": "model/gltf-binary", "x-teacher-key": teacherKey },
        body: new Blob([bytes as Uint8Array<ArrayBuffer>]),
      });
      const body = (await response.json()) as { model?: string; problem?: string };
      if (!response.ok || !body.model) return body.problem ?? `HTTP ${response.status}`;
      this.room.send(ClientMessage.AddModel, { model: body.model, label });
      return undefined;
    } catch {
      return "the classroom server could not be reached";
    }
  }

  /**
   * Teacher: asks the server for an Open Badges credential for a student who
   * completed the lesson; the credential, or why not.
   */
  async issueBadge(seat: string): Promise<{ credential: unknown } | { problem: string }> {
    const teacherKey = this.view.getState().teacherKey;
    if (!teacherKey) return { problem: "only the class's teacher can issue badges" };
    try {
      const response = await fetch(`${this.endpoint}/api/classes/${this.code}/participants/${seat}/badge`, {
        method: "POST",
        headers: { "x-teacher-key": teacherKey },
      });
      const body = (await response.json()) as { problem?: string };
      return response.ok ? { credential: body } : { problem: body.problem ?? `HTTP ${response.status}` };
    } catch {
      return { problem: "the classroom server could not be reached" };
    }
  }

  /**
   * Teacher: the class's learning records or its replay, or everything kept
   * about one participant (`participants/SEAT/data`; with "DELETE", deleted).
   */
  async teacherDownload(
    what: "records" | "replay" | `participants/${string}/data`,
    method: "GET" | "DELETE" = "GET",
  ): Promise<{ data: unknown } | { problem: string }> {
    const teacherKey = this.view.getState().teacherKey;
    if (!teacherKey) return { problem: "only the class's teacher can do this" };
    try {
      const response = await fetch(`${this.endpoint}/api/classes/${this.code}/${what}`, {
        method,
        headers: { "x-teacher-key": teacherKey },
      });
      const body = (await response.json()) as { problem?: string };
      return response.ok ? { data: body } : { problem: body.problem ?? `HTTP ${response.status}` };
    } catch {
      return { problem: "the classroom server could not be reached" };
    }
  }

  /** Raises or lowers this participant's hand. */
  raiseHand(raised: boolean): void {
    this.room.send(ClientMessage.RaiseHand, { raised });
  }

  /** Sends a reaction everyone sees on this participant's avatar. */
  react(reaction: Reaction): void {
    this.room.send(ClientMessage.React, { reaction });
  }

  /** Says a phrasebook phrase; each receiver reads it in their own language. */
  sayPhrase(phrase: Phrase): void {
    this.room.send(ClientMessage.SayPhrase, { phrase });
  }

  chat(text: string): void {
    this.room.send(ClientMessage.Chat, { text });
  }

  /** Teacher: lowers a student's hand. */
  lowerHand(seat: string): void {
    this.room.send(ClientMessage.LowerHand, { seat });
  }

  setMuted(seat: string, muted: boolean): void {
    this.room.send(ClientMessage.SetMuted, { seat, muted });
  }

  setClassLocked(locked: boolean): void {
    this.room.send(ClientMessage.SetClassLocked, { locked });
  }

  /** Teacher: calls everyone to a point in the room. */
  gather(point: [number, number, number]): void {
    this.room.send(ClientMessage.Gather, { point });
  }

  setFollow(on: boolean): void {
    this.room.send(ClientMessage.SetFollow, { on });
  }

  /** Teacher: splits the class into groups for the task (0: everyone together). */
  setGroups(groups: number): void {
    this.room.send(ClientMessage.SetGroups, { groups });
  }

  /**
   * Voice: the relay to use on networks that block direct connections (none
   * when the school runs none). The room sends it to participants only, just
   * after joining; a page that never hears it goes on without a relay.
   */
  iceServers(): Promise<RTCIceServer[]> {
    const known = this.view.getState().iceServers;
    if (known) return Promise.resolve(known);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        unsubscribe();
        resolve([]);
      }, ICE_SERVERS_WAIT_MS);
      const unsubscribe = this.view.subscribe(({ iceServers }) => {
        if (!iceServers) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(iceServers);
      });
    });
  }

  /** Voice: WebRTC signalling to one other participant, through the room. */
  sendSignal(signal: SignalPayload): void {
    this.room.send(ClientMessage.Signal, signal);
  }

  /** Voice: signalling from other participants; returns the way to stop listening. */
  onSignal(listen: (signal: SignalMessage) => void): () => void {
    this.signalListeners.add(listen);
    for (const signal of this.unheardSignals.splice(0)) listen(signal);
    return () => this.signalListeners.delete(listen);
  }

  /** Voice: this participant's microphone starts or stops sending (the room refuses a start without the floor). */
  setMic(on: boolean): void {
    this.room.send(ClientMessage.SetMic, { on });
  }

  /** Teacher: gives a student the floor, or takes it back. */
  setFloor(seat: string, on: boolean): void {
    this.room.send(ClientMessage.SetFloor, { seat, on });
  }

  /** Teacher: open discussion, and whether the teacher is heard everywhere at full level. */
  setVoice(change: { open?: boolean; teacherEverywhere?: boolean }): void {
    this.room.send(ClientMessage.SetVoice, change);
  }

  /** Teacher: shows or hides the laser pointer, from a pose pointing along its -z. */
  setPointer(on: boolean, pose?: Pose): void {
    this.pointerSender.offer(pose ? { on, pose } : { on });
  }

  /** Teacher: puts an object in front of a student. */
  handTo(objectId: string, seat: string): void {
    this.room.send(ClientMessage.HandTo, { objectId, seat });
  }

  /** Teacher: moves the class to a lesson step. */
  setStep(step: number): void {
    this.room.send(ClientMessage.SetStep, { step });
  }

  private onRefused(message: RefusedMessage): void {
    const { objectId } = message;
    // Moves already on their way when a grab was refused come back "not holder":
    // the grab's own refusal has said what happened, so these stay quiet.
    if (message.reason === Refusal.NotHolder && objectId !== undefined && !this.localHolds.has(objectId)) return;
    // A refused grab or move means someone else has it: drop the local hold.
    if ((message.request === ClientMessage.Grab || message.request === ClientMessage.Move) && objectId !== undefined) {
      this.localHolds.delete(objectId);
      this.moveSenders.get(objectId)?.cancel();
      this.moveSenders.delete(objectId);
      this.publishHolding();
    }
    const serial = (this.view.getState().lastRefusal?.serial ?? 0) + 1;
    this.view.setState({ lastRefusal: { request: message.request, reason: message.reason, serial } });
  }

  private onLeave(code: number): void {
    this.stopTimers();
    this.localHolds.clear();
    this.publishHolding();
    const status = this.view.getState().status;
    if (status === ConnectionStatus.Left) return;
    if (code === CloseCode.ClassEnded || status === ConnectionStatus.Ended) this.setStatus(ConnectionStatus.Ended);
    else if (code === CloseCode.Removed) this.setStatus(ConnectionStatus.Removed);
    else this.setStatus(ConnectionStatus.Lost);
  }

  private publishHolding(): void {
    this.view.setState({ holding: [...this.localHolds.keys()] });
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.view.getState().status !== status) this.view.setState({ status });
  }

  private stopTimers(): void {
    if (this.linkTimer) clearInterval(this.linkTimer);
    this.linkTimer = undefined;
    this.poseSender.cancel();
    this.pointerSender.cancel();
    for (const sender of this.moveSenders.values()) sender.cancel();
  }
}

function sameOptionalPose(a: Pose | undefined, b: Pose | undefined): boolean {
  return a === undefined || b === undefined ? a === b : posesClose(a, b);
}

/** Where the classroom server is: the page's own origin in a browser. */
export function defaultEndpoint(): string {
  return globalThis.location ? globalThis.location.origin : "http://127.0.0.1:2567";
}

/** Creates a class as its teacher. The teacher key arrives in the view shortly after. */
export async function createClass(
  endpoint: string,
  who: Participation,
  lessonId: string,
): Promise<ClassroomConnection> {
  const options: CreateOptions = { ...who, lessonId, protocolVersion: PROTOCOL_VERSION };
  try {
    const room = await new Client(endpoint).create(ROOM_NAME, options, ClassroomState);
    return new ClassroomConnection(room, Role.Teacher, endpoint);
  } catch (error) {
    throw joinFailureOf(error);
  }
}

/** What a browser keeps (for the tab's lifetime) to take its seat back after a reload. */
export interface SavedSeat {
  reconnectionToken: string;
  role: Role;
  teacherKey?: string;
}

/** Takes a held seat back (same avatar, same role) while the server still holds it. */
export async function resumeClass(endpoint: string, saved: SavedSeat): Promise<ClassroomConnection> {
  try {
    const room = await new Client(endpoint).reconnect(saved.reconnectionToken, ClassroomState);
    const connection = new ClassroomConnection(room, saved.role, endpoint);
    if (saved.teacherKey) connection.view.setState({ teacherKey: saved.teacherKey });
    return connection;
  } catch (error) {
    throw joinFailureOf(error);
  }
}

/** Joins a class by its code; with the teacher key, as its teacher. */
export async function joinClass(
  endpoint: string,
  code: string,
  who: Participation,
  teacherKey?: string,
): Promise<ClassroomConnection> {
  const options: JoinOptions = {
    ...who,
    code,
    protocolVersion: PROTOCOL_VERSION,
    ...(teacherKey ? { teacherKey } : {}),
  };
  try {
    const room = await new Client(endpoint).joinById(code, options, ClassroomState);
    const connection = new ClassroomConnection(room, teacherKey ? Role.Teacher : Role.Student, endpoint);
    // A teacher who came back through the teacher link can do all a teacher does (add models, share the link).
    if (teacherKey) connection.view.setState({ teacherKey });
    return connection;
  } catch (error) {
    throw joinFailureOf(error);
  }
}
