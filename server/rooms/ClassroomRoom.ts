/**
 * One class, as a Colyseus room. It only adapts: it validates each message
 * against the shared schemas, calls the classroom rule, and replies.
 */
import { randomBytes, randomUUID } from "node:crypto";
import {
  type AuthContext,
  type Client,
  ClientState,
  Room,
  type RoomException,
  type RoomMethodName,
  ServerError,
  matchMaker,
} from "@colyseus/core";
import { z } from "zod";
import { encodeAvatarEntry, joinAvatarEntries } from "../../shared/avatarFrame.ts";
import { generateJoinCode } from "../../shared/joinCode.ts";
import type { JoinOptions } from "../../shared/protocol.ts";
import {
  ClassEventKind,
  ClientMessage,
  CloseCode,
  CreateOptions,
  JoinError,
  Limits,
  PROTOCOL_VERSION,
  Role,
  ServerMessage,
  clientMessageSchemas,
  type ClientPayloads,
  type ClassListing,
  type GatherMessage,
  type RefusedMessage,
  type TeacherKeyMessage,
} from "../../shared/protocol.ts";
import { ClassroomState } from "../../shared/state.ts";
import type { Lesson } from "../../shared/lesson.ts";
import { type AvatarDue, avatarsDueFor } from "../rules/avatarInterest.ts";
import * as rules from "../rules/classroom.ts";
import * as persistence from "../rules/persistence.ts";
import type { ClassSnapshot, ClassStore } from "../storage/classStore.ts";
import * as tasks from "../rules/tasks.ts";
import * as teaching from "../rules/teaching.ts";
import * as voice from "../rules/voice.ts";
import { hashTeacherKey, teacherKeyMatches } from "../rules/teacherKey.ts";
import type { ServerLoad } from "./serverLoad.ts";
import { learningRecords, type RecordScope } from "../records/learningRecords.ts";
import type { LrsForwarder } from "../records/lrsForwarder.ts";
import type { XapiStatement } from "../../shared/xapi.ts";
import type { ReplayFrame } from "../../shared/replay.ts";
import { REPLAY_SAMPLE_MS } from "../../shared/replay.ts";
import { SessionRecorder } from "../records/sessionRecorder.ts";
import type { MixingRoom, MixingSeat, MixingVoice } from "../voice/mixingVoice.ts";
import { entryRefusal } from "../rules/admission.ts";
import type { AddressLimits } from "../rules/addressLimits.ts";
import { type Conduct, Offence, describeError } from "./conduct.ts";
import { ENTRY_REFUSALS, JoinOrCreateOptions, SeatKeeper } from "./seatKeeper.ts";
import { rememberEnded } from "./entryPaths.ts";
import { ConductKeeper } from "./conductKeeper.ts";
import { guardRoom } from "./roomGuards.ts";
import { type TurnConfig, iceServersFor } from "../voice/turnCredentials.ts";
import { draftIdOfLesson } from "../../shared/studioIds.ts";
import { StudioPart } from "./studioPart.ts";
import { listenToStudio } from "./studioMessages.ts";

type ClassroomClient = Client<{ userData: Conduct }>;

/** What a room needs from the server that hosts it. */
export interface ClassroomRoomContext {
  /** A lesson by id: shipped, imported here, or (scale-out) imported through another process. */
  findLesson: (id: string) => Promise<Lesson | undefined>;
  /** Where classes are saved so a restart does not lose them. */
  store: ClassStore;
  /** True when a model file can be served (uploaded or shipped). */
  modelAvailable: (file: string) => boolean;
  /** Looks for a model uploaded through another process (scale-out); true once it can be served here. */
  fetchModel?: (file: string) => Promise<boolean>;
  /** Clock for the rules; tests may replace it. */
  now?: () => number;
  /** How busy the server process is; avatar frames thin out when it is short of time. */
  load?: ServerLoad;
  /** The server's public address, home of the learning records' accounts and activities. */
  recordsHome?: () => string;
  /** An outside Learning Record Store the records also go to, when configured. */
  lrs?: LrsForwarder;
  /** Voice through a media server (Janus), when configured; otherwise participants connect their voices directly. */
  mixingVoice?: MixingVoice;
  /** Per-address limits the server's join gate shares: connections cut off for abuse count there. */
  addressLimits?: AddressLimits;
  /** The school's TURN relay for voice, when it runs one: its credentials go to participants only. */
  turn?: TurnConfig;
  /** Adds a lesson published from the studio to the server's lessons; without it the studio cannot publish. */
  publishLesson?: (lesson: Lesson) => Promise<void>;
}

