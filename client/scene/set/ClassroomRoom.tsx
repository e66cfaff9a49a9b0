/**
 * A room that reads as a classroom: light walls with windows on three
 * sides, a wooden floor with a rug under the round table, lamps in the
 * ceiling. About ten draw calls in all: every repeated part is one merged
 * geometry, and only the table casts a shadow.
 */
import { useMemo } from "react";
import { BackSide } from "three";
import { ROOM_HALF_M, ROOM_HEIGHT_M, ceilingLamps, skirting, windowFrames, windowPanes } from "./roomGeometry.ts";

const WALL = "#eef0ea";
const FLOOR = "#cdb08a";
const RUG = "#7d9e94";
const SKY = "#cfe6f7";

export function ClassroomRoom({ tableHeight }: { tableHeight: number }) {
  const geometry = useMemo(
    () => ({ panes: windowPanes(), frames: windowFrames(), lamps: ceilingLamps(), skirting: skirting() }),
    [],
  );
  const side = ROOM_HALF_M * 2;
  return (
    <group name="classroom">
      <color attach="background" args={[SKY]} />
      <fog attach="fog" args={["#e6ebee", 14, 34]} />
      {/* Walls and ceiling: the inside of one box, its floor face just under ours. */}
      <mesh position={[0, ROOM_HEIGHT_M / 2 - 0.02, 0]} name="walls">
        <boxGeometry args={[side, ROOM_HEIGHT_M, side]} />
        <meshLambertMaterial color={WALL} side={BackSide} />
      </mesh>
      <mesh rotation={[-Math.PI / 2, 0, 0]} receiveShadow name="floor">
        <planeGeometry args={[side, side]} />
        <meshLambertMaterial color={FLOOR} />
      </mesh>
      <mesh rotation={[-Math.PI / 2, 0, 0]} position={[0, 0.004, 0]} receiveShadow name="rug">
        <circleGeometry args={[2.3, 48]} />
        <meshLambertMaterial color={RUG} />
      </mesh>
      <mesh geometry={geometry.skirting}>
        <meshLambertMaterial color="#8a6e52" />
      </mesh>
      {/* Daylight in the windows and the lamps glow whatever the lighting. */}
      <mesh geometry={geometry.panes} name="windows">
        <meshBasicMaterial color={SKY} toneMapped={false} />
      </mesh>
      <mesh geometry={geometry.frames}>
        <meshLambertMaterial color="#f8f8f5" />
      </mesh>
      <mesh geometry={geometry.lamps}>
        <meshBasicMaterial color="#fffaf0" toneMapped={false} />
      </mesh>
      <group name="table">
        <mesh position={[0, tableHeight - 0.02, 0]} receiveShadow castShadow>
          <cylinderGeometry args={[0.95, 0.95, 0.04, 64]} />
          <meshLambertMaterial color="#b08968" />
        </mesh>
        <mesh position={[0, (tableHeight - 0.04) / 2, 0]} castShadow>
          <cylinderGeometry args={[0.08, 0.18, tableHeight - 0.04, 24]} />
          <meshLambertMaterial color="#7f5539" />
        </mesh>
      </group>
    </group>
  );
}
