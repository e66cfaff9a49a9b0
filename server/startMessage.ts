/**
 * What `npm start` prints once serving: where to open the classroom on this
 * computer and on headsets and phones, the certificate's fingerprint (to
 * compare with what a headset shows before accepting it), and a QR code of
 * the start page's network address for phones and headsets to scan.
 */
import { renderUnicodeCompact } from "uqr";
import type { ServedCertificate } from "./tls/certificate.ts";

export interface StartFacts {
  /** The address on this computer (http://localhost:PORT). */
  localUrl: string;
  /** Where other devices open it: the public address, or the machine's network addresses (HTTPS first). */
  shareOrigins: string[];
  certificate: ServedCertificate | undefined;
}

export function startMessage({ localUrl, shareOrigins, certificate }: StartFacts): string {
  const lines = [`Meridian classroom is running.`, ``, `  On this computer:  ${localUrl}`];
  if (shareOrigins.length > 0) {
    lines.push(`  On headsets, phones and other computers on this network:`);
    for (const origin of shareOrigins) lines.push(`                     ${origin}`);
  }
  if (certificate) {
    lines.push(
      ``,
      certificate.selfMade
        ? `  HTTPS uses a certificate this server made for itself (kept in the data folder). A headset or phone`
        : `  HTTPS uses the school's certificate (TLS_CERT), valid until ${certificate.validTo.toISOString().slice(0, 10)}.`,
    );
    if (certificate.selfMade)
      lines.push(
        `  warns once that the connection is not private: check that it shows this fingerprint, then continue.`,
      );
    lines.push(`  SHA-256 fingerprint: ${certificate.fingerprint}`);
  }
  lines.push(``, `Teachers: open the classroom and choose "Start a class". Students: open it and type the class code.`);
  const scan = shareOrigins[0];
  if (scan)
    lines.push(``, `Scan to open ${scan} on a phone or headset:`, renderUnicodeCompact(scan, { ecc: "M", border: 1 }));
  return lines.join("\n");
}
