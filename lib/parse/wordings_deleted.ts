/**
 * Deleted-message notices per language: WhatsApp's "This message was deleted" (received) and "You
 * deleted this message" (sent), exported as the whole body in place of the text. iOS adds a
 * trailing period, which `variants()` in wordings.ts adds to every entry, so an entry is written
 * without it unless the language's own full stop (`。`, `।`, `۔`) belongs to the wording.
 *
 * A group admin may delete a participant's message: the body then names the admin (`This message
 * was deleted by admin ~Ann.`), matched with {@link DELETED_BY_ADMIN}; the sender stays the author.
 *
 * Sources, per language (see wordings.ts): L = whats_json's lists from WhatsApp's iOS
 * `Localizable.strings`, S = its lists from Android `strings.xml`, R = a real export, O = the
 * admin-deletion lists of piptechnologies/openchat (`WhatsAppStrings.kt`), which says it took them
 * from WhatsApp's iOS strings and the Help Center and rates them low to medium confidence.
 *
 * @module
 */

/** Deleted notices, language → wordings (no trailing period). */
export const DELETED: Record<string, string[]> = {
  // en…tr: FORMAT.md §5.4 and L, S
  en: [
    "This message was deleted",
    "You deleted this message",
    // L (whats_json's notes of iOS keys `W*,Ww`, `zD*5p`)
    "You deleted this message as admin",
    "This message was deleted by an admin",
  ],
  es: ["Se eliminó este mensaje", "Eliminaste este mensaje", "Este mensaje fue eliminado"],
  pt: [
    "Esta mensagem foi apagada",
    "Você apagou esta mensagem",
    "Apagaste esta mensagem",
    "Apagou esta mensagem",
    "Mensagem apagada",
    "Esta mensagem foi apagada pelo remetente", // S (pt-PT)
  ],
  de: ["Diese Nachricht wurde gelöscht", "Du hast diese Nachricht gelöscht"],
  fr: ["Ce message a été supprimé", "Vous avez supprimé ce message"],
  it: ["Questo messaggio è stato eliminato", "Hai eliminato questo messaggio"],
  nl: [
    "Dit bericht is verwijderd",
    "Je hebt dit bericht verwijderd",
    "U hebt dit bericht verwijderd",
  ],
  tr: ["Bu mesaj silindi", "Bu mesajı sildiniz", "Bu mesajı sildin"],
  // he: L, S; R (the team's real iOS and Android exports: `הודעה זו נמחקה.`)
  he: ["הודעה זו נמחקה", "מחקת את ההודעה הזו", "מחקת הודעה זו"],
  // ru: L, S; R (whats_json test/data/ios "Elon Musk (RU)")
  ru: ["Данное сообщение удалено", "Вы удалили это сообщение", "Вы удалили данное сообщение"],
  // uk: L, S; R (whats_json test/data/ios "Elon Musk (UKR)")
  uk: ["Це повідомлення було видалено", "Ви видалили це повідомлення"],
  // el, ar, bn, zh (zh-HK, zh-TW, zh-CN), ur: L, S
  el: ["Αυτό το μήνυμα διαγράφηκε", "Διαγράψατε αυτό το μήνυμα", "Διαγράψατε το μήνυμα"],
  ar: ["تم حذف هذه الرسالة", "لقد حذَفت هذه الرسالة", "أنت حذفت هذه الرسالة"],
  bn: [
    "এই মেসেজটি বাদ দেওয়া হয়েছে।",
    "এই বার্তাটি মুছে ফেলা হয়েছে",
    "আপনি এই মেসেজটি বাদ দিয়েছেন",
    "আপনি এই মেসেজটি বাদ দিয়েছেন।",
    "আপনি এই বার্তাটি মুছে ফেলেছেন",
  ],
  zh: [
    "此訊息已刪除。",
    "这条消息已被删除。",
    "信息已删除",
    "您已刪除此訊息",
    "您已刪除此訊息。",
    "您已删除这条消息",
    "您已删除这条消息。",
    "您删除这个信息",
  ],
  ur: [
    "یہ میسج حذف کر دیا گیا ہے۔",
    "یہ پیغام حذف کیا گیا",
    "آپ نے یہ میسج حذف کر دیا ہے",
    "آپ نے یہ میسج حذف کر دیا ہے۔",
    "آپ نے اس پیغام کو حذف کیا",
  ],
  // vi: L, S; R (whats_json test/data/ios "iOS Vietnamese": both spellings of xóa/xoá)
  vi: [
    "Tin nhắn này đã bị xóa",
    "Tin nhắn này đã bị xoá",
    "Bạn đã xóa tin nhắn này",
    "Bạn đã xoá tin nhắn này",
  ],
  // th: L, S; R (whats_json test/data/ios "iOS Thai")
  th: ["ข้อความนี้ถูกลบแล้ว", "ข้อความนี้ได้ถูกลบ", "คุณได้ลบข้อความนี้", "คุณลบข้อความนี้"],
  // ja: L, S; R (whats_json test/data/ios "iOS Japanese")
  ja: [
    "このメッセージは削除されました。",
    "このメッセージは削除されました",
    "このメッセージを削除しました",
    "このメッセージを削除しました。",
  ],
  // sv, sk, pl, ro, nb, ms, mr, ko, hu, id, hr, hi, gu, ga, fi, fa, da, cs, ca: L, S
  sv: [
    "Det här meddelandet raderades",
    "Detta meddelande raderades",
    "Du har tagit bort meddelandet",
    "Du raderade det här meddelandet",
    "Du raderade detta meddelande",
  ],
  sk: ["Táto správa bola odstránená", "Túto správu ste odstránili"],
  pl: [
    "Ta wiadomość została usunięta",
    "Usunąłeś(-ęłaś) tę wiadomość",
    "Usunąłeś(aś) tę wiadomość",
  ],
  ro: ["Acest mesaj a fost șters", "Ați șters acest mesaj"],
  nb: ["Denne meldingen ble slettet", "Du slettet denne meldingen"],
  ms: ["Mesej ini telah dipadam", "Anda telah memadamkan mesej ini"],
  mr: ["हा मेसेज हटवण्यात आला", "हा संदेश हटविण्यात आला होता", "तुम्ही हा मेसेज हटवला", "आपण हा संदेश हटविलात"],
  ko: ["이 메시지는 삭제되었습니다", "삭제한 메시지입니다", "이 메시지를 삭제했습니다"],
  hu: ["Ez az üzenet törlésre került", "Ezt az üzenetet törölted", "Törölted ezt az üzenetet"],
  id: [
    "Pesan ini dihapus",
    "Pesan ini telah dihapus",
    "Anda menghapus pesan ini",
    "Anda telah menghapus pesan ini",
  ],
  hr: ["Ova je poruka izbrisana", "Ova poruka je izbrisana", "Izbrisali ste ovu poruku"],
  hi: [
    "यह मैसेज डिलीट कर दिया गया है",
    "यह संदेश मिटाया गया",
    "आपने यह मैसेज डिलीट किया",
    "आपने यह संदेश मिटाया",
  ],
  gu: ["આ મેસેજ ડિલીટ કરાયો", "આ સંદેશ રદ્દ કરાયો", "તમે આ મેસેજ ડિલીટ કર્યો", "તમે આ સંદેશને રદ્દ કર્યો"],
  ga: ["Scriosadh an teachtaireacht seo", "Scrios tú an teachtaireacht seo"],
  fi: ["Tämä viesti poistettiin", "Poistit tämän viestin"],
  fa: ["این پیام حذف شده است", "این پیام حذف شد", "شما این پیام را حذف کردید"],
  da: [
    "Denne besked er blevet slettet",
    "Denne besked blev slettet",
    "Du har slettet denne besked",
    "Du slettede denne besked",
  ],
  cs: [
    "Tato zpráva byla smazána",
    "Tato zpráva byla odstraněna",
    "Tuto zprávu jste smazal/a",
    "Tuto zprávu jste odstranil/a",
  ],
  ca: [
    "Aquest missatge s'ha suprimit",
    "Aquest missatge està esborrat",
    "Has suprimit aquest missatge",
    "Has esborrat aquest missatge",
  ],
  // tl, lv, kk, uz, sl, sw, ta, lt, et, bg, af, az, ml, mk, kn, sr, pa: S only (Android)
  tl: ["Itong mensahe ay binura na", "Binura mo itong mensahe"],
  lv: ["Šī ziņa tika izdzēsta", "Jūs izdzēsāt šo ziņu"],
  kk: ["Бұл хат жойылды", "Сіз бұл хатты жойдыңыз"],
  uz: ["Ushbu xabar o‘chirildi", "Siz ushbu xabarni o‘chirdingiz"],
  sl: ["To sporočilo je bilo izbrisano", "To sporočilo ste izbrisali"],
  sw: ["Ujumbe huu ulifutwa", "Umefuta ujumbe huu"],
  ta: ["இத்தகவல் திரும்பப்பெறப்பட்டது", "இத்தகவலை தாங்கள் அழித்தீர்கள்"],
  lt: ["Ši žinutė buvo ištrinta", "Jūs ištrynėte šią žinutę"],
  et: ["See sõnum on kustutatud", "Kustutasid selle sõnumi"],
  bg: ["Съобщението беше изтрито", "Изтрихте това съобщение"],
  af: ["Hierdie boodskap was uitgevee", "Jy het boodskap uitgevee"],
  az: ["Bu ismarıc silindi", "Siz bu ismarıcı sildiniz"],
  ml: ["ഈ സന്ദേശം ഇല്ലാതാക്കിയതാണ്", "ഈ സന്ദേശം നിങ്ങൾ ഇല്ലാതാക്കി"],
  mk: ["Оваа порака беше избришана", "Ја избриша оваа порака"],
  kn: ["ಈ ಸಂದೇಶವು ಅಳಿಸಲ್ಪಟ್ಟಿದೆ", "ನೀವು ಈ ಸಂದೇಶವನ್ನು ಅಳಿಸಿದ್ದೀರಿ"],
  sr: ["Ова порука је обрисана", "Обрисао/ла си ову поруку"],
  pa: ["ਇਸ ਸੁਨੇਹੇ ਨੂੰ ਹਟਾਇਆ ਗਿਆ", "ਤੁਸੀਂ ਇਹ ਸੁਨੇਹਾ ਹਟਾਇਆ"],
};

