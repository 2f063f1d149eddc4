// Pure: the names of the user-facing messages, for the platform's i18n and the components' context alike.
import type EN_MESSAGES from '../../public/_locales/en/messages.json';

/** Every message name; derived from the English file, which is the reference locale. */
export type MessageKey = keyof typeof EN_MESSAGES;
