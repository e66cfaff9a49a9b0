/**
 * Voice through a media server for whole classes: each class gets a Janus
 * AudioBridge room that mixes everyone who speaks into one stream per
 * listener, so a student receives one stream whatever the class size. The
 * classroom server makes the room (with the admin key), lets each
 * participant in with a token of their own, and keeps it in line with the
 * class: whoever may not speak is muted, anyone it does not know is removed.
 */
import { randomBytes, randomInt } from "node:crypto";
import { VoiceBitrate } from "../../shared/voice.ts";
import { JanusClient } from "./janusClient.ts";

export interface MixingVoiceConfig {
  /** Where this server reaches Janus's WebSocket API. */
  url: string;
  /** Where browsers reach it (a proxy's wss:// address, usually). */
  publicUrl: string;
  adminKey: string;
}

/** A class's mixing room, as the class keeps it. */
export interface MixingRoom {
  room: number;
  secret: string;
  pin: string;
}

/** What a participant needs to join their class's mixing room. */
export interface MixingSeat {
  url: string;
  room: number;
  pin: string;
  token: string;
  /** Their participant id in the mixing room. */
  id: number;
}

export interface MixedParticipant {
  id: number;
  muted: boolean;
}

export class MixingVoice {
  private readonly janus: JanusClient;

  constructor(private readonly config: MixingVoiceConfig) {
    this.janus = new JanusClient(config.url);
  }

  connect(): Promise<void> {
    return this.janus.connect();
  }

  async openRoom(): Promise<MixingRoom> {
    const room: MixingRoom = {
      room: randomInt(1, 2 ** 31),
      secret: randomBytes(16).toString("hex"),
      pin: randomBytes(8).toString("hex"),
    };
    await this.janus.audioBridge({
      request: "create",
      admin_key: this.config.adminKey,
      room: room.room,
      secret: room.secret,
      pin: room.pin,
      permanent: false,
      is_private: true,
      sampling_rate: 48_000,
      // Only tokens the classroom server handed out may join.
      allowed: [],
      record: false,
      default_bitrate: VoiceBitrate.normal,
      default_expectedloss: 5,
    });
    return room;
  }

  /** Lets one participant in; they join with the token and id returned. */
  async admit(room: MixingRoom): Promise<MixingSeat> {
    const token = randomBytes(16).toString("hex");
    await this.janus.audioBridge({
      request: "allowed",
      room: room.room,
      secret: room.secret,
      action: "add",
      allowed: [token],
    });
    return { url: this.config.publicUrl, room: room.room, pin: room.pin, token, id: randomInt(1, 2 ** 31) };
  }

  /** A participant left or was removed: their token goes and they leave the mix. */
  async dismiss(room: MixingRoom, seat: MixingSeat): Promise<void> {
    await this.janus
      .audioBridge({
        request: "allowed",
        room: room.room,
        secret: room.secret,
        action: "remove",
        allowed: [seat.token],
      })
      .catch(() => undefined);
    await this.kick(room, seat.id);
  }

  async participants(room: MixingRoom): Promise<MixedParticipant[]> {
    const answer = await this.janus.audioBridge({ request: "listparticipants", room: room.room });
    return ((answer.participants as { id: number; muted: boolean }[] | undefined) ?? []).map(({ id, muted }) => ({
      id,
      muted,
    }));
  }

  async mute(room: MixingRoom, id: number): Promise<void> {
    await this.janus.audioBridge({ request: "mute", room: room.room, secret: room.secret, id }).catch(() => undefined);
  }

  async unmute(room: MixingRoom, id: number): Promise<void> {
    await this.janus
      .audioBridge({ request: "unmute", room: room.room, secret: room.secret, id })
      .catch(() => undefined);
  }

  async kick(room: MixingRoom, id: number): Promise<void> {
    await this.janus.audioBridge({ request: "kick", room: room.room, secret: room.secret, id }).catch(() => undefined);
  }

  async closeRoom(room: MixingRoom): Promise<void> {
    await this.janus.audioBridge({ request: "destroy", room: room.room, secret: room.secret }).catch(() => undefined);
  }

  close(): void {
    this.janus.close();
  }
}
