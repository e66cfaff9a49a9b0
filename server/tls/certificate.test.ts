import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { X509Certificate } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { certificateFor, covers } from "./certificate.ts";
import { machineNames } from "./machineNames.ts";

const folder = mkdtempSync(join(tmpdir(), "meridian-tls-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const school = machineNames(
  {
    lo: [{ address: "127.0.0.1", netmask: "255.0.0.0", family: "IPv4", mac: "", internal: true, cidr: null }],
    wlan0: [
      { address: "192.168.4.20", netmask: "255.255.255.0", family: "IPv4", mac: "", internal: false, cidr: null },
      { address: "fe80::1", netmask: "ffff::", family: "IPv6", mac: "", internal: false, cidr: null, scopeid: 2 },
      { address: "fd12::20", netmask: "ffff::", family: "IPv6", mac: "", internal: false, cidr: null, scopeid: 0 },
    ],
  },
  "Class-Laptop",
);

describe("the machine's names", () => {
  it("lists network addresses other devices can open, IPv4 first, without link-local ones", () => {
    expect(school.lanAddresses).toEqual(["192.168.4.20", "fd12::20"]);
    expect(school.dnsNames).toEqual(["localhost", "class-laptop", "class-laptop.local"]);
    expect(school.addresses).toEqual(["127.0.0.1", "::1", "192.168.4.20", "fd12::20"]);
  });
});

describe("a self-made certificate", () => {
  it("names every address and name, is kept, and is made again only for a new address", async () => {
    const first = await certificateFor({ kind: "selfMade", dir: folder }, school);
    expect(first.selfMade).toBe(true);
    const names = new X509Certificate(readFileSync(join(folder, "cert.pem"))).subjectAltName!;
    for (const name of ["DNS:localhost", "DNS:class-laptop.local", "IP Address:192.168.4.20", "IP Address:127.0.0.1"])
      expect(names).toContain(name);
    expect(first.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(covers(first, school)).toBe(true);

    const again = await certificateFor({ kind: "selfMade", dir: folder }, school);
    expect(again.fingerprint).toBe(first.fingerprint);

    const elsewhere = { ...school, addresses: [...school.addresses, "10.0.0.7"], lanAddresses: ["10.0.0.7"] };
    expect(covers(first, elsewhere)).toBe(false);
    const renewed = await certificateFor({ kind: "selfMade", dir: folder }, elsewhere);
    expect(renewed.fingerprint).not.toBe(first.fingerprint);
    expect(covers(renewed, elsewhere)).toBe(true);
  });

  it("the school's own files are served as given", async () => {
    const made = await certificateFor({ kind: "selfMade", dir: folder }, school);
    const given = await certificateFor(
      { kind: "files", certFile: join(folder, "cert.pem"), keyFile: join(folder, "key.pem") },
      school,
    );
    expect(given).toMatchObject({ selfMade: false, fingerprint: made.fingerprint });
  });
});
