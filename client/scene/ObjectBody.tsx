/**
 * How a lesson object looks: a built-in shape in its colour, or its glTF
 * model (a grey box while the model downloads). Shared by the live class and
 * the replay player.
 */
import { Suspense } from "react";
import { LessonModel } from "./LessonModel.tsx";

export interface ObjectBodyProps {
  shape: string;
  /** For shape "model": the .glb file's name on the server. */
  model: string | undefined;
  color: string;
  size: [number, number, number];
  /** Emits light (a star). */
  glow: boolean;
  /** The holder's colour, or undefined when nobody holds it. */
  highlight: string | undefined;
  /** Someone else holds it. */
  dimmed: boolean;
}

export function ObjectBody({ shape, model, color, size, glow, highlight, dimmed }: ObjectBodyProps) {
  if (shape === "model" && model)
    return (
      <Suspense
        fallback={<ShapeMesh shape="box" color="#cccccc" size={size} glow={false} highlight={undefined} dimmed />}
      >
        <LessonModel url={`/models/${model}`} size={size} dimmed={dimmed} />
      </Suspense>
    );
  return <ShapeMesh shape={shape} color={color} size={size} glow={glow} highlight={highlight} dimmed={dimmed} />;
}

function ShapeMesh({ shape, color, size, glow, highlight, dimmed }: Omit<ObjectBodyProps, "model">) {
  return (
    <mesh castShadow receiveShadow scale={size}>
      <ShapeGeometry shape={shape} />
      <meshStandardMaterial
        color={color}
        emissive={glow ? color : (highlight ?? "#000000")}
        emissiveIntensity={glow ? 0.8 : highlight ? 0.35 : 0}
        roughness={0.55}
        metalness={0.05}
        transparent={dimmed}
        opacity={dimmed ? 0.8 : 1}
      />
    </mesh>
  );
}

/** A built-in shape as a unit-sized geometry (scaled by the object's size). */
export function ShapeGeometry({ shape }: { shape: string }) {
  switch (shape) {
    case "sphere":
      return <sphereGeometry args={[0.5, 48, 24]} />;
    case "cylinder":
      return <cylinderGeometry args={[0.5, 0.5, 1, 40]} />;
    case "cone":
      return <coneGeometry args={[0.5, 1, 40]} />;
    case "torus":
      return <torusGeometry args={[0.35, 0.15, 24, 48]} />;
    case "capsule":
      // Fits the unit box like the others: 0.6 across, 1 tall.
      return <capsuleGeometry args={[0.3, 0.4, 8, 32]} />;
    case "ring":
      return <torusGeometry args={[0.42, 0.08, 16, 64]} />;
    case "octahedron":
      return <octahedronGeometry args={[0.5]} />;
    default:
      return <boxGeometry args={[1, 1, 1]} />;
  }
}
