/**
 * The room around the lesson: light, walls with windows, floor, and the
 * table the lesson sits on. In AR the student's own room takes the place of
 * ours: only the light stays.
 */
import { TABLE_TOP_Y } from "../../shared/lessonBasics.ts";
import { ClassroomRoom } from "./set/ClassroomRoom.tsx";
import { RoomLighting } from "./set/RoomLighting.tsx";

export const TABLE_HEIGHT = TABLE_TOP_Y;

export function ClassroomSet({ passthrough = false }: { passthrough?: boolean }) {
  return (
    <>
      <RoomLighting />
      {!passthrough && <ClassroomRoom tableHeight={TABLE_HEIGHT} />}
    </>
  );
}
