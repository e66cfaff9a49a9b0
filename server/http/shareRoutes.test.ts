import { describe, expect, it } from "vitest";
import { originsToShare } from "./shareRoutes.ts";

const lan = ["192.168.4.20", "fd12::20"];

describe("the addresses a teacher shares", () => {
  it("are the network addresses, HTTPS first, when the server listens on every interface", () => {
    expect(originsToShare({ host: "0.0.0.0", publicUrl: undefined }, lan, 2567, true)).toEqual([
      "https://192.168.4.20:2567",
      "https://[fd12::20]:2567",
      "http://192.168.4.20:2567",
      "http://[fd12::20]:2567",
    ]);
    expect(originsToShare({ host: "::", publicUrl: undefined }, lan, 2567, false)).toEqual([
      "http://192.168.4.20:2567",
      "http://[fd12::20]:2567",
    ]);
  });

  it("are the public address alone behind a proxy, and none when only this computer can connect", () => {
    expect(originsToShare({ host: "0.0.0.0", publicUrl: "https://class.school.example/x" }, lan, 2567, true)).toEqual([
      "https://class.school.example",
    ]);
    expect(originsToShare({ host: "127.0.0.1", publicUrl: undefined }, lan, 2567, true)).toEqual([]);
    expect(originsToShare({ host: "192.168.4.20", publicUrl: undefined }, lan, 2567, true)).toEqual([
      "https://192.168.4.20:2567",
      "http://192.168.4.20:2567",
    ]);
  });
});
