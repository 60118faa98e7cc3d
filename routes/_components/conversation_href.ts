/**
 * Where a link into a conversation goes: its newest page, at its newest message. The fragment
 * is the anchor after the list (`#end`): without JavaScript the browser scrolls there (it opened
 * at the top of the last 100 messages); with it the infinite-scroll island does the same.
 */
export const conversationHref = (conversationId: string) => `/c/${conversationId}#end`;
