/**
 * Voice in class: who may speak (the same rule on the server, which refuses,
 * and in every client, which plays only allowed voices), and the audio
 * settings for thin links.
 */
import { Role } from "./protocolNames.ts";

/** The parts of the state the rule reads. */
export interface SpeakerState {
  role: string;
  floor: boolean;
  muted: boolean;
}

/** The teacher always; a student with the floor or in an open discussion, unless the teacher muted them. */
export function maySpeak(discussionOpen: boolean, participant: SpeakerState): boolean {
  if (participant.role === Role.Teacher) return true;
  return !participant.muted && (participant.floor || discussionOpen);
}

/**
 * Opus for speech: 24 kbit/s is clear speech; on a poor link (much loss or a
 * long round trip) 12 kbit/s with in-band forward error correction keeps it
 * intelligible. Silence sends almost nothing (DTX).
 */
export const VoiceBitrate = { normal: 24_000, poorLink: 12_000 } as const;
/** A link is poor for voice beyond these, measured from the receiver's reports. */
export const POOR_VOICE_LINK = { lossFraction: 0.05, roundTripMs: 400 } as const;
