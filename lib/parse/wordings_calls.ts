/**
 * Call rows: WhatsApp writes a call into the chat as a line of its own, with the caller where the
 * author stands (Android `Sumaira: Missed voice call`; iOS `Ann: ‎Voice call, ‎10 min`). They are
 * system lines (the author is dropped, as for the other events). iOS puts U+200E before every
 * row, which makes it a system line by itself (body.ts); Android rows carry no mark, so Android's
 * wordings ({@link CALLS}) are whole-body wordings (wordings.ts `EXACT`), taken on iOS only with
 * their U+200E. The rows only iOS writes ({@link IOS_CALLS}) are no whole-body wordings: typed
 * without the mark (`Llamada perdida`) they are a participant's words.
 *
 * The one list of call wordings: wordings_system.ts appends each language's wordings of both
 * tables (escaped, found anywhere in a text) to that language's system phrases, for the language
 * guess and for system texts standing where an author would.
 *
 * Sources, per language (see wordings.ts): R = a real export, C = the call lists of parsers and
 * analysers written against real exports, L/S = whats_json's lists of WhatsApp's iOS/Android
 * strings (`lib/src/patterns.dart`: `missedCall`, iOS keys `A),w/` and `f/]I7`, Android
 * `missed_voice_call`; `missedVideoCall`, iOS `PnA\`x`, Android `video_missed_call`). Each list
 * holds the iOS strings in one language order, then the Android ones in another, which tells the
 * language of each string. Where iOS and Android agree an entry is marked L S.
 *
 * @module
 */

/**
 * Call rows Android writes (S, R, C; L S where iOS writes them too), language → whole bodies, as
 * written (no case variants: WhatsApp writes its rows one way; no trailing period: wordings.ts
 * adds iOS's).
 */
