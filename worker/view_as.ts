/**
 * Guesses which participant is "me" (the exporter) for the reader's left/right layout.
 * In a two-person chat named after one of them (Android: "WhatsApp Chat with Bob"), the
 * exporter is the other one; otherwise the most frequent sender. The user can change it.
 */
export function guessViewAs(
  participants: { name: string; messageCount: number }[],
  chatName: string | null,
): string | null {
  if (participants.length === 0) return null;
  const named = chatName?.trim().toLowerCase();
  if (participants.length === 2 && named) {
    const i = participants.findIndex((p) => p.name.toLowerCase() === named);
    if (i >= 0) return participants[1 - i].name;
  }
  return [...participants].sort((a, b) => b.messageCount - a.messageCount)[0].name;
}
