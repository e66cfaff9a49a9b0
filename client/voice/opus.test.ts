import { describe, expect, it } from "vitest";
import { tuneOpus } from "./opus.ts";

const chromeOffer = [
  "v=0",
  "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126",
  "a=rtpmap:111 opus/48000/2",
  "a=rtcp-fb:111 transport-cc",
  "a=fmtp:111 minptime=10;useinbandfec=1",
  "a=rtpmap:63 red/48000/2",
  "",
].join("\r\n");

describe("Opus for speech on thin links", () => {
  it("keeps what was there and adds FEC, DTX, mono and the bitrate cap once", () => {
    const tuned = tuneOpus(chromeOffer, 12_000);
    expect(tuned).toContain("a=fmtp:111 minptime=10;useinbandfec=1;usedtx=1;stereo=0;maxaveragebitrate=12000\r\n");
    expect(tuneOpus(tuned, 24_000)).toContain(
      "a=fmtp:111 minptime=10;useinbandfec=1;usedtx=1;stereo=0;maxaveragebitrate=24000\r\n",
    );
    expect(tuned.match(/a=fmtp:111/g)).toHaveLength(1);
  });

  it("adds the settings when Opus has none, and leaves a description without Opus alone", () => {
    const bare = chromeOffer.replace("a=fmtp:111 minptime=10;useinbandfec=1\r\n", "");
    expect(tuneOpus(bare)).toContain(
      "a=rtpmap:111 opus/48000/2\r\na=fmtp:111 useinbandfec=1;usedtx=1;stereo=0;maxaveragebitrate=24000\r\n",
    );
    const noOpus = "v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\na=rtpmap:0 PCMU/8000\r\n";
    expect(tuneOpus(noOpus)).toBe(noOpus);
  });
});
