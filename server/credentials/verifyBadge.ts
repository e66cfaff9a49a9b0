/**
 * `npm run verify-badge -- FILE.json`: checks an Open Badges credential
 * offline (no network): its signature against the issuer's key inside it.
 * Exits 0 when valid, 1 when not.
 */
import { readFileSync } from "node:fs";
import { verifyCredential } from "../../shared/credential.ts";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run verify-badge -- FILE.json");
  process.exit(2);
}
const result = await verifyCredential(JSON.parse(readFileSync(file, "utf8")));
if (result.valid) console.log(`valid: "${result.name}", issued by ${result.issuer}`);
else console.log(`NOT valid: ${result.problem}`);
process.exit(result.valid ? 0 : 1);
