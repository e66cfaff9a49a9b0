/**
 * The server as an issuer of Open Badges: its Ed25519 key is made once and
 * kept in the class store (shared by every process in scale-out mode), and a
 * badge is issued only to a student whose learning records show every task
 * of the lesson completed.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { CREDENTIAL_CONTEXTS, didKeyOf, signCredential, type OpenBadgeCredential } from "../../shared/credential.ts";
import type { Lesson } from "../../shared/lesson.ts";
import { XapiVerb, type XapiStatement } from "../../shared/xapi.ts";
import type { ClassStore } from "../storage/classStore.ts";

const KEY_SETTING = "credential-signing-key";

export interface Issuer {
  did: string;
  issue(award: Award): Promise<OpenBadgeCredential>;
}

export interface Award {
  lesson: Lesson;
  /** The learner's nickname: only its salted hash goes into the badge. */
  nickname: string;
  /** The server's public address (the achievement's home). */
  home: string;
  at: Date;
}

export async function openIssuer(store: ClassStore, name: string): Promise<Issuer> {
  let pkcs8 = await store.loadSetting(KEY_SETTING);
  if (!pkcs8) {
    const fresh = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"])) as CryptoKeyPair;
    const exported = Buffer.from(await crypto.subtle.exportKey("pkcs8", fresh.privateKey)).toString("base64");
    pkcs8 = await store.saveSettingOnce(KEY_SETTING, exported);
  }
  const privateKey = await crypto.subtle.importKey("pkcs8", Buffer.from(pkcs8, "base64"), { name: "Ed25519" }, true, [
    "sign",
  ]);
  // The public half, from the private key's JWK (x is the raw public key).
  const jwk = await crypto.subtle.exportKey("jwk", privateKey);
  const publicKey = new Uint8Array(Buffer.from(jwk.x!, "base64url"));
  const did = didKeyOf(publicKey);

  return {
    did,
    async issue({ lesson, nickname, home, at }) {
      const salt = randomBytes(8).toString("hex");
      const credential: OpenBadgeCredential = {
        "@context": CREDENTIAL_CONTEXTS,
        id: `urn:uuid:${randomUUID()}`,
        type: ["VerifiableCredential", "OpenBadgeCredential"],
        issuer: { id: did, type: ["Profile"], name, url: home },
        validFrom: at.toISOString().replace(/\.\d{3}Z$/, "Z"),
        name: `${lesson.title.en} — completed`,
        credentialSubject: {
          type: ["AchievementSubject"],
          identifier: [
            {
              type: "IdentityObject",
              identityHash: `sha256$${createHash("sha256")
                .update(nickname + salt)
                .digest("hex")}`,
              identityType: "name",
              hashed: true,
              salt,
            },
          ],
          achievement: {
            id: `${home}/xapi/lessons/${encodeURIComponent(lesson.id)}`,
            type: ["Achievement"],
            name: lesson.title.en,
            description: lesson.summary.en,
            criteria: {
              narrative: "Completed every task of this lesson in a Meridian class, judged from the 3D scene.",
            },
          },
        },
      };
      return signCredential(credential, { privateKey, publicKey }, at);
    },
  };
}

/** The lesson's steps with a task this learner has no completed record for (empty: the lesson is done). */
export function tasksNotCompleted(lesson: Lesson, records: XapiStatement[], account: string): string[] {
  const completed = new Set(
    records
      .filter((r) => r.actor.account.name === account && r.verb.id === XapiVerb.Completed.id)
      .map((r) => decodeURIComponent(r.object.id.split("/steps/")[1] ?? "")),
  );
  return lesson.steps.filter((step) => step.goal && !completed.has(step.id)).map((step) => step.id);
}
