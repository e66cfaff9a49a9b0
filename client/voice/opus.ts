/**
 * Opus settings for speech on thin links, written into a session
 * description: forward error correction (a lost packet is rebuilt from the
 * next), DTX (silence sends almost nothing), mono, and a bitrate cap.
 */
import { VoiceBitrate } from "../../shared/voice.ts";

export function tuneOpus(sdp: string, maxBitrate: number = VoiceBitrate.normal): string {
  const payload = /a=rtpmap:(\d+) opus\/48000/i.exec(sdp)?.[1];
  if (!payload) return sdp;
  const settings = `useinbandfec=1;usedtx=1;stereo=0;maxaveragebitrate=${maxBitrate}`;
  const fmtp = new RegExp(`^a=fmtp:${payload} (.*)$`, "m");
  const existing = fmtp.exec(sdp);
  if (!existing) return sdp.replace(/(a=rtpmap:\d+ opus\/48000[^\r\n]*\r?\n)/i, `$1a=fmtp:${payload} ${settings}\r\n`);
  const kept = existing[1]!
    .split(";")
    .filter((pair) => !/^(useinbandfec|usedtx|stereo|maxaveragebitrate)=/.test(pair.trim()));
  return sdp.replace(fmtp, `a=fmtp:${payload} ${[...kept, settings].join(";")}`);
}
