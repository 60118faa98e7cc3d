/**
 * Location wordings per language: the whole-body live-location notice (Android exports a shared
 * live location as `live location shared`), and the label before a shared location's URL
 * (`location: https://maps.google.com/?q=…`, iOS `Location: …`).
 *
 * Sources, per language (see wordings.ts): S = whats_json's lists from WhatsApp's Android
 * `strings.xml` (`email_live_location_message`, `email_location_message`), R = a real export.
 *
 * @module
 */

/** Live-location notices, language → wordings. */
export const LIVE_LOCATION: Record<string, string[]> = {
  // en…tr: FORMAT.md §5.4 and S
  en: ["live location shared"],
  es: ["Ubicación en tiempo real compartida"],
  pt: [
    "Localização em tempo real compartilhada",
    "localização atual compartilhada",
    "Está a partilhar a sua localização",
  ],
  de: ["Live-Standort geteilt", "Live-Standort wird geteilt"],
  fr: ["Position en direct partagée", "Localisation en direct partagée"],
  it: ["Posizione attuale condivisa"],
  nl: ["Live locatie gedeeld"],
  tr: ["Canlı konum paylaşıldı", "Mevcut konum paylaşıldı"],
  // S
  he: ["משתף מיקום בשידור חי"],
  ru: ["Геоданные отправлены"],
  uk: ["геодані надіслано"],
  el: ["η τωρινή τοποθεσία κοινοποιήθηκε"],
  ar: ["تمت مشاركة الموقع المباشر"],
  bn: ["লাইভ অবস্থান শেয়ার করা হয়েছে"],
  zh: ["實時位置已分享", "共享实时位置"],
  vi: ["vị trí hiện thời được chia sẻ"],
  ur: ["جاری مقام کا اشتراک ہوا"],
  th: ["ตำแหน่งปัจจุบันถูกแบ่งปัน"],
  sv: ["liveposition delad"],
  sk: ["bola zdieľaná aktuálna poloha"],
  pl: ["udostępniona transmisja położenia"],
  ro: ["locație în timp real distribuită"],
  nb: ["posisjon i sanntid delt"],
  ms: ["lokasi terkini dikongsi"],
  mr: ["सध्याचे थेट ठिकाण शेअर केले"],
  ko: ["공유한 실시간 위치"],
  ja: ["ライブロケーション共有"],
  hu: ["tartózkodási hely megosztva"],
  id: ["Lokasi terkini dibagikan"],
  hr: ["trenutna lokacija podijeljena"],
  hi: ["लाइव स्थान साझा किया गया"],
  gu: ["જીવંત સ્થાન શેર કરાયું"],
  fi: ["live-sijainti jaettu"],
  fa: ["مکان زنده به اشتراک گذاشته شد"],
  da: ["live placering delt"],
  cs: ["byla sdílena aktuální poloha"],
  ca: ["Ubicació en directe compartida"],
  tl: ["ibinahagi ang live na lokasyon"],
  lv: ["reāllaika atrašanās vieta"],
  kk: ["қазіргі орынмен бөлісті"],
  uz: ["jonli joylashuv ulashildi"],
  sl: ["lokacija v živo je bila deljena"],
  sw: ["mahali mubashara pameshirikishwa"],
  ta: ["இடம் நேரலையாக பகிரபட்டது"],
  lt: ["tiesioginė vieta bendrinama"],
  et: ["hetke asukoht jagatud"],
  bg: ["местоположение в реално време споделено"],
  af: ["regstreekse ligging gedeel"],
  az: ["canlı məkan paylaşılıb"],
  ml: ["ലൈവ് ലൊക്കേഷൻ പങ്കിട്ടു"],
  mk: ["споделено локација во живо"],
  kn: ["ನೇರ ಸ್ಥಳ ಹಂಚಿಕೊಳ್ಳಲಾಗಿದೆ"],
  sr: ["Локација уживо подељена"],
  pa: ["ਮੌਜੂਦਾ ਟਿਕਾਣਾ ਸਾਂਝਾ ਕੀਤਾ"],
  te: ["ప్రత్యక్ష స్థాన భాగస్వామ్యం"],
  sq: ["vendnodhja aktuale u shpërnda"],
};

/**
 * Location labels (`location: https://maps…`), lower case → language. One language keeps a label
 * several share (`poloha` cs/sk, `lokacija` hr/sl, `местоположение` ru/bg, `lokasi` id/ms,
 * `स्थान` hi/mr, `локација` mk/sr). Left out: S's `位` and `位置情`, cut short by whats_json's
 * collector (the real Japanese export's label is `位置情報`), and Tamil's `இருப்பிடம`, cut the same
 * way.
 */
export const LOCATION_LABELS = new Map<string, string>([
  // en…tr: FORMAT.md §5.4 and S
  ["location", "en"],
  ["ubicación", "es"],
  ["localização", "pt"],
  ["standort", "de"],
  ["position", "fr"],
  ["localisation", "fr"],
  ["posizione", "it"],
  ["locatie", "nl"],
  ["konum", "tr"],
  // R: whats_json test/data/ios (iOS Russian, Ukrainian, Japanese, Thai, Vietnamese exports)
  ["местоположение", "ru"],
  ["розташування", "uk"],
  ["位置情報", "ja"],
  ["ตำแหน่งที่ตั้ง", "th"],
  ["vị trí", "vi"],
  // S (Android)
  ["מיקום", "he"],
  ["τοποθεσία", "el"],
  ["місцезнаходження", "uk"],
  ["الموقع", "ar"],
  ["অবস্থান", "bn"],
  ["位置", "zh"],
  ["مقام", "ur"],
  ["plats", "sv"],
  ["poloha", "cs"],
  ["położenie", "pl"],
  ["locație", "ro"],
  ["posisjon", "nb"],
  ["lokasi", "id"],
  ["स्थान", "hi"],
  ["위치", "ko"],
  ["helyzet", "hu"],
  ["lokacija", "hr"],
  ["સ્થળ", "gu"],
  ["sijainti", "fi"],
  ["موقعیت", "fa"],
  ["placering", "da"],
  ["ubicació", "ca"],
  ["lokasyon", "tl"],
  ["atrašanās vieta", "lv"],
  ["орналасуы", "kk"],
  ["joylashuv", "uz"],
  ["mahali", "sw"],
  ["buvimo vieta", "lt"],
  ["asukoht", "et"],
  ["ligging", "af"],
  ["məkan", "az"],
  ["സ്ഥലം", "ml"],
  ["локација", "mk"],
  ["ಸ್ಥಳ", "kn"],
  ["ਟਿਕਾਣਾ", "pa"],
  ["స్థలం", "te"],
  ["vendndodhja", "sq"],
]);
