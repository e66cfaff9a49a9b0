/**
 * Who may take a seat in a class, and whose dropped seat is held for them.
 * Every way into a room (matchmaking's listing check, the room's own seat
 * reservation) asks these same functions, so no path skips a rule.
 */
import { JoinError, Limits } from "../../shared/protocol.ts";

/** What the door of a class knows when someone asks to come in. */
export interface ClassDoor {
  ended: boolean;
  /** The teacher closed the class to newcomers. */
  locked: boolean;
  /** Seats taken or promised: participants (held seats included) and reservations not yet used. */
  taken: number;
  /** The class's teachers' names, as the door compares them (teacherNameOf). */
  teacherNames: readonly TeacherName[];
}

export interface Entrant {
  /** Coming in as the teacher: the class's creator, or someone with its teacher key. */
  teacher: boolean;
  nickname: string;
}

/** Why this entrant may not come in, or undefined when they may. */
export function entryRefusal(door: ClassDoor, entrant: Entrant): JoinError | undefined {
  if (door.ended) return JoinError.ClassEnded;
  // A teacher comes back even to a closed or full class: it is theirs.
  if (entrant.teacher) return undefined;
  if (door.locked) return JoinError.ClassLocked;
  if (door.taken >= Limits.maxParticipants) return JoinError.ClassFull;
  if (passesForTeacher(entrant.nickname, door.teacherNames)) return JoinError.NicknameNotAllowed;
  return undefined;
}

/**
 * Words that name a role in the interface's languages. A student called
 * "Teacher", "Admin" or "Profesora" could give orders in chat as if they were
 * the teacher, so such names are left to teachers.
 */
const ROLE_WORDS = new Set(
  [
    "teacher",
    "admin",
    "administrator",
    "moderator",
    "host",
    "system",
    "server",
    "meridian",
    "profesor",
    "profesora",
    "docente",
    "maestro",
    "maestra",
    "professeur",
    "enseignant",
    "enseignante",
    "professor",
    "professora",
    "prof",
    "mwalimu",
    "معلم",
    "معلمة",
    "مدرس",
    "مدرسة",
    "استاذ",
    "استاذة",
    "शिक्षक",
    "शिक्षिका",
    "अध्यापक",
    "老师",
    "教师",
    "учитель",
    "учительница",
    "преподаватель",
  ].map(nameSkeleton),
);

/** Digits and signs people type for the letters they resemble ("T3acher", "@dmin"). */
const LOOKALIKES: Record<string, string> = {
  "0": "o",
  "1": "l",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
};

/**
 * A name reduced to what a reader sees: compatibility forms folded (ｔｅａｃｈｅｒ),
 * case and accents dropped, look-alike digits read as letters, and
 * everything but letters removed (spaces, dots, invisible characters).
 */
export function nameSkeleton(name: string): string {
  const folded = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[013457@$]/g, (c) => LOOKALIKES[c] ?? c);
  return [...folded].filter((c) => /\p{L}/u.test(c)).join("");
}

/** The words of a name, each reduced to its skeleton. */
function wordSkeletons(name: string): string[] {
  return name
    .split(/[\s\p{P}\p{S}]+/u)
    .map(nameSkeleton)
    .filter((word) => word.length > 0);
}

/** A teacher's name as the door compares it: its skeleton whole and word by word. */
export interface TeacherName {
  whole: string;
  words: string[];
}

export function teacherNameOf(nickname: string): TeacherName {
  return { whole: nameSkeleton(nickname), words: wordSkeletons(nickname) };
}

/**
 * True when a student's nickname would pass for a teacher: a role word
 * (alone, spelled out, or as one of its words), or a teacher's name (the same
 * letters, or all its words in a row within the nickname: "Ms Okafor 2").
 */
export function passesForTeacher(nickname: string, teacherNames: readonly TeacherName[]): boolean {
  const whole = nameSkeleton(nickname);
  const words = wordSkeletons(nickname);
  if (ROLE_WORDS.has(whole) || words.some((word) => ROLE_WORDS.has(word))) return true;
  return teacherNames.some(
    (teacher) => (teacher.whole.length > 0 && whole === teacher.whole) || containsRun(words, teacher.words),
  );
}

function containsRun(words: readonly string[], run: readonly string[]): boolean {
  if (run.length === 0) return false;
  for (let start = 0; start + run.length <= words.length; start++)
    if (run.every((word, i) => words[start + i] === word)) return true;
  return false;
}

/** A seat as the held-seat rule sees it. */
export interface SeatOrigin {
  /** The network address the seat's connection came from. */
  address: string;
  /** When the seat was taken (ms). */
  joinedAt: number;
}

/**
 * Whether a dropped seat is held for reconnection. A seat that lived for a
 * while is always held (a student's Wi-Fi dropping). One dropped soon after it
 * joined is held only while its address has few such seats held already:
 * otherwise one script joining and dropping in a loop would fill the class
 * with held seats, while a whole school behind one address, whose students
 * drop after minutes of class, keeps every seat.
 */
export function holdsDroppedSeat(
  dropped: SeatOrigin,
  heldShortLived: Iterable<SeatOrigin>,
  now: number,
  limits: { shortSeatSeconds: number; heldShortSeatsPerAddress: number } = Limits,
): boolean {
  if (now - dropped.joinedAt >= limits.shortSeatSeconds * 1000) return true;
  let sameAddress = 0;
  for (const seat of heldShortLived) if (seat.address === dropped.address) sameAddress++;
  return sameAddress < limits.heldShortSeatsPerAddress;
}

/** True when a seat that drops now counts as short-lived. */
export function isShortLived(seat: SeatOrigin, now: number): boolean {
  return now - seat.joinedAt < Limits.shortSeatSeconds * 1000;
}
