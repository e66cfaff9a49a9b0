/**
 * Opening the lesson studio: a new lesson, a remix of one, or a draft made
 * before. A draft already open (a co-author got there first) is joined by
 * its code, so everyone writing it is in one room.
 */
import { Client } from "@colyseus/sdk";
import { JoinError, PROTOCOL_VERSION, ROOM_NAME, Role } from "../../shared/protocolNames.ts";
import type { CreateOptions, StudioOpen } from "../../shared/protocol.ts";
import { ClassroomState } from "../../shared/state.ts";
import { ClassroomConnection, joinClass, joinFailureOf, type Participation } from "./connection.ts";

export async function openStudio(endpoint: string, who: Participation, open: StudioOpen): Promise<ClassroomConnection> {
  const options: CreateOptions = { ...who, studio: open, protocolVersion: PROTOCOL_VERSION };
  try {
    const room = await new Client(endpoint).create(ROOM_NAME, options, ClassroomState);
    return new ClassroomConnection(room, Role.Teacher, endpoint);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // The draft is open already: the refusal's message is the studio's code.
    if (code === JoinError.AlreadyOpen && open.start === "draft" && error instanceof Error)
      return joinClass(endpoint, error.message, who, open.authorKey);
    throw joinFailureOf(error);
  }
}
