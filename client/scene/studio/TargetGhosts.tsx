/**
 * In the studio, each object's target (where its task wants it) shows as a
 * see-through copy on the table, so authors place targets where students
 * will see them click into place.
 */
import { useStore } from "zustand";
import type { ClassroomConnection } from "../../net/connection.ts";
import { ShapeGeometry } from "../ObjectBody.tsx";
import { studioSelection } from "../../ui/studio/selection.ts";

export function TargetGhosts({ connection }: { connection: ClassroomConnection }) {
  const draft = useStore(connection.studio.store, (studio) => studio.draft);
  // Trying the lesson as a student shows what a student sees: no targets.
  const trying = useStore(studioSelection, (selection) => selection.trying !== undefined);
  if (!draft || trying) return null;
  return (
    <>
      {draft.lesson.objects.flatMap((object) =>
        (object.snap ?? []).map((snap, index) => (
          <mesh
            key={`${object.id}:${index}`}
            position={snap.pose.p}
            quaternion={snap.pose.q}
            scale={object.size}
            raycast={() => undefined}
          >
            <ShapeGeometry shape={object.shape === "model" ? "box" : object.shape} />
            <meshBasicMaterial color={object.color} transparent opacity={0.3} depthWrite={false} />
          </mesh>
        )),
      )}
    </>
  );
}
