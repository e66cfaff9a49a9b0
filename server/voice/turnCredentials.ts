/**
 * Short-lived credentials for the school's TURN relay (coturn with
 * `use-auth-secret`): the relay and this server share a secret; the username
 * is the expiry time, the password its HMAC. Browsers on networks that block
 * direct connections relay their voice through it; nothing else does.
 */
import { createHmac } from "node:crypto";

export interface TurnConfig {
  /** turn: addresses of the relay, e.g. "turn:turn.school.example:3478". */
  urls: string[];
  /** coturn's static-auth-secret. */
  secret: string;
}

/** How long a credential lasts: a school day. */
export const TURN_CREDENTIAL_SECONDS = 12 * 60 * 60;

export function iceServersFor(turn: TurnConfig | undefined, now: number): RTCIceServer[] {
  if (!turn) return [];
  const username = String(Math.floor(now / 1000) + TURN_CREDENTIAL_SECONDS);
  const credential = createHmac("sha1", turn.secret).update(username).digest("base64");
  return [{ urls: turn.urls, username, credential }];
}
