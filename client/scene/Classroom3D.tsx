/**
 * The room around the lesson: light, floor, and the table the lesson sits on.
 * In AR the student's own room takes the place of ours: only the light stays.
 */
export const TABLE_HEIGHT = 0.8;

export function ClassroomSet({ passthrough = false }: { passthrough?: boolean }) {
  return (
    <>
      <ClassroomLights />
      {!passthrough && <ClassroomRoom />}
    </>
  );
}

function ClassroomLights() {
  return (
    <>
      <hemisphereLight args={["#ffffff", "#b9c4cf", 1.4]} />
      <directionalLight
        position={[2.5, 4, 2]}
        intensity={2}
        castShadow
        shadow-mapSize={[1024, 1024]}
        shadow-camera-left={-2}
        shadow-camera-right={2}
        shadow-camera-top={2}
        shadow-camera-bottom={-2}
      />
    </>
  );
}

function ClassroomRoom() {
  return (
    <>
      <color attach="background" args={["#dfeaf5"]} />
      <fog attach="fog" args={["#dfeaf5", 8, 22]} />
      <mesh rotation={[-Math.PI / 2, 0, 0]} receiveShadow name="floor">
        <circleGeometry args={[12, 64]} />
        <meshStandardMaterial color="#f3f1ea" roughness={0.95} />
      </mesh>
      <gridHelper args={[24, 48, "#c9c4b5", "#e0dccf"]} position={[0, 0.002, 0]} />
      <group name="table">
        <mesh position={[0, TABLE_HEIGHT - 0.02, 0]} receiveShadow castShadow>
          <cylinderGeometry args={[0.95, 0.95, 0.04, 64]} />
          <meshStandardMaterial color="#b08968" roughness={0.7} />
        </mesh>
        <mesh position={[0, (TABLE_HEIGHT - 0.04) / 2, 0]} castShadow>
          <cylinderGeometry args={[0.08, 0.18, TABLE_HEIGHT - 0.04, 24]} />
          <meshStandardMaterial color="#7f5539" roughness={0.8} />
        </mesh>
      </group>
    </>
  );
}
