import { randomInt } from "node:crypto";

// A one-time password an admin hands over when inviting someone or resetting their password. Baton cannot
// send email here, so the admin sees it once and passes it on. 20 characters from a 31-letter alphabet
// without look-alikes (0/o, 1/l/i) carry about 99 bits of randomness, in groups of four so it reads aloud well.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const GROUPS = 5;
const GROUP_LENGTH = 4;

export function generateTemporaryPassword(): string {
  const groups: string[] = [];
  for (let group = 0; group < GROUPS; group++) {
    let text = "";
    for (let index = 0; index < GROUP_LENGTH; index++) text += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(text);
  }
  return groups.join("-");
}