/** Admin deletions that name no admin, language → wordings (O; no trailing period). */
export const DELETED_BY_ANY_ADMIN: Record<string, string[]> = {
  id: ["Pesan ini dihapus oleh admin"],
  pt: ["Mensagem apagada por um admin", "Esta mensagem foi apagada por um/a administrador/a"],
  ur: ["یہ میسج ایک ایڈمن نے حذف کر دیا ہے۔"],
  hi: ["यह मैसेज किसी एडमिन ने डिलीट कर दिया है"],
  tr: ["Bu mesaj bir yönetici tarafından silindi"],
  es: ["Un admin. eliminó este mensaje"],
  ar: ["حذف أحد المشرفين هذه الرسالة"],
  fa: ["یکی از مدیران این پیام را حذف کرد"],
  he: ["ההודעה נמחקה על ידי מנהל/ת"],
  fr: ["Ce message a été supprimé par un ou une admin"],
  de: ["Diese Nachricht wurde von einem*einer Admin gelöscht"],
  it: ["Questo messaggio è stato eliminato da un amministratore"],
  ru: ["Данное сообщение удалено админом"],
  zh: ["管理员已删除这条消息。"],
};

/**
 * Admin deletions naming the admin, language → [text before the name, text after it]. The text
 * after it is never empty (the classifier gates on a body's last character), so a template that
 * ends with the name is left out (O's fr `… par l'admin %@`, pt `… pelo/a administrador/a %s`).
 */
