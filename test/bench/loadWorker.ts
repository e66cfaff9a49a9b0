/**
 * Load for the capacity bench, in its own process: COUNT participants in
 * classes of CLASS_SIZE, every one moving head and hands at HZ updates a
 * second (the bench asks for 20: twice what a real client sends). Each is as
 * thin as the protocol allows, so one core can play a thousand: it joins and
 * decodes the state like every client, but draws nothing and ignores the
 * avatar frames it is sent. Prints "ready" once everyone is in.
 *
 *   loadWorker.ts ENDPOINT COUNT CLASS_SIZE HZ
 */
import { Client, type Room } from "@colyseus/sdk";
import { circlePose } from "../../client/bot/bot.ts";
import {
  ClientMessage,
  Device,
  PROTOCOL_VERSION,
  ROOM_NAME,
  ServerMessage,
  type CreateOptions,
  type JoinOptions,
} from "../../shared/protocol.ts";
import { ClassroomState } from "../../shared/state.ts";

const [endpoint, countText, classSizeText, hzText] = process.argv.slice(2);
const count = Number(countText);
const classSize = Number(classSizeText);
const hz = Number(hzText);

function thin(room: Room<unknown, ClassroomState>): Room<unknown, ClassroomState> {
  for (const type of Object.values(ServerMessage)) room.onMessage(type, () => undefined);
  return room;
}

const who = { language: "en", device: Device.VR } as const;
const rooms: Room<unknown, ClassroomState>[] = [];
for (let first = 0; first < count; first += classSize) {
  const create: CreateOptions = {
    ...who,
    nickname: "Teacher",
    lessonId: "solar-system",
    protocolVersion: PROTOCOL_VERSION,
  };
  const teacher = thin(await new Client(endpoint).create(ROOM_NAME, create, ClassroomState));
  rooms.push(teacher);
  const join = (i: number): JoinOptions => ({
    ...who,
    nickname: `Student ${i}`,
    code: teacher.roomId,
    protocolVersion: PROTOCOL_VERSION,
  });
  const size = Math.min(classSize, count - first);
  rooms.push(
    ...(await Promise.all(
      Array.from({ length: size - 1 }, async (_, i) =>
        thin(await new Client(endpoint).joinById(teacher.roomId, join(i + 1), ClassroomState)),
      ),
    )),
  );
}

const started = performance.now();
rooms.forEach((room, index) => {
  const phase = (index / classSize) * Math.PI * 2;
  setInterval(() => {
    const seconds = (performance.now() - started) / 1000;
    const angle = phase + seconds * 0.6;
    const sway = 0.06 * Math.sin(seconds * 5 + phase);
    room.send(ClientMessage.Pose, {
      head: circlePose(angle, 1.2, 1.6),
      left: circlePose(angle - 0.2 + sway, 0.95, 1.2 + sway),
      right: circlePose(angle + 0.2 - sway, 0.95, 1.2 - sway),
    });
  }, 1000 / hz);
});
process.stdout.write("ready\n");
