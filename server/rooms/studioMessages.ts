/**
 * The studio's messages on a class room: each is checked against its schema
 * in shared/studio.ts, then handed to the studio part. In a class that is not
 * a studio they are refused; an author who floods edits is slowed down.
 */
import type { Client } from "@colyseus/core";
import { z } from "zod";
import { type ClientMessage, Refusal, type RefusedMessage } from "../../shared/protocol.ts";
import { StudioLimits, StudioMessage, studioMessageSchemas } from "../../shared/studio.ts";
import { type Classroom, type RuleResult, rateKey } from "../rules/classroom.ts";
import { withinRate } from "../rules/rateLimits.ts";
import type { Conduct } from "./conduct.ts";
import type { StudioPart } from "./studioPart.ts";

type StudioClient = Client<{ userData: Conduct }>;

/** What the studio's messages need of the room. */
export interface StudioRoom {
  classroom: Classroom;
  onMessage(type: string, handler: (client: StudioClient, payload: unknown) => void): unknown;
  conduct: { rejectInvalid(client: StudioClient, request: ClientMessage, detail: string): void };
  refuse(client: StudioClient, message: RefusedMessage): void;
  sendStudio(seat: string | undefined, type: string, message: unknown): void;
}

const EDIT_RATE = { count: StudioLimits.editsPerSecond, perMs: 1000 };

export function listenToStudio(room: StudioRoom, studioOf: () => StudioPart | undefined, now: () => number): void {
  const send = (seat: string | undefined, type: string, message: unknown) => room.sendStudio(seat, type, message);
  const handle = (type: StudioMessage, client: StudioClient, payload: unknown): RuleResult | Promise<RuleResult> => {
    const studio = studioOf();
    if (!studio) return { ok: false, reason: Refusal.NotInStudio };
    const seat = client.sessionId;
    const { classroom } = room;
    // Only seated authors: a seat held for a dropped link cannot edit, and nobody else is in a studio.
    if (!classroom.state.participants.has(seat)) return { ok: false, reason: Refusal.TeacherOnly };
    if (
      type !== StudioMessage.Focus &&
      !withinRate(classroom.rateWindows, rateKey(classroom, seat, "edit"), EDIT_RATE, now())
    )
      return { ok: false, reason: Refusal.RateLimited };
    switch (type) {
      case StudioMessage.Edit:
        return studio.edit(classroom, seat, studioMessageSchemas[type].parse(payload), send);
      case StudioMessage.Undo:
        return studio.undo(classroom, seat, send);
      case StudioMessage.Redo:
        return studio.undo(classroom, seat, send, true);
      case StudioMessage.Focus:
        return studio.focus(classroom, seat, studioMessageSchemas[type].parse(payload).field);
      case StudioMessage.Publish:
        return studio.publish(send, seat);
      case StudioMessage.Try:
        return studio.try(classroom, seat, studioMessageSchemas[type].parse(payload).on);
    }
  };

  for (const type of Object.values(StudioMessage)) {
    room.onMessage(type, (client, raw) => {
      const parsed = studioMessageSchemas[type].safeParse(raw);
      if (!parsed.success)
        return room.conduct.rejectInvalid(client, type as unknown as ClientMessage, z.prettifyError(parsed.error));
      const reply = (result: RuleResult) => {
        if (result.ok) return;
        room.refuse(client, {
          request: type,
          reason: result.reason,
          ...(result.detail ? { detail: result.detail } : {}),
        });
      };
      const result = handle(type, client, parsed.data);
      if (result instanceof Promise) void result.then(reply, () => reply({ ok: false, reason: Refusal.DraftInvalid }));
      else reply(result);
    });
  }
}
