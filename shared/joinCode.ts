/**
 * Join codes: what a teacher reads out and a student types.
 *
 * The alphabet leaves out characters that look alike on a projector or in
 * handwriting (0/O, 1/I/L, U/V confusion is kept out by dropping U).
 * 30^6 ≈ 7.3e8 codes: with the server's rate limit on failed joins, guessing
 * a live class is impractical.
 */
export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
export const JOIN_CODE_LENGTH = 6;

const codePattern = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** Makes a uniformly random join code from a cryptographic source. */
export function generateJoinCode(randomBytes: (n: number) => Uint8Array = cryptoBytes): string {
  const alphabetSize = JOIN_CODE_ALPHABET.length;
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % alphabetSize);
  let code = "";
  while (code.length < JOIN_CODE_LENGTH) {
    for (const byte of randomBytes(JOIN_CODE_LENGTH * 2)) {
      if (byte < limit && code.length < JOIN_CODE_LENGTH) code += JOIN_CODE_ALPHABET[byte % alphabetSize];
    }
  }
  return code;
}

/**
 * Turns what a person typed ("k7f 3qx", "K7F-3QX") into the canonical code,
 * or returns undefined when it cannot be a code at all.
 */
export function normalizeJoinCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s-]/g, "");
  return codePattern.test(code) ? code : undefined;
}

/** Shows a canonical code the way people read it: `K7F-3QX`. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

function cryptoBytes(n: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}
