/**
 * Call rows: WhatsApp writes a call into the chat as a line of its own, with the caller where the
 * author stands (Android `Sumaira: Missed voice call`; iOS `Ann: ‎Voice call, ‎10 min`, its U+200E
 * often lost when a file was copied or cleaned). They are system lines (the author is dropped, as
 * for the other events). Whole bodies, listed per language; iOS's rows with a duration
 * (`Voice call, 6 min`) are matched by {@link CALL_DURATION}.
 *
 * Sources, per language (see wordings.ts): R = a real export, C = the call lists of parsers and
 * analysers written against real exports, L/S = whats_json's lists of WhatsApp's iOS/Android
 * strings (`missed_voice_call`, `video_missed_call`).
 *
 * @module
 */

/** Call rows, language → whole bodies (no trailing period: wordings.ts adds iOS's). */
export const CALLS: Record<string, string[]> = {
  en: [
    // R: real Android exports (`12/16/21, 7:55 PM - Sumaira: Missed voice call`), L, S
    "Missed voice call",
    "Missed video call",
    // C: Android group calls (a Turkish analyser's list of export rows, with their tr wording
    // below; preprocessing code of chat analysers dropping them from exports)
    "Missed group voice call",
    "Missed group video call",
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
  es: ["Llamada de voz perdida", "Videollamada perdida", "Llamada de video perdida"],
  pt: ["Chamada de voz perdida", "Chamada de vídeo perdida", "Videochamada perdida"],
  de: ["Verpasster Sprachanruf", "Verpasster Videoanruf"],
  fr: ["Appel vocal manqué", "Appel vidéo manqué"],
  it: ["Chiamata vocale persa", "Chiamata video persa", "Videochiamata persa"],
  nl: ["Gemiste spraakoproep", "Gemiste videooproep", "Gemiste video-oproep"],
  tr: [
    "Cevapsız sesli arama",
    "Cevapsız görüntülü arama",
    // C: group calls (the Turkish analyser above)
    "Cevapsız sesli grup araması",
    "Cevapsız görüntülü grup araması",
  ],
  ru: ["Пропущенный аудиозвонок", "Пропущенный видеозвонок"],
  uk: ["Пропущений аудіодзвінок", "Пропущений відеодзвінок"],
};

/**
 * iOS's row of a call that took place, with its length (R: `Video call, 6 min`, `Voice call, 2 min`
 * in the real iOS export of 2026 above; `sec` and `hr` as parsers of iOS exports read them). The
 * classifier tries it only on short bodies starting with `V`.
 */
export const CALL_DURATION = /^(?:Voice|Video) call, \d{1,3} (?:sec|min|hr)$/;
