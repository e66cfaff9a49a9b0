import { describe, expect, it } from "vitest";
import { startMessage } from "./startMessage.ts";

const certificate = {
  cert: "",
  key: "",
  fingerprint: "AB:CD",
  selfMade: true,
  validTo: new Date("2027-12-01T00:00:00Z"),
};

describe("the start message", () => {
  it("lists this computer's address, then the network's (HTTPS first), the fingerprint and a QR code", () => {
    const text = startMessage({
      localUrl: "http://localhost:2567",
      shareOrigins: ["https://192.168.4.20:2567", "http://192.168.4.20:2567"],
      certificate,
    });
    expect(text).toContain("On this computer:  http://localhost:2567");
    expect(text.indexOf("https://192.168.4.20:2567")).toBeLessThan(text.indexOf("http://192.168.4.20:2567"));
    expect(text).toContain("SHA-256 fingerprint: AB:CD");
    expect(text).toContain("Scan to open https://192.168.4.20:2567");
    // The QR code: rows of block characters, as wide as they are tall (two modules a row).
    const rows = text.split("\n").filter((line) => /^[█▀▄ ]+$/.test(line) && line.length > 20);
    expect(rows.length).toBeGreaterThan(10);
  });

  it("names the school's certificate, and prints no QR code when only this computer can open it", () => {
    const text = startMessage({
      localUrl: "http://127.0.0.1:2567",
      shareOrigins: [],
      certificate: { ...certificate, selfMade: false },
    });
    expect(text).toContain("school's certificate (TLS_CERT), valid until 2027-12-01");
    expect(text).not.toContain("Scan to open");
  });
});
