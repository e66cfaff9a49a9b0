/**
 * The voice of the class this page is in: started with the class screen,
 * stopped when it closes. The interface and the scene reach it here.
 */
import { createStore } from "zustand/vanilla";
import type { ClassroomConnection } from "../net/connection.ts";
import { SpatialAudio } from "./spatialAudio.ts";
import { VoiceMesh } from "./voiceMesh.ts";

export const voiceSession = createStore<{ mesh: VoiceMesh | undefined; audio: SpatialAudio | undefined }>(() => ({
  mesh: undefined,
  audio: undefined,
}));

export function startVoice(connection: ClassroomConnection): () => void {
  const audio = new SpatialAudio();
  const mesh = new VoiceMesh(connection, audio);
  mesh.start();
  voiceSession.setState({ mesh, audio });
  return () => {
    mesh.stop();
    audio.close();
    if (voiceSession.getState().mesh === mesh) voiceSession.setState({ mesh: undefined, audio: undefined });
  };
}
