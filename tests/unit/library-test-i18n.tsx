// The English messages as the components' i18n, so library tests query by the names a user sees.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { I18n } from '../../components/i18n-context';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const messages = JSON.parse(
  readFileSync(join(process.cwd(), 'public/_locales/en/messages.json'), 'utf8'),
) as Record<string, Message>;

export const englishI18n: I18n = {
  t: (key, subs = []) => {
    const entry = messages[key];
    if (!entry) return key;
    return entry.message.replace(/\$(\w+)\$/gu, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/gu, (__, n: string) => subs[Number(n) - 1] ?? '');
    });
  },
  describeError: (code) => code,
};