export const CALLS: Record<string, string[]> = {
  en: [
    // R: real Android exports (`12/16/21, 7:55 PM - Sumaira: Missed voice call`), L, S
    "Missed voice call",
    "Missed video call",
    // C: Android group calls (a Turkish analyser's list of export rows, with their tr wording
    // below; preprocessing code of chat analysers dropping them from exports)
    "Missed group voice call",
    "Missed group video call",
  ],
  es: [
    "Llamada de voz perdida", // S; C
    "Videollamada perdida", // L S
    "Llamada de video perdida", // C (analysers' lists of Spanish export rows)
  ],
  pt: [
    "Chamada de voz perdida", // L (pt-PT) S (pt-BR)
    "Chamada de vídeo perdida", // L (pt-BR) S (pt-BR)
    "Videochamada perdida", // L (pt-PT) S (pt-PT)
  ],
  de: ["Verpasster Sprachanruf", "Verpasster Videoanruf"], // L S
  fr: ["Appel vocal manqué", "Appel vidéo manqué"], // L S
  it: [
    "Chiamata vocale persa", // L S
    "Chiamata video persa", // source not recorded (listed since the first call rows)
    "Videochiamata persa", // L S
  ],
  nl: [
    "Gemiste spraakoproep", // S
    "Gemiste videooproep", // source not recorded (listed since the first call rows)
    "Gemiste video-oproep", // S
  ],
  tr: [
    "Cevapsız sesli arama", // L S
    "Cevapsız görüntülü arama", // L S
    // C: group calls (the Turkish analyser above)
    "Cevapsız sesli grup araması",
    "Cevapsız görüntülü grup araması",
  ],
  he: ["שיחה קולית שלא נענתה", "שיחת וידאו שלא נענתה"], // L S
  ru: ["Пропущенный аудиозвонок", "Пропущенный видеозвонок"], // L S
  uk: ["Пропущений аудіодзвінок", "Пропущений відеодзвінок"], // L S
  el: [
    "Αναπάντητη βιντεοκλήση", // L S
    "Αναπάντητη κλήση", // S (voice)
  ],
  ar: ["مكالمة صوتية فائتة", "مكالمة فيديو فائتة"], // L S
  bn: [
    "মিসড ভয়েস কল", // S
    "মিস করা ভিডিও কল", // S
  ],
  zh: [
    "未接語音通話", // L (zh-HK) S (zh-TW)
    "未接視像通話", // L (zh-HK) S (zh-TW)
    "未接语音通话", // L S (zh-CN)
    "未接视频通话", // L S (zh-CN)
  ],
  vi: ["Cuộc gọi nhỡ", "Cuộc gọi nhỡ video"], // L S
  ur: [
    "چھوٹی ہوئی صوتی کال", // S
    "چھوٹی ہوئی ویڈیو کال", // S
  ],
  th: [
    "สายที่ไม่ได้รับ", // L S (voice)
    "สายโทรวิดีโอที่ไม่ได้รับ", // S
  ],
  sv: [
    "Missat röstsamtal", // L S
    "Missat videosamtal", // L S
  ],
  pl: [
    "Nieodebrane poł. wideo", // L S
    "Nieodebrane połączenie", // S (voice)
  ],
  ro: [
    "Apel vocal nepreluat", // S
    "Apel video nepreluat", // S
  ],
  nb: [
    "Tapt taleanrop", // L S
    "Tapt videosamtale", // S
  ],
  ms: [
    "Panggilan suara terlepas", // S
    "Panggilan video terlepas", // L S
  ],
  mr: ["मिस्ड व्हॉइस कॉल", "मिस्ड व्हिडिओ कॉल"], // L S
  ko: ["부재중 전화", "부재중 영상통화"], // L S
  ja: [
    "不在着信", // S (voice)
    "ビデオ通話不在着信", // L S
  ],
  hu: [
    "Nem fogadott hanghívás", // L S
    "Nem fogadott videóhívás", // S
  ],
  id: ["Panggilan suara tak terjawab", "Panggilan video tak terjawab"], // L S
  hr: [
    "Propušten glasovni poziv", // S
    "Propušten video poziv", // S
  ],
  hi: [
    "छूटी हुई ध्वनि कॉल", // S
    "छूटी हुई विडियो कॉल", // S
  ],
  gu: [
    "છૂટી ગયેલ ધ્વનિ કૉલ", // S
    "છૂટી ગયેલ વિડિઓ કૉલ", // S
  ],
  fi: ["Vastaamaton äänipuhelu", "Vastaamaton videopuhelu"], // L S
  fa: [
    "تماس صوتی پاسخ داده نشده", // L S
    "تماس تصویری پاسخ داده نشده", // S
  ],
  da: [
    "Mistet opkald", // S
    "Mistede video opkald", // S
  ],
  cs: [
    "Zmeškaný hlasový hovor", // S
    "Zmeškaný videohovor", // S (the same as sk's iOS row: votes for neither, SHARED_CALLS)
  ],
  ca: [
    "Trucada de veu perduda", // L S
    "Trucada de vídeo perduda", // S
  ],
  // S only (Android)
  tl: ["Nakaligtaang voice call", "Nakaligtaang video call"],
  lv: ["Neatbildēts balss zvans", "Neatbildēts video zvans"],
  kk: ["Жауапсыз қоңырау", "Жауапсыз видео қоңырау"],
  uz: ["O‘tkazib yub. ovozli qo‘ng‘iroq", "O‘tkazib yub. videoqo‘ng‘iroq"],
  sl: ["Zgrešen klic", "Neodgovorjen video klic"],
  sw: ["Simu ya sauti uliyoikosa", "Simu ya video uliyoikosa"],
  ta: ["தவறிய குரல் அழைப்பு", "தவறிய காணொலி அழைப்பு"],
  lt: ["Praleistas balso skambutis", "Praleistas video skambutis"],
  et: ["Vastamata häälkõne", "Vastamata videokõne"],
  bg: ["Пропуснато гласово обаждане", "Пропуснато видео обаждане"],
  af: ["Stemoproep gemis", "Video-oproep gemis"],
  az: ["Buraxılmış zəng", "Buraxılmış video zəng"],
  ml: ["വിളി നഷ്ടപ്പെട്ടു", "നഷ്ടമായ വീഡിയോ കാൾ"],
  mk: ["Пропуштен гласовен повик", "Пропуштен видео повик"],
  kn: ["ತಪ್ಪಿದ ಧ್ವನಿ ಕರೆ", "ತಪ್ಪಿದ ದೃಶ್ಯ ಕರೆ"],
  sr: ["Пропуштен гласовни позив", "Пропуштен видео позив"],
  pa: ["ਮਿਸ ਹੋਈ ਆਵਾਜ਼ ਕਾਲ", "ਮਿਸ ਹੋਈ ਵੀਡੀਓ ਕਾਲ"],
  te: ["మిస్సేడ్ వాయిస్ కాల్", "తప్పిన వీడియోకాల్"],
  sq: ["Thirrje e shmangur", "Videothirrje e shmangur"],
};

