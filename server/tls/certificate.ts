/**
 * The certificate the classroom serves HTTPS with: the school's own (files
 * named by TLS_CERT and TLS_KEY), or one this server makes for itself on
 * first start, for this machine's names and network addresses, kept in the
 * data folder. A self-made certificate is made again only when the machine
 * has an address it does not name (another network) or it nears its end.
 */
import { X509Certificate } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { BlockList, isIPv6 } from "node:net";
import { join } from "node:path";
import { generate } from "selfsigned";
import type { MachineNames } from "./machineNames.ts";

export type TlsSetting =
  /** The school's certificate and key, as PEM files. */
  | { kind: "files"; certFile: string; keyFile: string }
  /** Made by the server; kept in `dir` (memory only when undefined). */
  | { kind: "selfMade"; dir: string | undefined };

export interface ServedCertificate {
  cert: string;
  key: string;
  /** SHA-256 fingerprint, as browsers show it (AA:BB:…). */
  fingerprint: string;
  selfMade: boolean;
  validTo: Date;
}

/** A self-made certificate is renewed when it has fewer days than this left. */
const RENEW_DAYS = 30;
/** How long a self-made certificate is valid (browsers accept at most 398 days for trusted ones). */
const VALID_DAYS = 365;

export async function certificateFor(setting: TlsSetting, machine: MachineNames): Promise<ServedCertificate> {
  if (setting.kind === "files") {
    const cert = readFileSync(setting.certFile, "utf8");
    const key = readFileSync(setting.keyFile, "utf8");
    return served(cert, key, false);
  }
  const stored = setting.dir ? readStored(setting.dir) : undefined;
  if (stored && covers(stored, machine) && daysLeft(stored) > RENEW_DAYS) return stored;
  const made = await makeCertificate(machine);
  if (setting.dir) {
    mkdirSync(setting.dir, { recursive: true });
    writeFileSync(join(setting.dir, "key.pem"), made.key, { mode: 0o600 });
    writeFileSync(join(setting.dir, "cert.pem"), made.cert);
  }
  return made;
}

function served(cert: string, key: string, selfMade: boolean): ServedCertificate {
  const parsed = new X509Certificate(cert);
  return { cert, key, fingerprint: parsed.fingerprint256, selfMade, validTo: new Date(parsed.validTo) };
}

function readStored(dir: string): ServedCertificate | undefined {
  try {
    return served(readFileSync(join(dir, "cert.pem"), "utf8"), readFileSync(join(dir, "key.pem"), "utf8"), true);
  } catch {
    return undefined;
  }
}

const daysLeft = (certificate: ServedCertificate) => (certificate.validTo.getTime() - Date.now()) / 86_400_000;

/** Whether the certificate names every name and address the machine has now. */
export function covers(certificate: ServedCertificate, machine: MachineNames): boolean {
  const entries = (new X509Certificate(certificate.cert).subjectAltName ?? "").split(", ");
  const dns = new Set(entries.filter((entry) => entry.startsWith("DNS:")).map((entry) => entry.slice(4)));
  // Addresses compared as addresses: the certificate spells ::1 as 0:0:0:0:0:0:0:1.
  const named = new BlockList();
  for (const entry of entries.filter((entry) => entry.startsWith("IP Address:"))) {
    const address = entry.slice("IP Address:".length);
    named.addAddress(address, isIPv6(address) ? "ipv6" : "ipv4");
  }
  return (
    machine.dnsNames.every((name) => dns.has(name)) &&
    machine.addresses.every((address) => named.check(address, isIPv6(address) ? "ipv6" : "ipv4"))
  );
}

async function makeCertificate(machine: MachineNames): Promise<ServedCertificate> {
  const notBeforeDate = new Date(Date.now() - 60 * 60 * 1000);
  const notAfterDate = new Date(notBeforeDate.getTime() + VALID_DAYS * 86_400_000);
  const pems = await generate(
    [{ name: "commonName", value: `Meridian classroom on ${machine.dnsNames[1] ?? "this machine"}` }],
    {
      keyType: "ec",
      curve: "P-256",
      algorithm: "sha256",
      notBeforeDate,
      notAfterDate,
      extensions: [
        { name: "basicConstraints", cA: false },
        { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
        { name: "extKeyUsage", serverAuth: true },
        {
          name: "subjectAltName",
          altNames: [
            ...machine.dnsNames.map((value) => ({ type: 2 as const, value })),
            ...machine.addresses.map((ip) => ({ type: 7 as const, ip })),
          ],
        },
      ],
    },
  );
  return served(pems.cert, pems.private, true);
}