export const DELETED_BY_ADMIN: Record<string, [string, string][]> = {
  // L (whats_json's note of iOS key `SUYSe`: "This message was deleted by admin %@."); R: a real
  // Android export of 2026 quoted in a parser's tests (`01/10/2025, 09:43 - Ada Lovelace: This
  // message was deleted by admin ~Bolanle.`); an iOS sample (`‎This message was deleted by admin
  // ~ Alice Example.`, U+202F after the tilde of a name not in the contacts)
  en: [["This message was deleted by admin ", "."]],
  // O
  id: [["Pesan ini dihapus oleh admin ", "."]],
  pt: [
    ["Mensagem apagada por um admin (", ")"],
    ["Esta mensagem foi apagada por um/a administrador/a, ", "."],
  ],
  ur: [["یہ میسج ایڈمن ", " نے حذف کر دیا ہے۔"]],
  hi: [["यह मैसेज एडमिन ", " ने डिलीट कर दिया है."]],
  tr: [["Bu mesaj ", " adlı yönetici tarafından silindi."]],
  es: [["Un admin., ", ", eliminó este mensaje."]],
  ar: [["حذف المشرف ", " هذه الرسالة."]],
  fa: [["این پیام را مدیر (", ") حذف کرد."]],
  he: [["ההודעה נמחקה על ידי ", ", מנהל/ת הקבוצה."]],
  de: [["Diese Nachricht wurde von Admin ", " gelöscht."]],
  it: [["Questo messaggio è stato eliminato dall'amministratore ", "."]],
  ru: [["Данное сообщение удалено админом (", ")."]],
  zh: [["管理员 ", " 已删除这条消息。"]],
};