/**
 * Call rows only iOS writes (L: whats_json's iOS lists; en: R, C as noted), language → whole
 * bodies. iOS puts U+200E before every call row, which makes it a system line by itself
 * (body.ts); these wordings serve the language guess (wordings_system.ts) and are no whole-body
 * wordings: without the mark (an Android file, or a participant typing `Llamada perdida`) the
 * line is a participant's text.
 */
export const IOS_CALLS: Record<string, string[]> = {
  en: [
    // R: a real iOS export of April 2026 stored on GitHub (`[23/04/2026, 18:05:47] Desmond
    // SurrealDB: Missed voice call, Tap to call back`, `Jordan: Voice call, No answer`,
    // `Silenced voice call, Focus mode`) and one of January 2025 (`Meet Bhanushali: Silenced
    // voice call, Focus mode`)
    "Missed voice call, Tap to call back",
    "Voice call, No answer",
    "Silenced voice call, Focus mode",
    // C: the same rows for video, the desktop's `Click to call back` and a call taken on another
    // device (analysers' lists of iOS export rows)
    "Missed video call, Tap to call back",
    "Missed voice call, Click to call back",
    "Missed video call, Click to call back",
    "Video call, No answer",
    "Silenced video call, Focus mode",
    "Voice call, Answered on other device",
    "Video call, Answered on other device",
  ],
  es: ["Llamada perdida"],
  nl: ["Gemist spraakgesprek", "Gemist videogesprek"],
  el: ["Αναπάντητη φωνητική κλήση"],
  bn: ["ভয়েস কল মিস করেছেন", "ভিডিও কল মিস করেছেন"],
  ur: ["مسڈ وائس کال", "مسڈ ویڈیو کال"],
  th: ["วิดีโอคอลที่ไม่ได้รับ"],
  sv: ["Missat samtal"],
  sk: ["Zmeškaný hovor", "Zmeškaný videohovor"],
  pl: ["Nieodebrane poł. głosowe", "Nieodebrane poł"],
  ro: ["Apel vocal ratat", "Apel video ratat"],
  nb: ["Tapt videoanrop"],
  ms: ["Panggila suara terlepas", "Panggilan Suara Terlepas"],
  ja: ["音声通話不在着信"],
  hu: ["Nem fogadott videohívás"],
  hr: ["Propušteni glasovni poziv", "Propušteni videopoziv"],
  hi: ["वॉइस कॉल मिस हुई", "मिस्ड वॉइस कॉल", "मिस्ड वीडियो कॉल"],
  gu: ["છૂટી ગયેલો વોઇસ કૉલ", "છૂટેલો વોઇસ કૉલ", "છૂટી ગયેલ વિડિયો કૉલ"],
  ga: ["Guthghlao caillte", "Glao Gutha Caillte", "Físghlao caillte"],
  fa: ["تماس تصویری بی\u200cپاسخ", "تماس تصویری بیپاسخ"],
  da: ["Ubesvaret taleopkald", "Ubesvaret videoopkald"],
  ca: ["Videotrucada perduda"],
};

/**
 * Call wordings listed for more than one language (Czech Android's `Zmeškaný videohovor` is
 * Slovak iOS's too): they tell a system line but not its language, so they vote for none
 * (wordings.ts `EXACT`, wordings_system.ts) and the file's other lines decide.
 */
export const SHARED_CALLS: ReadonlySet<string> = listedTwice([CALLS, IOS_CALLS]);

function listedTwice(tables: Record<string, string[]>[]): Set<string> {
  const langOf = new Map<string, string>(), shared = new Set<string>();
  for (const [lang, list] of tables.flatMap((table) => Object.entries(table))) {
    for (const w of list) {
      if ((langOf.get(w) ?? lang) !== lang) shared.add(w);
      langOf.set(w, lang);
    }
  }
  return shared;
}

/**
 * The start of iOS's rows of a call (English): `Voice call, 6 min`, `Video call, No answer`. Its
 * language's system phrases take it as written (wordings_system.ts).
 */
export const IOS_CALL_START: [lang: string, source: string] = ["en", "^(?:Voice|Video) call, "];
