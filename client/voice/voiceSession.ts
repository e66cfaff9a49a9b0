/**
 * The voice of the class this page is in: started with the class screen,
 * stopped when it closes. Voices connect directly between participants,
 * unless the class's server says they go through a media server. The
 * interface and the scene reach the voice here.
 */
import { createStore } from "zustand/vanilla";
import type { ClassroomConnection } from "../net/connection.ts";
import { JanusVoice } from "./janusVoice.ts";
import { SpatialAudio } from "./spatialAudio.ts";
import type { VoiceChannel } from "./voiceChannel.ts";
import { VoiceMesh } from "./voiceMesh.ts";

export const voiceSession = createStore<{ channel: VoiceChannel | undefined; audio: SpatialAudio | undefined }>(() => ({
  channel: undefined,
  audio: undefined,
}));

export function startVoice(connection: ClassroomConnection): () => void {
  const audio = new SpatialAudio();
  let channel: VoiceChannel | undefined;
  let server = connection.view.getState().voiceServer;
  let stopped = false;
  let iceServers: RTCIceServer[] = [];
  const open = () => {
    if (stopped) return;
    channel?.stop();
    const wayIn = connection.view.getState().voiceServer;
    channel = wayIn
      ? new JanusVoice(connection, audio, wayIn, iceServers)
      : new VoiceMesh(connection, audio, iceServers);
    channel.start();
    voiceSession.setState({ channel, audio });
  };
  // The relay (if the school runs one) is known before the first voice connection opens.
  void connection.iceServers().then((servers) => {
    iceServers = servers;
    open();
  });
  // The way in to the media server arrives just after joining, and again after a reconnection.
  const unsubscribe = connection.view.subscribe((view) => {
    if (view.voiceServer === server) return;
    server = view.voiceServer;
    if (channel) open();
  });
  return () => {
    stopped = true;
    unsubscribe();
    channel?.stop();
    audio.close();
    if (voiceSession.getState().channel === channel) voiceSession.setState({ channel: undefined, audio: undefined });
  };
}
