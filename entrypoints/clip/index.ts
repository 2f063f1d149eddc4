// Injected on demand into the active tab's isolated world (never a content script): extracts and converts the page,
// returns plain data. It must never touch the store: IndexedDB here would belong to the news site.
import { defineUnlistedScript } from '#imports';
import type { PostclipGlobal } from '../../utils/pure/protocol';
import { createInjectedApi } from './injected-api';

export default defineUnlistedScript(() => {
  (globalThis as PostclipGlobal).__postclip = createInjectedApi(document, () => location.href);
});
