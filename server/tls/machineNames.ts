/**
 * The names and addresses this machine is reached by: what a self-made
 * certificate must name, and the addresses the start message lists for
 * headsets and phones on the school's network.
 */
import { hostname, networkInterfaces } from "node:os";

export interface MachineNames {
  /** localhost, the host name and its .local (mDNS) name. */
  dnsNames: string[];
  /** Loopback and every network address, IPv4 first. */
  addresses: string[];
  /** The addresses other devices can reach (not loopback, not link-local): what students open. */
  lanAddresses: string[];
}

export function machineNames(interfaces = networkInterfaces(), host = hostname()): MachineNames {
  const found = Object.values(interfaces)
    .flatMap((entries) => entries ?? [])
    // fe80:: addresses need a zone (%eth0) that browsers cannot take in a URL.
    .filter((entry) => !(entry.family === "IPv6" && entry.address.toLowerCase().startsWith("fe80")));
  const lan = found.filter((entry) => !entry.internal);
  const byFamily = (a: { family: string }, b: { family: string }) =>
    a.family === b.family ? 0 : a.family === "IPv4" ? -1 : 1;
  const lanAddresses = [...new Set(lan.sort(byFamily).map((entry) => entry.address))];
  const name = host.toLowerCase();
  const dnsNames = [...new Set(["localhost", name, name.endsWith(".local") ? name : `${name}.local`])];
  return { dnsNames, addresses: [...new Set(["127.0.0.1", "::1", ...lanAddresses])], lanAddresses };
}

/** An address as it goes in a URL (IPv6 in brackets). */
export const urlHost = (address: string): string => (address.includes(":") ? `[${address}]` : address);
