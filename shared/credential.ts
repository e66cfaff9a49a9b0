/**
 * Open Badges 3.0 credentials (W3C Verifiable Credentials) for a completed
 * lesson, signed with a Data Integrity proof of the `eddsa-jcs-2022`
 * cryptosuite: the credential and the proof's options are canonicalised with
 * JCS (RFC 8785), hashed with SHA-256 and signed with Ed25519. The issuer is a
 * `did:key`, so the public key travels inside the credential and anyone can
 * verify it offline — in a browser or with `npm run verify-badge`. WebCrypto
 * only, so the same code runs in both.
 */
export const CREDENTIAL_CONTEXTS = [
  "https://www.w3.org/ns/credentials/v2",
  "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
];

export interface DataIntegrityProof {
  type: "DataIntegrityProof";
  cryptosuite: "eddsa-jcs-2022";
  created: string;
  verificationMethod: string;
  proofPurpose: "assertionMethod";
  proofValue?: string;
}

export interface OpenBadgeCredential {
  "@context": string[];
  id: string;
  type: string[];
  issuer: { id: string; type: string[]; name: string; url?: string };
  validFrom: string;
  name: string;
  credentialSubject: {
    type: string[];
    /** The learner, as a salted hash of their nickname (Open Badges' privacy-preserving identity). */
    identifier: { type: "IdentityObject"; identityHash: string; identityType: "name"; hashed: true; salt: string }[];
    achievement: {
      id: string;
      type: string[];
      name: string;
      description: string;
      criteria: { narrative: string };
    };
  };
  proof?: DataIntegrityProof;
  [extra: string]: unknown;
}

/** JSON Canonicalization Scheme (RFC 8785) for the JSON this module signs: sorted keys, ECMAScript number and string forms. */
export function canonicalize(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalize).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalize(v)}`).join(",")}}`;
}

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

export function base58btc(bytes: Uint8Array): string {
  let number = 0n;
  for (const byte of bytes) number = number * 256n + BigInt(byte);
  let text = "";
  while (number > 0n) {
    text = BASE58[Number(number % 58n)] + text;
    number /= 58n;
  }
  for (const byte of bytes) {
    if (byte !== 0) break;
    text = `1${text}`;
  }
  return text;
}

export function fromBase58btc(text: string): Uint8Array<ArrayBuffer> {
  let number = 0n;
  for (const char of text) {
    const digit = BASE58.indexOf(char);
    if (digit < 0) throw new Error("not base58");
    number = number * 58n + BigInt(digit);
  }
  const bytes: number[] = [];
  while (number > 0n) {
    bytes.unshift(Number(number % 256n));
    number /= 256n;
  }
  for (const char of text) {
    if (char !== "1") break;
    bytes.unshift(0);
  }
  return new Uint8Array(bytes);
}

/** Multicodec prefix of an Ed25519 public key in a did:key. */
const ED25519_PUB = [0xed, 0x01];

export function didKeyOf(publicKey: Uint8Array): string {
  return `did:key:z${base58btc(new Uint8Array([...ED25519_PUB, ...publicKey]))}`;
}

function publicKeyOfDidKey(did: string): Uint8Array<ArrayBuffer> {
  const match = /^did:key:z([1-9A-HJ-NP-Za-km-z]+)$/.exec(did);
  if (!match) throw new Error("the issuer is not a did:key");
  const bytes = fromBase58btc(match[1]!);
  if (bytes.length !== 34 || bytes[0] !== ED25519_PUB[0] || bytes[1] !== ED25519_PUB[1])
    throw new Error("the issuer's key is not an Ed25519 key");
  return bytes.slice(2);
}

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

/** What eddsa-jcs-2022 signs: hash of the proof options, then hash of the credential without its proof. */
async function hashData(credential: OpenBadgeCredential, proof: DataIntegrityProof): Promise<Uint8Array<ArrayBuffer>> {
  const { proof: _ignored, ...document } = credential;
  const { proofValue: _value, ...options } = proof;
  const optionsHash = await sha256(canonicalize({ ...options, "@context": credential["@context"] }));
  const documentHash = await sha256(canonicalize(document));
  return new Uint8Array([...optionsHash, ...documentHash]);
}

export async function signCredential(
  credential: OpenBadgeCredential,
  keys: { privateKey: CryptoKey; publicKey: Uint8Array },
  created: Date,
): Promise<OpenBadgeCredential> {
  const did = didKeyOf(keys.publicKey);
  const proof: DataIntegrityProof = {
    type: "DataIntegrityProof",
    cryptosuite: "eddsa-jcs-2022",
    created: created.toISOString().replace(/\.\d{3}Z$/, "Z"),
    verificationMethod: `${did}#${did.slice("did:key:".length)}`,
    proofPurpose: "assertionMethod",
  };
  const signature = new Uint8Array(
    await crypto.subtle.sign("Ed25519", keys.privateKey, await hashData(credential, proof)),
  );
  return { ...credential, proof: { ...proof, proofValue: `z${base58btc(signature)}` } };
}

export type Verification = { valid: true; issuer: string; name: string } | { valid: false; problem: string };

/** Checks a credential offline: its form, that its issuer's key signed it, and that nothing changed since. */
export async function verifyCredential(input: unknown): Promise<Verification> {
  if (!globalThis.crypto?.subtle)
    return { valid: false, problem: "badges can be checked only on a secure (https or localhost) page" };
  try {
    const credential = input as OpenBadgeCredential;
    const proof = credential?.proof;
    if (!credential || typeof credential !== "object" || !Array.isArray(credential.type))
      return { valid: false, problem: "this is not a credential" };
    if (!credential.type.includes("OpenBadgeCredential"))
      return { valid: false, problem: "this is not an Open Badges credential" };
    if (!proof || proof.type !== "DataIntegrityProof" || proof.cryptosuite !== "eddsa-jcs-2022" || !proof.proofValue)
      return { valid: false, problem: "the credential has no eddsa-jcs-2022 proof" };
    if (proof.proofPurpose !== "assertionMethod") return { valid: false, problem: "the proof's purpose is wrong" };
    const issuer = credential.issuer?.id;
    if (typeof issuer !== "string" || !proof.verificationMethod.startsWith(`${issuer}#`))
      return { valid: false, problem: "the proof was not made with the issuer's key" };
    const publicKey = await crypto.subtle.importKey("raw", publicKeyOfDidKey(issuer), { name: "Ed25519" }, false, [
      "verify",
    ]);
    if (!proof.proofValue.startsWith("z")) return { valid: false, problem: "the signature is not base58btc" };
    const signature = fromBase58btc(proof.proofValue.slice(1));
    const ok = await crypto.subtle.verify("Ed25519", publicKey, signature, await hashData(credential, proof));
    return ok
      ? { valid: true, issuer: credential.issuer.name, name: credential.name }
      : {
          valid: false,
          problem: "the signature does not match: the credential was changed, or not signed by its issuer",
        };
  } catch (error) {
    return { valid: false, problem: error instanceof Error ? error.message : String(error) };
  }
}
