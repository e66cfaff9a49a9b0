/**
 * Places the class's voices in the scene each frame: every speaker's voice
 * at their avatar's head, heard from this participant's own head (the screen
 * camera, or the headset).
 */
import { useFrame, useThree } from "@react-three/fiber";
import type { ClassroomConnection } from "../net/connection.ts";
import { voiceSession } from "../voice/voiceSession.ts";
import { worldPoseOf } from "./poseConversion.ts";

export function VoiceSpace({ connection }: { connection: ClassroomConnection }) {
  const camera = useThree((three) => three.camera);
  useFrame(() => {
    const audio = voiceSession.getState().audio;
    if (!audio) return;
    audio.listenFrom(worldPoseOf(camera));
    const now = performance.now();
    for (const participant of connection.view.getState().participants) {
      if (participant.seat === connection.seat) continue;
      const head = connection.poses.sample(`head:${participant.seat}`, now);
      if (head) audio.place(participant.seat, head);
    }
  });
  return null;
}