/** The create option the server uses to bring a saved class back. */
export const RESTORE = "__restoreFromSnapshot";
const SAVE_INTERVAL_MS = 2000;
/** Patches go at the move rate; avatar frames at the (lower) avatar rate. */
const PATCHES_PER_AVATAR_FRAME = Math.round(Limits.poseSendHz / Limits.avatarPoseHz);

/** Makes the room class for a server, closed over its lessons, store and load. */
export function createClassroomRoom(context: ClassroomRoomContext) {
  const now = context.now ?? Date.now;

  return class ClassroomRoom extends Room<{ state: ClassroomState; metadata: ClassListing }> {
    override state = new ClassroomState();
    // Seats beyond the class size are turned away with a clear message in
    // onAuth; Colyseus's own limit only stops reservations piling up.
    override maxClients = Limits.maxParticipants + 5;
    override autoDispose = false;
    override maxMessagesPerSecond = 120;

    classroom!: rules.Classroom;
    /** SHA-256 of the teacher key, hex; the key itself is kept only until the creator has it. */
    teacherKeyHash!: string;
    keyForCreator: string | undefined;
    readonly conduct = new ConductKeeper(
      () => this.roomId,
      (client, message) => this.refuse(client, message),
      now,
      context.addressLimits,
    );
    readonly seats = new SeatKeeper(() => ({
      code: this.roomId,
      teacherKeyHash: this.teacherKeyHash,
      state: this.state,
      finished: this.finished,
    }));
    lastSaved = "";
    patchesSent = 0;
    recorder!: SessionRecorder;
    /** Replay frames not yet stored (they go with the next save). */
    replayFrames: { at: number; frame: ReplayFrame }[] = [];
    /** The class's room on the media server, when voice goes through one. */
    mixingRoom: MixingRoom | undefined;
    readonly mixingSeats = new Map<string, MixingSeat>();
    /** This class session, for its learning records. */
    registration = randomUUID();
    avatarFrames = 0;
    /** Set when this room is a lesson studio (its participants are the draft's authors). */
    studio: StudioPart | undefined;
    /** Set when the class is over for good, so its saved copy is deleted rather than kept. */
    finished = false;
    emptySince: number | undefined;

    /**
     * Runs during HTTP matchmaking, before a seat is reserved, so every
     * refusal reaches the client as a clear status code. It reads the class's
     * listing through the matchmaker, which works across processes too.
     */
    static override async onAuth(_token: string, options: unknown, _context: AuthContext) {
      const version = (options as { protocolVersion?: unknown } | undefined)?.protocolVersion;
      if (version !== PROTOCOL_VERSION)
        throw new ServerError(JoinError.WrongVersion, "client and server versions differ");
      const parsed = JoinOrCreateOptions.safeParse(options);
      if (!parsed.success) throw new ServerError(JoinError.BadOptions, z.prettifyError(parsed.error));
      if (!("code" in parsed.data)) return parsed.data;

      const listing = (await matchMaker.getRoomById(parsed.data.code))?.metadata as ClassListing | undefined;
      if (!listing) throw new ServerError(JoinError.NoSuchClass, "no class has this code");
      if (listing.ended) throw new ServerError(JoinError.ClassEnded, "this class has ended");
      const { teacherKey } = parsed.data;
      if (listing.studio && teacherKey === undefined)
        throw new ServerError(
          JoinError.AuthorsOnly,
          "this is a lesson studio: only its authors come in, by their link",
        );
      if (teacherKey !== undefined) {
        if (!teacherKeyMatches(teacherKey, listing.teacherKeyHash)) {
          throw new ServerError(JoinError.WrongTeacherKey, "this teacher link is not for this class");
        }
        return parsed.data;
      }
      const refusal = entryRefusal(
        { ended: false, locked: listing.locked, taken: listing.seated, teacherNames: listing.teacherNames },
        { teacher: false, nickname: parsed.data.nickname },
      );
      if (refusal !== undefined)
        throw new ServerError(refusal, ENTRY_REFUSALS[refusal] ?? "you cannot join this class");
      return parsed.data;
    }

    override async onCreate(options: unknown) {
      guardRoom(this, {
        acceptFrame: (client, frame) => this.conduct.acceptFrame(client as ClassroomClient, frame),
        frameFailed: (client, error) =>
          this.conduct.offence(client as ClassroomClient, Offence.HandlerError, describeError(error)),
        acceptSeat: (sessionId, auth, promised) => this.seats.acceptSeat(sessionId, auth, promised),
      });
      const restoring = (options as { [RESTORE]?: ClassSnapshot } | undefined)?.[RESTORE];
      if (restoring) {
        // Only the server itself restores a class (clients' options never reach here unchecked).
        const draftId = draftIdOfLesson(restoring.lessonId);
        this.studio = draftId ? await StudioPart.restore(this.studioContext(), draftId) : undefined;
        const lesson = draftId ? this.studio?.lesson() : await context.findLesson(restoring.lessonId);
        if (!lesson) throw new ServerError(JoinError.UnknownLesson, `no lesson "${restoring.lessonId}"`);
        this.roomId = restoring.code;
        this.classroom = persistence.restoreClassroom(lesson, restoring);
        this.teacherKeyHash = restoring.teacherKeyHash;
        this.seats.restored(restoring.roster);
      } else {
        const parsed = CreateOptions.safeParse(options);
        if (!parsed.success) throw new ServerError(JoinError.BadOptions, z.prettifyError(parsed.error));
        if (parsed.data.studio) {
          // The studio's author key is its teacher key: every author is a teacher of the table.
          const { part, authorKey } = await StudioPart.open(this.studioContext(), parsed.data.studio);
          this.studio = part;
          this.keyForCreator = authorKey;
          this.teacherKeyHash = part.authorKeyHash;
        }
        const lessonId = parsed.data.lessonId ?? "";
        const lesson = this.studio ? this.studio.lesson() : await context.findLesson(lessonId);
        if (!lesson) throw new ServerError(JoinError.UnknownLesson, `no lesson "${lessonId}"`);
        this.roomId = await unusedJoinCode();
        this.classroom = rules.openClassroom(lesson);
        this.keyForCreator ??= randomBytes(Limits.teacherKeyLength / 2).toString("hex");
        this.teacherKeyHash ??= hashTeacherKey(this.keyForCreator);
        this.seats.opened(parsed.data.nickname);
        if (!this.studio) await context.store.keepTeacherKey(this.roomId, this.teacherKeyHash);
      }
      await this.studio?.opened(this.roomId);
      this.state = this.classroom.state;
      this.patchRate = 1000 / Limits.poseSendHz;
      this.emptySince = now();
      await this.publishListing();

      this.recorder = new SessionRecorder(now());
      // The session is recorded for replay while anyone is in the class.
      this.clock.setInterval(() => {
        if (this.state.participants.size === 0 || this.studio) return;
        const frame = this.recorder.sample(this.state, now());
        if (frame) this.replayFrames.push({ at: this.recorder.startedAt + frame.t, frame });
      }, REPLAY_SAMPLE_MS);
      this.registerMessages();
      this.clock.setInterval(() => {
        rules.releaseIdleHolds(this.classroom, now());
        rules.tidyRates(this.classroom, now());
        this.disposeIfLongEmpty();
        void this.keepMixingInLine();
      }, 1000);
      if (context.mixingVoice)
        this.mixingRoom = await context.mixingVoice.openRoom().catch((error: unknown) => {
          console.error(`no voice room for ${this.roomId} on the media server`, error);
          return undefined;
        });
      // Saved in batches, only when something changed: the database never slows the room.
      this.clock.setInterval(() => void this.save(), SAVE_INTERVAL_MS);
      await this.save();
    }

    override broadcastPatch(): boolean {
      const started = performance.now();
      const changed = super.broadcastPatch();
      // Avatar frames go right after a patch, so a receiver already knows every seat a frame names.
      if (++this.patchesSent % PATCHES_PER_AVATAR_FRAME === 0) this.sendAvatarFrames();
      context.load?.recordPatch(performance.now() - started);
      return changed;
    }

    /** Sends each participant the avatars due for them (server/rules/avatarInterest.ts). */
    sendAvatarFrames() {
      const frame = ++this.avatarFrames;
      // Each avatar is encoded once per frame, however many receivers it goes to.
      const encoded = new Map<string, Uint8Array>();
      const entryBytes = (due: AvatarDue) => {
        let bytes = encoded.get(due.seat);
        if (!bytes) encoded.set(due.seat, (bytes = encodeAvatarEntry(due)));
        return bytes;
      };
      for (const client of this.clients) {
        if (client.state !== ClientState.JOINED) continue;
        const due = avatarsDueFor(this.classroom, client.sessionId, frame, context.load?.avatarStride);
        if (due.length > 0) client.sendBytes(ServerMessage.Avatars, joinAvatarEntries(due.map(entryBytes)));
      }
    }

    recordScope(): RecordScope {
      return {
        home: context.recordsHome?.() ?? "http://localhost",
        code: this.roomId,
        lesson: this.classroom.lesson,
        registration: this.registration,
      };
    }

    /** Keeps learning records with the class, and sends them on to the school's LRS if there is one. */
    record(statements: XapiStatement[]) {
      // Authors in the studio leave no learning records.
      if (statements.length === 0 || this.studio) return;
      void context.store
        .appendRecords(this.roomId, statements)
        .catch((error: unknown) => console.error(`keeping learning records of ${this.roomId} failed`, error));
      context.lrs?.enqueue(statements);
    }

    /** After a change of who may speak, the mixing room follows at once (not only at the next check). */
    voiceChanged(result: rules.RuleResult): rules.RuleResult {
      if (result.ok) void this.keepMixingInLine();
      return result;
    }

    /** Gives a newcomer their own way into the class's mixing room, when voice goes through a media server. */
    async admitToMixing(client: ClassroomClient) {
      if (!this.mixingRoom || !context.mixingVoice) return;
      const seat = await context.mixingVoice.admit(this.mixingRoom).catch((error: unknown) => {
        console.error(`could not admit a participant to the voice room of ${this.roomId}`, error);
        return undefined;
      });
      if (!seat) return;
      this.mixingSeats.set(client.sessionId, seat);
      client.send(ServerMessage.VoiceServer, seat);
    }

    /** The mixing room follows the class: whoever speaks is unmuted, anyone else muted, strangers removed. */
    async keepMixingInLine() {
      const mixing = context.mixingVoice;
      const room = this.mixingRoom;
      if (!mixing || !room || this.mixingSeats.size === 0) return;
      const seatOfId = new Map([...this.mixingSeats].map(([seat, { id }]) => [id, seat]));
      const present = await mixing.participants(room).catch(() => undefined);
      if (!present) return;
      const corrections = voice.mixingCorrections(this.classroom, present, (id) => seatOfId.get(id));
      await Promise.all([
        ...corrections.mute.map((id) => mixing.mute(room, id)),
        ...corrections.unmute.map((id) => mixing.unmute(room, id)),
        ...corrections.remove.map((id) => mixing.kick(room, id)),
      ]);
    }

    /** Records a completed task for each student credited since `before` (tasks.ts says who). */
    recordCompletions(before: tasks.TaskStanding) {
      const completions = tasks.completionsSince(before, this.state);
      if (completions.length === 0) return;
      const at = new Date(now());
      this.record(
        completions.map(({ seat, placed, total }) =>
          learningRecords.completedTask(this.recordScope(), seat, this.state.step, placed, total, at),
        ),
      );
    }

    /**
     * A participant's data deleted on request (called through the matchmaker,
     * so from any process): their seat goes, and what they said with it.
     */
    async forgetParticipant(seat: string) {
      if (this.state.participants.has(seat)) {
        rules.vacateSeat(this.classroom, seat);
        this.clients.getById(seat)?.leave(CloseCode.Removed);
      }
      this.classroom.recentEvents = this.classroom.recentEvents.filter((event) => event.seat !== seat);
      await this.save();
      return true;
    }

    /** Saves the class if anything changed since the last save. */
    async save() {
      await this.studio?.save();
      await this.storeReplayFrames();
      if (this.finished) return;
      const snapshot = {
        ...persistence.snapshotOf(this.classroom, this.roomId, this.teacherKeyHash, now()),
        owner: matchMaker.processId,
      };
      const content = JSON.stringify({ ...snapshot, savedAt: 0 });
      if (content === this.lastSaved) return;
      this.lastSaved = content;
      await context.store
        .save(snapshot)
        .catch((error: unknown) => console.error(`saving class ${this.roomId} failed`, error));
    }

    async storeReplayFrames() {
      const frames = this.replayFrames.splice(0);
      if (frames.length === 0) return;
      await context.store
        .appendReplay(this.roomId, this.classroom.lesson.id, frames)
        .catch((error: unknown) => console.error(`keeping the replay of ${this.roomId} failed`, error));
    }

    override async onDispose() {
      // A room whose creation was refused (bad options, unknown lesson) has nothing to keep.
      if (!this.classroom) return;
      await this.studio?.closed();
      if (this.mixingRoom) await context.mixingVoice?.closeRoom(this.mixingRoom);
      await this.storeReplayFrames();
      if (this.finished || this.state.ended) await context.store.remove(this.roomId).catch(() => undefined);
      else await this.save();
    }

    /** Keeps the matchmaking listing in step with the class (seat count, ended). */
    async publishListing() {
      const listing: ClassListing = {
        ended: this.state.ended,
        locked: this.state.locked,
        seated: this.state.participants.size,
        teacherKeyHash: this.teacherKeyHash,
        teacherNames: this.seats.teacherNames,
        ...(this.studio ? { studio: true } : {}),
      };
      await this.setMetadata(listing, true);
    }

    override async onJoin(client: ClassroomClient, _options: unknown, auth: JoinOptions | CreateOptions) {
      const isCreator = this.seats.isCreator(client.sessionId);
      const joining = "code" in auth ? auth : undefined;
      // SeatKeeper.acceptSeat checked this seat's options already; a seat that was not promised never gets here.
      if (!isCreator && joining?.code !== this.roomId)
        throw new ServerError(JoinError.BadOptions, "code does not match");
      const teacherKey = joining?.teacherKey;
      if (teacherKey !== undefined && !teacherKeyMatches(teacherKey, this.teacherKeyHash)) {
        throw new ServerError(JoinError.WrongTeacherKey, "this teacher link is not for this class");
      }
      const role = isCreator || teacherKey !== undefined ? Role.Teacher : Role.Student;
      const { address } = this.conduct.joined(client);
      if (role === Role.Teacher) this.seats.teacherSeated(auth.nickname);
      rules.seatParticipant(this.classroom, client.sessionId, {
        // Rate limits follow the person (address and name), not the seat: rejoining does not reset them.
        rateHolder: `${address}|${auth.nickname.normalize("NFKC").toLowerCase()}`,
        nickname: auth.nickname,
        role,
        device: auth.device,
        language: auth.language,
      });
      if (isCreator && this.keyForCreator) {
        // The key leaves the server once, to the creator, for the private teacher link.
        const message: TeacherKeyMessage = { code: this.roomId, teacherKey: this.keyForCreator };
        client.send(ServerMessage.TeacherKey, message);
        this.keyForCreator = undefined;
      }
      for (const event of this.classroom.recentEvents) client.send(ServerMessage.ClassEvent, event);
      client.send(ServerMessage.IceServers, iceServersFor(context.turn, now()));
      this.studio?.welcome(client.sessionId, this.sendStudio);
      await this.admitToMixing(client);
      this.record([learningRecords.joined(this.recordScope(), client.sessionId, auth.language, new Date(now()))]);
      this.emptySince = undefined;
      await this.publishListing();
    }

    override async onDrop(client: ClassroomClient, code?: number) {
      // A participant the room closed on purpose (removed, or cut off for
      // abuse) gets no seat held for them: they come back only through a
      // fresh join, which the join gate counts.
      const conduct = client.userData;
      // Returning without allowing a reconnection lets the seat go: Colyseus then calls onLeave itself.
      if (this.conduct.closedOnPurpose(client, code) || !this.state.participants.has(client.sessionId)) return;
      // Joining and dropping in a loop must not fill the class with held seats (admission.ts).
      if (conduct && !this.seats.holdOnDrop(client.sessionId, conduct, now())) return;
      rules.markDropped(this.classroom, client.sessionId);
      this.allowReconnection(client, Limits.reconnectGraceSeconds).catch(() => {
        // The grace ran out or the room is closing; onLeave vacates the seat.
      });
    }

    override onReconnect(client: ClassroomClient) {
      this.seats.settled(client.sessionId);
      rules.markReconnected(this.classroom, client.sessionId);
      client.send(ServerMessage.IceServers, iceServersFor(context.turn, now()));
      // Changes made while the link was down are in the whole draft.
      this.studio?.welcome(client.sessionId, this.sendStudio);
      // The page may have lost its media-server connection with the link: it can join again with the same seat.
      const mixing = this.mixingSeats.get(client.sessionId);
      if (mixing) client.send(ServerMessage.VoiceServer, mixing);
    }

    override async onLeave(client: ClassroomClient) {
      this.seats.settled(client.sessionId);
      this.conduct.left(client);
      rules.vacateSeat(this.classroom, client.sessionId);
      this.studio?.left(this.classroom, client.sessionId);
      const mixing = this.mixingSeats.get(client.sessionId);
      this.mixingSeats.delete(client.sessionId);
      if (mixing && this.mixingRoom) await context.mixingVoice?.dismiss(this.mixingRoom, mixing);
      if (this.state.participants.size === 0) this.emptySince = now();
      await this.publishListing();
    }

    disposeIfLongEmpty() {
      if (this.emptySince !== undefined && now() - this.emptySince >= Limits.emptyClassMinutes * 60_000) {
        this.finished = true;
        void this.disconnect();
      }
    }

    registerMessages() {
      const handlers: {
        [K in ClientMessage]: (
          client: ClassroomClient,
          payload: ClientPayloads[K],
        ) => rules.RuleResult | Promise<rules.RuleResult>;
      } = {
        [ClientMessage.Pose]: (client, payload) => {
          context.load?.countAvatarUpdate();
          return rules.updateAvatarPose(this.classroom, client.sessionId, payload);
        },
        [ClientMessage.Grab]: (client, { objectId }) => rules.grab(this.classroom, client.sessionId, objectId, now()),
        [ClientMessage.Move]: (client, { objectId, pose }) =>
          rules.move(this.classroom, client.sessionId, objectId, pose, now()),
        [ClientMessage.Release]: (client, { objectId, pose }) => {
          const result = rules.release(this.classroom, client.sessionId, objectId, pose);
          if (result.ok) this.studio?.released(this.classroom, client.sessionId, objectId, this.sendStudio);
          return result;
        },
        [ClientMessage.SetLock]: (client, { objectId, locked }) =>
          rules.setLock(this.classroom, client.sessionId, objectId, locked),
        [ClientMessage.SetSceneLock]: (client, { locked }) =>
          rules.setSceneLock(this.classroom, client.sessionId, locked),
        [ClientMessage.SetStep]: (client, { step }) => {
          const result = rules.setStep(this.classroom, client.sessionId, step);
          if (result.ok)
            this.record([learningRecords.progressed(this.recordScope(), client.sessionId, step, new Date(now()))]);
          return result;
        },
        [ClientMessage.AddModel]: async (client, { model, label }) => {
          // In scale-out mode the file may have been uploaded through another process a moment ago.
          const available = context.modelAvailable(model) || ((await context.fetchModel?.(model)) ?? false);
          return rules.addModel(this.classroom, client.sessionId, { model, label, available });
        },
        [ClientMessage.ResetScene]: (client) => rules.resetScene(this.classroom, client.sessionId),
        [ClientMessage.RemoveParticipant]: (client, { seat }) => {
          const result = rules.removeParticipant(this.classroom, client.sessionId, seat);
          if (result.ok) this.clients.getById(seat)?.leave(CloseCode.Removed);
          return result;
        },
        [ClientMessage.RaiseHand]: (client, { raised }) => {
          const result = teaching.raiseHand(this.classroom, client.sessionId, raised, now());
          if (result.ok && raised)
            this.record([
              learningRecords.raisedHand(this.recordScope(), client.sessionId, this.state.step, new Date(now())),
            ]);
          return result;
        },
        [ClientMessage.LowerHand]: (client, { seat }) => teaching.lowerHand(this.classroom, client.sessionId, seat),
        [ClientMessage.React]: (client, { reaction }) => this.say(client, { kind: ClassEventKind.Reaction, reaction }),
        [ClientMessage.SayPhrase]: (client, { phrase }) => this.say(client, { kind: ClassEventKind.Phrase, phrase }),
        [ClientMessage.Chat]: (client, { text }) => this.say(client, { kind: ClassEventKind.Chat, text }),
        [ClientMessage.SetMuted]: (client, { seat, muted }) =>
          teaching.setMuted(this.classroom, client.sessionId, seat, muted),
        [ClientMessage.SetClassLocked]: (client, { locked }) => {
          const result = teaching.setClassLocked(this.classroom, client.sessionId, locked);
          if (result.ok) void this.publishListing();
          return result;
        },
        [ClientMessage.Gather]: (client, { point }) => {
          const result = teaching.gather(this.classroom, client.sessionId);
          if (result.ok) this.broadcast(ServerMessage.Gather, { point } satisfies GatherMessage);
          return result;
        },
        [ClientMessage.SetFollow]: (client, { on }) => teaching.setFollow(this.classroom, client.sessionId, on),
        [ClientMessage.SetPointer]: (client, { on, pose }) =>
          teaching.setPointer(this.classroom, client.sessionId, on, pose),
        [ClientMessage.HandTo]: (client, { objectId, seat }) =>
          teaching.handTo(this.classroom, client.sessionId, objectId, seat),
        [ClientMessage.ReportLink]: (client, { rttMs }) => teaching.reportLink(this.classroom, client.sessionId, rttMs),
        [ClientMessage.SetGroups]: (client, { groups }) => teaching.setGroups(this.classroom, client.sessionId, groups),
        [ClientMessage.Signal]: (client, { to, ...signal }) => {
          const result = voice.relaySignal(this.classroom, client.sessionId, to, now());
          if (result.ok) this.clients.getById(to)?.send(ServerMessage.Signal, { from: client.sessionId, ...signal });
          return result;
        },
        [ClientMessage.SetMic]: (client, { on }) =>
          this.voiceChanged(voice.setMic(this.classroom, client.sessionId, on)),
        [ClientMessage.SetFloor]: (client, { seat, on }) =>
          this.voiceChanged(voice.setFloor(this.classroom, client.sessionId, seat, on)),
        [ClientMessage.SetVoice]: (client, change) =>
          this.voiceChanged(voice.setVoice(this.classroom, client.sessionId, change)),
        [ClientMessage.EndClass]: (client) => {
          const result = rules.endClass(this.classroom, client.sessionId);
          // Let the "ended" patch reach everyone before the sockets close.
          if (result.ok) {
            this.finished = true;
            void this.publishListing();
            void rememberEnded(this.roomId).catch(() => undefined);
            this.clock.setTimeout(() => void this.disconnect(CloseCode.ClassEnded), 300);
          }
          return result;
        },
      };

      for (const type of Object.values(ClientMessage)) {
        const schema = clientMessageSchemas[type];
        const handle = handlers[type] as (
          client: ClassroomClient,
          payload: unknown,
        ) => rules.RuleResult | Promise<rules.RuleResult>;
        this.onMessage(type, (client: ClassroomClient, raw: unknown) => {
          const parsed = schema.safeParse(raw);
          if (!parsed.success) return this.conduct.rejectInvalid(client, type, z.prettifyError(parsed.error));
          const reply = (result: rules.RuleResult) => {
            // Pose updates are a stream: a refused one is superseded by the next.
            if (result.ok || type === ClientMessage.Pose) return;
            const objectId = (parsed.data as { objectId?: string }).objectId;
            this.refuse(client, { request: type, reason: result.reason, ...(objectId ? { objectId } : {}) });
          };
          const before = tasks.taskStanding(this.state);
          const result = handle(client, parsed.data);
          if (result instanceof Promise) void result.then(reply);
          else reply(result);
          this.recordCompletions(before);
        });
      }
      listenToStudio(this, () => this.studio, now);
      // checkFrame lets no unknown type through; should one reach here, its arguments are not trusted even to be strings.
      this.onMessage("*", (client: ClassroomClient) =>
        this.conduct.offence(client, Offence.Garbage, "unknown message"),
      );
    }

    /** Sends what a participant said to everyone, if the rules let them say it. */
    say(client: ClassroomClient, utterance: teaching.Utterance): rules.RuleResult {
      const result = teaching.speak(this.classroom, client.sessionId, utterance, now());
      if (!result.ok) return result;
      this.broadcast(ServerMessage.ClassEvent, result.event);
      return { ok: true };
    }

    /** Sends a studio message to one author, or to all (seat undefined). */
    readonly sendStudio = (seat: string | undefined, type: string, message: unknown) => {
      if (seat === undefined) this.broadcast(type, message);
      else this.clients.getById(seat)?.send(type, message);
    };

    studioContext() {
      return {
        store: context.store,
        findLesson: context.findLesson,
        modelAvailable: context.modelAvailable,
        publish: async (lesson: Lesson) => {
          if (!context.publishLesson) throw new Error("this server does not publish lessons");
          await context.publishLesson(lesson);
        },
        now,
      };
    }

    refuse(client: ClassroomClient, message: RefusedMessage) {
      client.send(ServerMessage.Refused, message);
    }

    /** Whatever a handler, timer or hook throws stays in the room (ConductKeeper.uncaught). */
    override onUncaughtException(error: RoomException, methodName: RoomMethodName) {
      this.conduct.uncaught(error, methodName);
    }
  };
}

async function unusedJoinCode(): Promise<string> {
  for (;;) {
    const code = generateJoinCode();
    const taken = await matchMaker.query({ roomId: code });
    if (taken.length === 0) return code;
  }
}
