import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { TURN_CREDENTIAL_SECONDS, iceServersFor } from "./turnCredentials.ts";

describe("TURN credentials", () => {
  it("are coturn's REST credentials: expiry as username, HMAC-SHA1 of it as password", () => {
    const [server] = iceServersFor({ urls: ["turn:turn.example:3478"], secret: "s3cret" }, 1_700_000_000_000);
    expect(server!.urls).toEqual(["turn:turn.example:3478"]);
    expect(server!.username).toBe(String(1_700_000_000 + TURN_CREDENTIAL_SECONDS));
    expect(server!.credential).toBe(createHmac("sha1", "s3cret").update(server!.username!).digest("base64"));
  });

  it("are none without a relay: nothing goes to any other server", () => {
    expect(iceServersFor(undefined, Date.now())).toEqual([]);
  });
});
