import { describe, expect, it } from "vitest";
import {
  CREDENTIAL_CONTEXTS,
  base58btc,
  canonicalize,
  didKeyOf,
  fromBase58btc,
  signCredential,
  verifyCredential,
  type OpenBadgeCredential,
} from "./credential.ts";

async function keys() {
  const pair = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"])) as CryptoKeyPair;
  return {
    privateKey: pair.privateKey,
    publicKey: new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey)),
  };
}

function badge(issuer: string): OpenBadgeCredential {
  return {
    "@context": CREDENTIAL_CONTEXTS,
    id: "urn:uuid:2f1c1f2e-8a3b-4c5d-9e0f-123456789abc",
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: { id: issuer, type: ["Profile"], name: "Meridian classroom" },
    validFrom: "2026-11-30T10:00:00Z",
    name: "The Solar System — completed",
    credentialSubject: {
      type: ["AchievementSubject"],
      identifier: [
        { type: "IdentityObject", identityHash: "sha256$ab", identityType: "name", hashed: true, salt: "s" },
      ],
      achievement: {
        id: "https://class.example.org/xapi/lessons/solar-system",
        type: ["Achievement"],
        name: "The Solar System",
        description: "Planets in order.",
        criteria: { narrative: "Completed every task of the lesson." },
      },
    },
  };
}

describe("Open Badges credentials", () => {
  it("verify when untouched, and fail when anything in them changed or another key signed", async () => {
    const issuerKeys = await keys();
    const signed = await signCredential(badge(didKeyOf(issuerKeys.publicKey)), issuerKeys, new Date());
    expect(await verifyCredential(signed)).toMatchObject({ valid: true, name: "The Solar System — completed" });
    // Through JSON and back, as a file would travel.
    expect((await verifyCredential(JSON.parse(JSON.stringify(signed)))).valid).toBe(true);

    const renamed = structuredClone(signed);
    renamed.credentialSubject.achievement.name = "Quantum Physics";
    expect(await verifyCredential(renamed)).toMatchObject({ valid: false, problem: /does not match/ });
    const redated = { ...structuredClone(signed), validFrom: "2020-01-01T00:00:00Z" };
    expect((await verifyCredential(redated)).valid).toBe(false);
    const otherProofTime = structuredClone(signed);
    otherProofTime.proof!.created = "2020-01-01T00:00:00Z";
    expect((await verifyCredential(otherProofTime)).valid).toBe(false);

    // Someone else's key claiming to be the issuer.
    const forger = await keys();
    const forged = await signCredential(badge(didKeyOf(issuerKeys.publicKey)), forger, new Date());
    expect((await verifyCredential(forged)).valid).toBe(false);
    expect((await verifyCredential({ hello: "world" })).valid).toBe(false);
  });

  it("canonicalises JSON with sorted keys, and round-trips base58", () => {
    expect(canonicalize({ b: 1, a: [true, null, "é"], c: { z: 0.5, y: "x" } })).toBe(
      '{"a":[true,null,"é"],"b":1,"c":{"y":"x","z":0.5}}',
    );
    const bytes = new Uint8Array([0, 0, 1, 2, 255, 128]);
    expect(fromBase58btc(base58btc(bytes))).toEqual(bytes);
    expect(didKeyOf(new Uint8Array(32))).toMatch(/^did:key:z6Mk/);
  });
});
