/**
 * Classroom phrases a student can send with one tap; each receiver reads
 * them in their own language, so two students with no common language can
 * still talk through a lesson.
 */
import type { Language } from "./protocol.ts";

export const PHRASES = [
  "question",
  "repeat",
  "slower",
  "notUnderstood",
  "done",
  "canYouHear",
  "yes",
  "no",
  "thanks",
] as const;
export type Phrase = (typeof PHRASES)[number];

export const PHRASEBOOK: Record<Phrase, Record<Language, string>> = {
  question: {
    en: "I have a question",
    es: "Tengo una pregunta",
    fr: "J’ai une question",
    pt: "Tenho uma pergunta",
    sw: "Nina swali",
    ar: "لديّ سؤال",
    hi: "मेरा एक सवाल है",
    zh: "我有一个问题",
    ru: "У меня вопрос",
  },
  repeat: {
    en: "Please repeat",
    es: "Repite, por favor",
    fr: "Tu peux répéter, s’il te plaît ?",
    pt: "Repita, por favor",
    sw: "Tafadhali rudia",
    ar: "أعد من فضلك",
    hi: "कृपया दोहराइए",
    zh: "请再说一遍",
    ru: "Повтори, пожалуйста",
  },
  slower: {
    en: "Slower, please",
    es: "Más despacio, por favor",
    fr: "Plus lentement, s’il te plaît",
    pt: "Mais devagar, por favor",
    sw: "Polepole, tafadhali",
    ar: "أبطأ من فضلك",
    hi: "कृपया धीरे",
    zh: "请慢一点",
    ru: "Помедленнее, пожалуйста",
  },
  notUnderstood: {
    en: "I don’t understand",
    es: "No entiendo",
    fr: "Je ne comprends pas",
    pt: "Não entendi",
    sw: "Sielewi",
    ar: "لا أفهم",
    hi: "मुझे समझ नहीं आया",
    zh: "我不明白",
    ru: "Я не понимаю",
  },
  done: {
    en: "Done!",
    es: "¡Listo!",
    fr: "Fini !",
    pt: "Pronto!",
    sw: "Nimemaliza!",
    ar: "انتهيت!",
    hi: "हो गया!",
    zh: "完成了！",
    ru: "Готово!",
  },
  canYouHear: {
    en: "Can you hear me?",
    es: "¿Me oyes?",
    fr: "Tu m’entends ?",
    pt: "Você me ouve?",
    sw: "Unanisikia?",
    ar: "هل تسمعني؟",
    hi: "क्या आप मुझे सुन सकते हैं?",
    zh: "你能听到我吗？",
    ru: "Ты меня слышишь?",
  },
  yes: { en: "Yes", es: "Sí", fr: "Oui", pt: "Sim", sw: "Ndiyo", ar: "نعم", hi: "हाँ", zh: "是", ru: "Да" },
  no: { en: "No", es: "No", fr: "Non", pt: "Não", sw: "Hapana", ar: "لا", hi: "नहीं", zh: "不是", ru: "Нет" },
  thanks: {
    en: "Thank you",
    es: "Gracias",
    fr: "Merci",
    pt: "Obrigado",
    sw: "Asante",
    ar: "شكرًا",
    hi: "धन्यवाद",
    zh: "谢谢",
    ru: "Спасибо",
  },
};

export const REACTIONS = ["thumbsUp", "clap", "smile", "surprised", "thinking", "heart"] as const;
export type Reaction = (typeof REACTIONS)[number];

/** How each reaction is drawn (emoji are the same in every language). */
export const REACTION_SYMBOLS: Record<Reaction, string> = {
  thumbsUp: "👍",
  clap: "👏",
  smile: "😀",
  surprised: "😮",
  thinking: "🤔",
  heart: "❤️",
};
